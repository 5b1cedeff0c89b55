import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import lessonJson from '../../scenarios/client-closes-first.json';
import { decodeScenarioParam } from '../../lab/scenarioParam';
import { openedLab } from '../../testing/labDriver';
import { applyCommand, MAX_SCENARIO_TEXT } from './commands';

const lesson = lessonJson as Scenario;

describe('applyCommand', () => {
  const lab = openedLab({ lessons: { basic: lesson } });

  it('steps, goes back, plays, pauses and resets as the buttons do', () => {
    const { store } = lab();
    applyCommand(store, { type: 'step' });
    applyCommand(store, { type: 'step' });
    expect(store.getState().step).toBe(2);
    applyCommand(store, { type: 'back' });
    expect(store.getState().step).toBe(1);
    applyCommand(store, { type: 'play' });
    expect(store.getState().playing).toBe(true);
    // A step while playing pauses first, like the step button.
    applyCommand(store, { type: 'step' });
    expect(store.getState()).toMatchObject({ playing: false, step: 2 });
    applyCommand(store, { type: 'play' });
    applyCommand(store, { type: 'pause' });
    expect(store.getState().playing).toBe(false);
    applyCommand(store, { type: 'reset' });
    expect(store.getState().step).toBe(0);
  });

  it('loads a scenario, object or JSON text', async () => {
    const { driver, store } = lab();
    applyCommand(store, { type: 'load', scenario: JSON.stringify({ ...lesson, seed: 99 }) });
    await driver.settle(store);
    expect(store.getState().run?.scenario.seed).toBe(99);
    expect(store.getState().lessonId).toBe('custom');
    applyCommand(store, { type: 'load', scenario: { ...lesson, seed: 98 } });
    await driver.settle(store);
    expect(store.getState().run?.scenario.seed).toBe(98);
  });

  it('refuses a scenario nested too deep with the words of a share link, and keeps the lesson', async () => {
    const { driver, store } = lab();
    const shown = store.getState().run;
    const deepText = JSON.stringify(lesson).replace(
      '"seed":7',
      `"seed":${'['.repeat(5000)}${']'.repeat(5000)}`,
    );
    let deepObject: unknown = 7;
    for (let i = 0; i < 5000; i++) deepObject = i % 2 ? [deepObject] : { v: deepObject };
    const link = Buffer.from(deepText, 'utf8').toString('base64url');
    const linkReason = (() => {
      try {
        decodeScenarioParam(link);
      } catch (error) {
        return (error as Error).message.replace(/^s: /, '');
      }
      throw new Error('the link was read');
    })();
    expect(linkReason).toMatch(/^nested more than 32 levels deep/);
    for (const scenario of [deepText, { ...lesson, seed: deepObject }]) {
      applyCommand(store, { type: 'load', scenario });
      await driver.settle(store);
      expect(store.getState().error).toEqual({ kind: 'load', message: `load: ${linkReason}` });
      expect(store.getState().run).toBe(shown);
      expect(store.getState().lessonId).toBe('basic');
    }
    applyCommand(store, { type: 'step' });
    expect(store.getState().step).toBe(1);
  });

  it('refuses text too long to parse, saying so, and keeps the lesson', () => {
    const { store } = lab();
    const shown = store.getState().run;
    applyCommand(store, { type: 'load', scenario: ' '.repeat(MAX_SCENARIO_TEXT + 1) });
    expect(store.getState().error).toEqual({
      kind: 'load',
      message: expect.stringMatching(/^load: the scenario text is too long/) as unknown,
    });
    expect(store.getState().run).toBe(shown);
    applyCommand(store, { type: 'step' });
    expect(store.getState().step).toBe(1);
  });
});
