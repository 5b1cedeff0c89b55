import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Run } from '../../lab/types';
import { applyOptions } from '../../lab/variants';
import { encodeScenarioParam } from '../../lab/shareLink';
import { LabDriver } from '../../testing/labDriver';
import type { LabRunner } from './labStore';
import { CUSTOM_LESSON_ID } from '../../lab/types';
import { decodeScenarioParam } from '../../lab/scenarioParam';
import { normalizeOrigin, parseUrlOptions } from '../../lab/urlOptions';
import { closingScenario } from '../../testing/scenarios';

const lesson = closingScenario({
  seed: 7,
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
});

let driver: LabDriver;
beforeEach(() => {
  // A debounce, so the typing test can see it.
  driver = new LabDriver({ lessons: { basic: lesson, other: lesson }, typingDebounceMs: 50 });
});
afterEach(() => driver.dispose());

describe('lab store', () => {
  it('runs the lesson once attached and steps through it', async () => {
    const store = driver.create();
    expect(store.getState().status).toBe('idle');
    store.getState().attach(driver.runner);
    await driver.settle(store);
    const { total, step, view } = store.getState();
    expect(total).toBeGreaterThan(5);
    expect(step).toBe(0);
    expect(view?.states).toEqual({ client: 'CLOSED', server: 'CLOSED', listener: 'CLOSED' });
    expect(driver.step(store)).toBe(1);
    // listen() opens the listening socket; the server has no connection yet.
    expect(store.getState().view?.states).toMatchObject({ server: 'CLOSED', listener: 'LISTEN' });
    const shown = store.getState().view;
    driver.step(store);
    driver.step(store, -1);
    expect(store.getState().view).toEqual(shown);
    store.getState().goTo(999);
    expect(store.getState().step).toBe(total);
    expect(driver.step(store)).toBe(total);
    store.getState().reset();
    expect(store.getState().step).toBe(0);
  });

  it('keeps the step (clamped) across re-runs, and debounces typing', async () => {
    const store = await driver.open();
    store.getState().goTo(4);
    store.getState().setOptions({ lossPercent: 1 }, true);
    store.getState().setOptions({ lossPercent: 10 }, true);
    expect(driver.calls).toHaveLength(1);
    await vi.waitFor(() => expect(driver.calls).toHaveLength(2));
    expect(driver.calls[1]?.lossPercent).toBe(10);
    await driver.settle(store);
    expect(store.getState().step).toBe(4);
  });

  it('drops a clicked segment and stays on the step', async () => {
    const store = await driver.open();
    const syn = store.getState().derived?.segments[0];
    expect(syn?.flags).toEqual(['SYN']);
    store.getState().goTo(syn?.sentStep ?? 0);
    const step = store.getState().step;
    await driver.drop(store, syn?.id ?? -1);
    expect(store.getState().options.extraFaults).toHaveLength(1);
    expect(driver.calls).toHaveLength(2);
    expect(store.getState().step).toBe(step);
    const dropped = store.getState().derived?.segments[0];
    expect(dropped?.droppedAt).not.toBeNull();
    expect(applyOptions(lesson, store.getState().options).faults).toHaveLength(1);
  });

  it('shows an unknown lesson as an error and falls back to the default', () => {
    const bad = driver.create({ lessonId: 'nope' });
    expect(bad.getState().lessonId).toBe('basic');
    expect(bad.getState().error?.message).toContain('nope');
    bad.getState().setLesson('missing');
    expect(bad.getState().lessonId).toBe('basic');
  });

  it('reports a failed run and keeps the last good one', async () => {
    const store = await driver.open();
    const good = store.getState().run;
    store.getState().detach();
    store.getState().attach({
      run: () => Promise.reject(new Error('seed: must be an integer')),
      dispose() {},
    });
    await expect(driver.settle(store)).rejects.toThrow('seed: must be an integer');
    expect(store.getState().status).toBe('error');
    expect(store.getState().error?.message).toBe('seed: must be an integer');
    expect(store.getState().run).toBe(good);
  });

  it("reports the engine's refusal of a lesson as a failed run", async () => {
    const broken = new LabDriver({ lessons: { basic: { ...lesson, seed: 1.5 } } });
    try {
      const store = broken.load();
      await expect(broken.settle(store)).rejects.toThrow(/^the run failed: seed/);
      expect(store.getState().error?.kind).toBe('run');
    } finally {
      broken.dispose();
    }
  });

  it('applies the URL step and autoplay to the first run', async () => {
    const linked = await driver.open({ step: 3, autoplay: true });
    expect(linked.getState().step).toBe(3);
    expect(linked.getState().playing).toBe(true);
    linked.getState().detach();
    expect(linked.getState().playing).toBe(false);
  });

  it('ignores a run that finishes after a newer one was started', async () => {
    // The first answer is held back until the second one has been shown.
    let releaseFirst: () => void = () => {};
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    const slow: LabRunner = {
      run: (scenario, options): Promise<Run> => {
        const answer = driver.runner.run(scenario, options);
        return ++calls === 1 ? held.then(() => answer) : answer;
      },
      dispose() {},
    };
    const store = driver.load({}, slow);
    store.getState().setOptions({ seed: 99 });
    await driver.settle(store);
    expect(store.getState().run?.scenario.seed).toBe(99);
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getState().run?.scenario.seed).toBe(99);
  });
});

describe('the lab store as state', () => {
  it('keeps what it remembers between calls in its state, where devtools see it', async () => {
    const store = driver.create({ step: 2, autoplay: true });
    expect(store.getState()).toMatchObject({
      runner: null,
      runRequest: 0,
      pendingStep: 2,
      pendingAutoplay: true,
      custom: { scenario: undefined, proven: false, source: 'link' },
    });
    store.getState().attach(driver.runner);
    expect(store.getState()).toMatchObject({ runner: driver.runner, runRequest: 1 });
    await driver.settle(store);
    expect(store.getState()).toMatchObject({ pendingStep: null, pendingAutoplay: false });
    store.getState().loadScenario({ ...lesson, seed: 4 });
    expect(store.getState().custom).toMatchObject({
      proven: false,
      source: 'load',
      fallback: { lessonId: 'basic' },
    });
    await driver.settle(store);
    expect(store.getState().custom.proven).toBe(true);
    store.getState().detach();
    expect(store.getState()).toMatchObject({ runner: null, runRequest: 3 });
  });
});

describe('a scenario from a link (s=)', () => {
  it('decodes base64url JSON and runs it as the custom lesson', async () => {
    const param = Buffer.from(JSON.stringify({ ...lesson, seed: 3 }), 'utf8').toString('base64url');
    const custom = decodeScenarioParam(param);
    expect(custom).toMatchObject({ seed: 3 });
    const store = driver.load({ custom, lessonId: 'other' });
    expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    await driver.settle(store);
    expect(store.getState().run?.scenario.seed).toBe(3);
  });

  it('shows the default lesson, and says why, when the linked scenario breaks the format', async () => {
    const custom = { ...lesson, actions: [{ at: -5, who: 'client', do: 'connect' }] };
    const store = await driver.open({ custom });
    expect(store.getState().lessonId).toBe('basic');
    expect(store.getState().error).toMatchObject({ kind: 'link' });
    expect(store.getState().error?.message).toMatch(/^s: actions\[0\]\.at/);
    // The message stays up over the lesson shown in its place, until dismissed.
    store.getState().setOptions({ seed: 5 });
    await driver.settle(store);
    expect(store.getState().error?.kind).toBe('link');
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
    const store = driver.create({ custom: [1, 2] });
    expect(store.getState().lessonId).toBe('basic');
    expect(store.getState().error?.message).toMatch(/JSON object/);
  });
});

describe('a scenario loaded by a course page', () => {
  it('shows a good one, keeps it over a bad one, and says why', async () => {
    const store = await driver.open();
    store.getState().loadScenario(JSON.stringify({ ...lesson, seed: 11 }));
    await driver.settle(store);
    expect(store.getState().run?.scenario.seed).toBe(11);
    expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    expect(store.getState().error).toBeNull();

    store.getState().loadScenario({ actions: 'none' });
    await driver.settle(store);
    expect(store.getState().error?.kind).toBe('load');
    expect(store.getState().error?.message).toMatch(/^load: actions/);
    expect(store.getState().lessonId).toBe(CUSTOM_LESSON_ID);
    expect(store.getState().run?.scenario.seed).toBe(11);

    store.getState().loadScenario('{not json');
    expect(store.getState().error?.message).toMatch(/^load: not JSON/);
    store.getState().loadScenario([lesson]);
    expect(store.getState().error?.message).toMatch(/JSON object/);
    expect(store.getState().run?.scenario.seed).toBe(11);
  });

  it('goes back to the built-in lesson it replaced when it cannot run', async () => {
    const store = await driver.open({ lessonId: 'other' });
    store.getState().loadScenario({ ...lesson, profile: 'bsd' });
    await driver.settle(store);
    expect(store.getState().lessonId).toBe('other');
    expect(store.getState().error?.kind).toBe('load');
    expect(store.getState().error?.message).toMatch(/^load: profile/);
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
      compressed: null,
      origins: [],
      dropFinalAck: false,
      scale: 'warped',
      mode: 'watch',
      attempt: null,
      set: null,
      scorm: null,
    });
    expect(parseUrlOptions('?mode=predict&attempt=4711&set=handshake')).toMatchObject({
      mode: 'predict',
      attempt: 4711,
      set: 'handshake',
    });
    expect(parseUrlOptions('?attempt=0').attempt).toBeNull();
    expect(parseUrlOptions('?attempt=1234567').attempt).toBeNull();
    expect(parseUrlOptions('?attempt=12a').attempt).toBeNull();
    expect(parseUrlOptions('?s=e30&z=q1YqyS_JzEtXsgJSAA')).toMatchObject({
      scenario: 'e30',
      compressed: 'q1YqyS_JzEtXsgJSAA',
    });
    expect(parseUrlOptions('?scale=linear').scale).toBe('linear');
    expect(parseUrlOptions('?scale=LINEAR').scale).toBe('linear');
    expect(parseUrlOptions('?scale=log').scale).toBe('warped');
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
