// The lab store showing a connection read from a capture: a run that did not come from a lesson,
// stepped like one, that nothing re-runs, and that picking a lesson replaces.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/types';
import { runWithCauses } from '../../lab/run';
import { CAPTURE_LESSON_ID, type Run } from '../../lab/types';
import { deriveRun } from '../../lab/derive';
import { createLabStore, type LabRunner, type LabStore, type ShownCapture } from './labStore';
import { testLabDeps, validatingRunner, type TestRunner } from '../../testing/labStore';

const lesson: Scenario = {
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 150, who: 'client', do: 'connect' },
    { at: 450, who: 'client', do: 'close' },
    { at: 600, who: 'server', do: 'close' },
  ],
};

/** A run that stands for one drawn from a capture (the store only needs its shape). */
const captured: Run = runWithCauses({
  client: { port: 51000, isn: 77 },
  server: { port: 443, isn: 99 },
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 10, who: 'client', do: 'connect' },
    { at: 30, who: 'server', do: 'close' },
    { at: 40, who: 'client', do: 'close' },
  ],
});

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

const deps = testLabDeps({ basic: lesson, other: lesson });

async function settle(store: LabStore): Promise<void> {
  await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
}

describe('lab store: a capture', () => {
  let store: LabStore;
  let runner: TestRunner;
  beforeEach(async () => {
    store = createLabStore({ locale: 'en' }, deps);
    runner = validatingRunner();
    store.getState().attach(runner);
    await settle(store);
  });
  afterEach(() => store.getState().detach());

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
    const slow: LabRunner = {
      run: (scenario, options) =>
        new Promise<void>((resolve) => (release = resolve)).then(() =>
          runner.run(scenario, options),
        ),
      dispose() {},
    };
    store.getState().detach();
    store.getState().attach(slow);
    expect(store.getState().status).toBe('running');
    store.getState().showCapture(captured, shown);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getState().run).toBe(captured);
    expect(store.getState().lessonId).toBe(CAPTURE_LESSON_ID);
  });

  it('opens the inspector instead of dropping an arrow, since nothing can be re-run', () => {
    store.getState().showCapture(captured, shown);
    const calls = runner.calls.length;
    store.getState().dropSegment(1);
    expect(store.getState().selectedSegment).toBe(1);
    expect(store.getState().options.extraFaults).toEqual([]);
    expect(runner.calls.length).toBe(calls);
    expect(store.getState().run).toBe(captured);
  });

  it('goes back to a lesson when one is picked', async () => {
    store.getState().showCapture(captured, shown);
    store.getState().setLesson('other');
    expect(store.getState().capture).toBeNull();
    expect(store.getState().lessonId).toBe('other');
    await settle(store);
    expect(store.getState().run).not.toBe(captured);
    expect(store.getState().run?.scenario.server?.port).toBe(8080);
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
