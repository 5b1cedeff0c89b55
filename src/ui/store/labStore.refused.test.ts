// A custom scenario (a course page's `load`, a web component's `scenario`, a share link's `s=`)
// goes through the validator before the store keeps anything of it: one it refuses changes
// nothing but the message (no settings read from it, no run asked for, the lesson and step kept),
// and the widget goes on, a good scenario after it included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, type ParseResult } from '../../engine/validate';
import { defaultLabOptions } from '../../lab/labOptions';
import { CUSTOM_LESSON_ID } from '../../lab/types';
import { LabDriver } from '../../testing/labDriver';
import { REFUSED_SCENARIOS } from '../../testing/refusedScenarios';
import { closingScenario } from '../../testing/scenarios';
import { createLabStore, type LabStore } from './labStore';

const lesson = closingScenario({
  seed: 7,
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
});
const good = { ...lesson, seed: 11, network: { lossRate: 0.1 }, timers: { mslMs: 5000 } };

let driver: LabDriver;
beforeEach(() => {
  driver = new LabDriver({ lessons: { basic: lesson, other: lesson } });
});
afterEach(() => driver.dispose());

/** What a refused scenario must leave as it was. */
function shown(store: LabStore) {
  const s = store.getState();
  return {
    lessonId: s.lessonId,
    options: s.options,
    lessonOptions: s.lessonOptions,
    run: s.run,
    step: s.step,
    status: s.status,
    custom: s.custom,
  };
}

describe('a course page’s scenario the validator refuses', () => {
  for (const { scenario, reason } of REFUSED_SCENARIOS) {
    for (const form of ['object', 'JSON text'] as const) {
      it(`${JSON.stringify(scenario)} as ${form}: the message, nothing else; then a good one`, async () => {
        const store = await driver.open({ lessonId: 'other' });
        driver.step(store, 2);
        const before = shown(store);
        const runs = driver.calls.length;

        store.getState().loadScenario(form === 'object' ? scenario : JSON.stringify(scenario));
        expect(store.getState().error).toEqual({
          kind: 'load',
          message: expect.stringMatching(`^load: ${escape(reason)}`) as string,
        });
        // Refused before anything was read from it: the settings, the lesson, its run and the
        // step are those shown before, and the engine was not asked to run it.
        expect(shown(store)).toEqual(before);
        expect(driver.calls).toHaveLength(runs);
        expect(Number.isFinite(store.getState().options.lossPercent)).toBe(true);

        // The widget goes on: it steps, and the next good scenario is shown.
        expect(driver.step(store)).toBe(3);
        store.getState().loadScenario(form === 'object' ? good : JSON.stringify(good));
        await driver.settle(store);
        expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
        expect(store.getState().run?.scenario.seed).toBe(11);
        expect(store.getState().options).toMatchObject({ lossPercent: 10, mslMs: 5000 });
        expect(store.getState().error).toBeNull();
      });
    }
  }

  it('keeps a custom scenario shown before, and its settings, over a refused one', async () => {
    const store = await driver.open();
    store.getState().loadScenario(good);
    await driver.settle(store);
    const before = shown(store);
    for (const { scenario } of REFUSED_SCENARIOS) {
      store.getState().loadScenario(scenario);
      expect(shown(store)).toEqual(before);
    }
    expect(store.getState().error?.kind).toBe('load');
  });
});

describe('a share link’s scenario the validator refuses', () => {
  for (const { scenario, reason } of REFUSED_SCENARIOS) {
    it(`${JSON.stringify(scenario)}: the default lesson with its own settings, and why`, async () => {
      const store = driver.create({ custom: scenario, lessonId: 'other' });
      expect(store.getState()).toMatchObject({
        lessonId: 'basic',
        options: defaultLabOptions(lesson),
        lessonOptions: defaultLabOptions(lesson),
        error: { kind: 'link', message: expect.stringMatching(`^s: ${escape(reason)}`) as string },
      });
      store.getState().attach(driver.runner);
      await driver.settle(store);
      // The engine was asked for the default lesson only.
      expect(driver.calls).toEqual([defaultLabOptions(lesson)]);
      expect(store.getState().error?.kind).toBe('link');
    });
  }

  it('keeps a good one as given, so that a link made of it reads as the one it came from', async () => {
    const store = await driver.open({ custom: good });
    expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    expect(store.getState().lessonScenario()).toBe(good);
    expect(store.getState().options).toMatchObject({ lossPercent: 10, mslMs: 5000, seed: 11 });
  });
});

describe('a validator fetched on demand (the page’s)', () => {
  /** A store whose validator answers when `release` is called (or fails to load). */
  function withLateValidator(init: Parameters<LabDriver['create']>[0] = {}) {
    const waiting: { raw: unknown; answer: (result: ParseResult) => void; fail: () => void }[] = [];
    const store = createLabStore(
      { locale: 'en', ...init },
      {
        ...driver.deps,
        checkScenario: (raw) =>
          new Promise<ParseResult>((answer, reject) =>
            waiting.push({ raw, answer, fail: () => reject(new Error('chunk failed')) }),
          ),
      },
    );
    const release = (index = 0) => {
      const entry = waiting[index];
      entry?.answer(parseScenario(entry.raw));
    };
    return { store, waiting, release };
  }

  it('keeps stepping the lesson while the check is on its way, then refuses or shows', async () => {
    const { store, waiting, release } = withLateValidator();
    store.getState().attach(driver.runner);
    await driver.settle(store);
    const refused = REFUSED_SCENARIOS[0]!;
    store.getState().loadScenario(refused.scenario);
    expect(store.getState().lessonId).toBe('basic');
    expect(driver.step(store)).toBe(1);
    release();
    await Promise.resolve();
    expect(store.getState().error?.message).toMatch(/^load: profile/);
    expect(store.getState().step).toBe(1);

    store.getState().loadScenario(good);
    release(1);
    await driver.settle(store);
    await expect.poll(() => store.getState().run?.scenario.seed).toBe(11);
    expect(waiting).toHaveLength(2);
  });

  it('shows only the newest of two scenarios whose checks cross', async () => {
    const { store, release } = withLateValidator();
    store.getState().attach(driver.runner);
    await driver.settle(store);
    store.getState().loadScenario({ ...lesson, seed: 21 });
    store.getState().loadScenario({ ...lesson, seed: 22 });
    release(1);
    release(0);
    await expect.poll(() => store.getState().run?.scenario.seed).toBe(22);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getState().run?.scenario.seed).toBe(22);
  });

  it('says so when the validator cannot be fetched, and keeps the lesson', async () => {
    const { store, waiting } = withLateValidator();
    store.getState().attach(driver.runner);
    await driver.settle(store);
    store.getState().loadScenario(good);
    waiting[0]?.fail();
    await expect
      .poll(() => store.getState().error?.message)
      .toBe('load: the scenario could not be checked; try reloading the page');
    expect(store.getState().lessonId).toBe('basic');
  });

  it('opens a link on the default lesson when its check cannot be answered at once', () => {
    const { store } = withLateValidator({ custom: good });
    expect(store.getState().lessonId).toBe('basic');
    expect(store.getState().error).toEqual({
      kind: 'link',
      message: 's: the scenario could not be checked; try reloading the page',
    });
  });
});

/** `text` as a regular expression that matches it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
