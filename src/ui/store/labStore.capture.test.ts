// The lab store showing a connection read from a capture: a run that did not come from a lesson,
// stepped like one, that nothing re-runs, and that picking a lesson replaces.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWithCauses } from '../../lab/run';
import { CAPTURE_LESSON_ID, type Run } from '../../lab/types';
import { deriveRun } from '../../lab/derive';
import type { LabRunner, LabStore, ShownCapture } from './labStore';
import { LabDriver } from '../../testing/labDriver';
import { closingScenario } from '../../testing/scenarios';

const lesson = closingScenario({
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
});

/** A run that stands for one drawn from a capture (the store only needs its shape). */
const captured: Run = runWithCauses(
  closingScenario({ client: { port: 51000, isn: 77 }, server: { port: 443, isn: 99 } }),
);

const shown: ShownCapture = {
  label: 'trace.pcap · 10.0.0.1:51000 → 10.0.0.2:443',
  endpoints: { client: '10.0.0.1:51000', server: '10.0.0.2:443' },
  notes: [
    {
      code: 'started-before-capture',
      message: 'started before the capture',
      params: { assumed: 'ESTABLISHED' },
    },
  ],
  inferredTimes: true,
};

describe('lab store: a capture', () => {
  let driver: LabDriver;
  let store: LabStore;
  beforeEach(async () => {
    driver = new LabDriver({ lessons: { basic: lesson, other: lesson } });
    store = await driver.open();
  });
  afterEach(() => driver.dispose());

  it('shows the run from step 0 as lesson `capture`, and steps through it', () => {
    store.getState().goTo(3);
    store.getState().showCapture(captured, shown);
    const state = store.getState();
    expect(state.lessonId).toBe(CAPTURE_LESSON_ID);
    expect(state.capture).toEqual(shown);
    expect(state.run).toBe(captured);
    expect(state.step).toBe(0);
    expect(state.total).toBe(deriveRun(captured).steps.length);
    expect(state.status).toBe('ready');
    store.getState().goTo(state.total);
    expect(store.getState().view?.states).toEqual(captured.final);
  });

  it('is not replaced by a lesson run that was already on its way', async () => {
    let release: () => void = () => {};
    let answered: Promise<Run> | undefined;
    const slow: LabRunner = {
      run: (scenario, options) =>
        (answered = new Promise<void>((resolve) => (release = resolve)).then(() =>
          driver.runner.run(scenario, options),
        )),
      dispose() {},
    };
    store.getState().detach();
    store.getState().attach(slow);
    expect(store.getState().status).toBe('running');
    store.getState().showCapture(captured, shown);
    release();
    // The lesson's run has arrived (the store heard of it first) and was not shown.
    await expect(answered).resolves.toMatchObject({ scenario: { server: { port: 8080 } } });
    expect(store.getState().run).toBe(captured);
    expect(store.getState().lessonId).toBe(CAPTURE_LESSON_ID);
  });

  it('opens the inspector instead of dropping an arrow, since nothing can be re-run', () => {
    store.getState().showCapture(captured, shown);
    const calls = driver.calls.length;
    store.getState().dropSegment(1);
    expect(store.getState().selectedSegment).toBe(1);
    expect(store.getState().options.extraFaults).toEqual([]);
    expect(driver.calls.length).toBe(calls);
    expect(store.getState().run).toBe(captured);
  });

  it('goes back to a lesson when one is picked', async () => {
    store.getState().showCapture(captured, shown);
    store.getState().setLesson('other');
    expect(store.getState().capture).toBeNull();
    expect(store.getState().lessonId).toBe('other');
    await driver.settle(store);
    expect(store.getState().run).not.toBe(captured);
    expect(store.getState().run?.scenario.server?.port).toBe(8080);
  });

  it('shows the capture again when a course page’s scenario loaded over it cannot run', async () => {
    store.getState().showCapture(captured, shown);
    store.getState().loadScenario({ actions: [{ at: 0, who: 'client', do: 'jump' }] });
    await driver.settle(store);
    const state = store.getState();
    expect(state.lessonId).toBe(CAPTURE_LESSON_ID);
    expect(state.capture).toEqual(shown);
    expect(state.run).toBe(captured);
    expect(state.error?.kind).toBe('load');
    expect(state.error?.message).toMatch(/^load: actions\[0\]\.do: unknown action "jump"/);
  });

  it('clears a file error it replaces, and keeps the lesson when a file fails', () => {
    const before = store.getState().run;
    store.getState().showError({ kind: 'file', message: 'x.pcap: not a capture at byte 0' });
    expect(store.getState().run).toBe(before);
    expect(store.getState().error?.kind).toBe('file');
    store.getState().showCapture(captured, shown);
    expect(store.getState().error).toBeNull();
  });
});
