import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/types';
import { runWithCauses } from '../../lab/run';
import { applyOptions, scenarioForLab } from '../../lab/variants';
import { encodeScenarioParam } from '../../lab/shareLink';
import { testLabDeps, validatingRunner } from '../../testing/labStore';
import { createLabStore, type LabRunner, type LabStore } from './labStore';
import { CUSTOM_LESSON_ID } from '../../lab/types';
import { decodeScenarioParam } from '../../lab/scenarioParam';
import { normalizeOrigin, parseUrlOptions } from '../../lab/urlOptions';

const lesson: Scenario = {
  seed: 7,
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 150, who: 'client', do: 'connect' },
    { at: 450, who: 'client', do: 'close' },
    { at: 600, who: 'server', do: 'close' },
  ],
};

// A debounce, so the typing test can see it.
const deps = { ...testLabDeps({ basic: lesson, other: lesson }), typingDebounceMs: 50 };

const fakeRunner = () => validatingRunner();

async function settle(store: LabStore): Promise<void> {
  await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
}

describe('lab store', () => {
  let store: LabStore;
  let runner: ReturnType<typeof fakeRunner>;
  beforeEach(() => {
    store = createLabStore({ locale: 'en' }, deps);
    runner = fakeRunner();
  });
  afterEach(() => store.getState().detach());

  it('runs the lesson once attached and steps through it', async () => {
    expect(store.getState().status).toBe('idle');
    store.getState().attach(runner);
    await settle(store);
    const { total, step, view } = store.getState();
    expect(total).toBeGreaterThan(5);
    expect(step).toBe(0);
    expect(view?.states).toEqual({ client: 'CLOSED', server: 'CLOSED' });
    store.getState().stepForward();
    expect(store.getState().step).toBe(1);
    expect(store.getState().view?.states.server).toBe('LISTEN');
    const shown = store.getState().view;
    store.getState().stepForward();
    store.getState().stepBack();
    expect(store.getState().view).toEqual(shown);
    store.getState().goTo(999);
    expect(store.getState().step).toBe(total);
    store.getState().stepForward();
    expect(store.getState().step).toBe(total);
    store.getState().reset();
    expect(store.getState().step).toBe(0);
  });

  it('keeps the step (clamped) across re-runs, and debounces typing', async () => {
    store.getState().attach(runner);
    await settle(store);
    store.getState().goTo(4);
    store.getState().setOptions({ lossPercent: 1 }, true);
    store.getState().setOptions({ lossPercent: 10 }, true);
    expect(runner.calls).toHaveLength(1);
    await vi.waitFor(() => expect(runner.calls).toHaveLength(2));
    expect(runner.calls[1]?.lossPercent).toBe(10);
    await settle(store);
    expect(store.getState().step).toBe(4);
  });

  it('drops a clicked segment and stays on the step', async () => {
    store.getState().attach(runner);
    await settle(store);
    const syn = store.getState().derived?.segments[0];
    expect(syn?.flags).toEqual(['SYN']);
    store.getState().goTo(syn?.sentStep ?? 0);
    const step = store.getState().step;
    store.getState().dropSegment(syn?.id ?? -1);
    expect(store.getState().options.extraFaults).toHaveLength(1);
    await vi.waitFor(() => expect(runner.calls).toHaveLength(2));
    await settle(store);
    expect(store.getState().step).toBe(step);
    const dropped = store.getState().derived?.segments[0];
    expect(dropped?.droppedAt).not.toBeNull();
    expect(applyOptions(lesson, store.getState().options).faults).toHaveLength(1);
  });

  it('shows an unknown lesson as an error and falls back to the default', () => {
    const bad = createLabStore({ locale: 'en', lessonId: 'nope' }, deps);
    expect(bad.getState().lessonId).toBe('basic');
    expect(bad.getState().error?.message).toContain('nope');
    bad.getState().setLesson('missing');
    expect(bad.getState().lessonId).toBe('basic');
  });

  it('reports a failed run and keeps the last good one', async () => {
    store.getState().attach(runner);
    await settle(store);
    const good = store.getState().run;
    store.getState().detach();
    store.getState().attach({
      run: () => Promise.reject(new Error('seed: must be an integer')),
      dispose() {},
    });
    await vi.waitFor(() => expect(store.getState().status).toBe('error'));
    expect(store.getState().error?.message).toBe('seed: must be an integer');
    expect(store.getState().run).toBe(good);
  });

  it('applies the URL step and autoplay to the first run', async () => {
    const linked = createLabStore({ locale: 'en', step: 3, autoplay: true }, deps);
    linked.getState().attach(runner);
    await settle(linked);
    expect(linked.getState().step).toBe(3);
    expect(linked.getState().playing).toBe(true);
    linked.getState().detach();
    expect(linked.getState().playing).toBe(false);
  });

  it('ignores a run that finishes after a newer one was started', async () => {
    let resolveFirst: (() => void) | undefined;
    const slow: LabRunner = {
      run(scenario, options) {
        const result = runWithCauses(scenarioForLab(scenario, options, runWithCauses));
        if (!resolveFirst) {
          return new Promise((resolve) => {
            resolveFirst = () => resolve(result);
          });
        }
        return Promise.resolve(result);
      },
      dispose() {},
    };
    store.getState().attach(slow);
    store.getState().setOptions({ seed: 99 });
    await settle(store);
    resolveFirst?.();
    await Promise.resolve();
    expect(store.getState().run?.scenario.seed).toBe(99);
  });
});

describe('a scenario from a link (s=)', () => {
  it('decodes base64url JSON and runs it as the custom lesson', async () => {
    const param = Buffer.from(JSON.stringify({ ...lesson, seed: 3 }), 'utf8').toString('base64url');
    const custom = decodeScenarioParam(param);
    expect(custom).toMatchObject({ seed: 3 });
    const store = createLabStore({ locale: 'en', custom, lessonId: 'other' }, deps);
    expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    store.getState().attach(fakeRunner());
    await settle(store);
    expect(store.getState().run?.scenario.seed).toBe(3);
    store.getState().detach();
  });

  it('shows the default lesson, and says why, when the linked scenario breaks the format', async () => {
    const custom = { ...lesson, actions: [{ at: -5, who: 'client', do: 'connect' }] };
    const store = createLabStore({ locale: 'en', custom }, deps);
    store.getState().attach(fakeRunner());
    await settle(store);
    expect(store.getState().lessonId).toBe('basic');
    expect(store.getState().error).toMatchObject({ kind: 'link' });
    expect(store.getState().error?.message).toMatch(/^s: actions\[0\]\.at/);
    // The message stays up over the lesson shown in its place, until dismissed.
    store.getState().setOptions({ seed: 5 });
    await settle(store);
    expect(store.getState().error?.kind).toBe('link');
    store.getState().detach();
  });

  it('round-trips through encodeScenarioParam, Unicode included', () => {
    const scenario = {
      ...lesson,
      title: '三次握手 — “why three?”',
      description: 'é'.repeat(40_000),
    };
    expect(decodeScenarioParam(encodeScenarioParam(scenario))).toEqual(scenario);
    expect(encodeScenarioParam(scenario)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('reports an unreadable link and shows the default lesson', () => {
    expect(() => decodeScenarioParam('%%%')).toThrow(/base64url/);
    expect(() => decodeScenarioParam(Buffer.from('{oops').toString('base64url'))).toThrow(/JSON/);
    const store = createLabStore({ locale: 'en', custom: [1, 2] }, deps);
    expect(store.getState().lessonId).toBe('basic');
    expect(store.getState().error?.message).toMatch(/JSON object/);
  });
});

describe('a scenario loaded by a course page', () => {
  it('shows a good one, keeps it over a bad one, and says why', async () => {
    const store = createLabStore({ locale: 'en' }, deps);
    store.getState().attach(fakeRunner());
    await settle(store);
    store.getState().loadScenario(JSON.stringify({ ...lesson, seed: 11 }));
    await vi.waitFor(() => expect(store.getState().run?.scenario.seed).toBe(11));
    expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    expect(store.getState().error).toBeNull();

    store.getState().loadScenario({ actions: 'none' });
    await vi.waitFor(() => expect(store.getState().error?.kind).toBe('load'));
    await settle(store);
    expect(store.getState().error?.message).toMatch(/^load: actions/);
    expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    expect(store.getState().run?.scenario.seed).toBe(11);

    store.getState().loadScenario('{not json');
    expect(store.getState().error?.message).toMatch(/^load: not JSON/);
    store.getState().loadScenario([lesson]);
    expect(store.getState().error?.message).toMatch(/JSON object/);
    expect(store.getState().run?.scenario.seed).toBe(11);
    store.getState().detach();
  });

  it('goes back to the built-in lesson it replaced when it cannot run', async () => {
    const store = createLabStore({ locale: 'en', lessonId: 'other' }, deps);
    store.getState().attach(fakeRunner());
    await settle(store);
    store.getState().loadScenario({ ...lesson, profile: 'bsd' });
    await vi.waitFor(() => expect(store.getState().error?.kind).toBe('load'));
    await settle(store);
    expect(store.getState().lessonId).toBe('other');
    expect(store.getState().error?.message).toMatch(/^load: profile/);
    store.getState().detach();
  });
});

describe('URL options', () => {
  it('reads the contract options', () => {
    expect(
      parseUrlOptions('?lesson=lost-syn&lang=zh&step=4&autoplay=1&theme=dark&controls=0'),
    ).toEqual({
      lesson: 'lost-syn',
      lang: 'zh-CN',
      step: 4,
      autoplay: true,
      theme: 'dark',
      controls: false,
      embed: false,
      scenario: null,
      origins: [],
      dropFinalAck: false,
    });
    expect(
      parseUrlOptions(
        '?embed=1&dropFinalAck=1&origins=https://lms.example.edu/x,nonsense,http://a:81',
      ).origins,
    ).toEqual(['https://lms.example.edu', 'http://a:81']);
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(parseUrlOptions('')).toMatchObject({
      lesson: null,
      lang: null,
      step: null,
      autoplay: false,
      theme: null,
      controls: true,
    });
    expect(parseUrlOptions('?step=-1&theme=pink&lang=fr').step).toBeNull();
  });
});
