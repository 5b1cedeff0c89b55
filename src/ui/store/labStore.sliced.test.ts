// A long run is prepared in slices (deps.deriveInSlices): the page keeps answering meanwhile, a
// step pressed then is kept for it, and whatever comes after it (a lesson, another run) wins.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveRun, type Derived } from '../../lab/derive';
import { runWithCauses } from '../../lab/run';
import { CAPTURE_LESSON_ID, type Run } from '../../lab/types';
import { LabDriver } from '../../testing/labDriver';
import { at, closingScenario, fixedScenario } from '../../testing/scenarios';
import { createLabStore, type LabDeps, type LabStore, type ShownCapture } from './labStore';
import { SLICED_FROM } from './runs';

const lesson = closingScenario({
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
});

const long: Run = runWithCauses(
  fixedScenario('rfc9293', [
    at(0, 'server', 'listen'),
    at(10, 'client', 'connect'),
    at(50, 'client', 'send', { bytes: 9_000_000 }),
  ]),
);

const shown: ShownCapture = {
  label: 'long.pcap',
  endpoints: { client: '10.0.0.1:51000', server: '10.0.0.2:443' },
  notes: [],
  inferredTimes: true,
};

describe('lab store: a long run prepared in slices', () => {
  let driver: LabDriver;
  let store: LabStore;
  /** The preparations asked for, each finished by the test. */
  let asked: { run: Run; stillWanted: () => boolean; finish: (d: Derived | null) => void }[];

  beforeEach(async () => {
    driver = new LabDriver({ lessons: { basic: lesson, other: lesson } });
    asked = [];
    const deps: LabDeps = {
      ...driver.deps,
      deriveInSlices: (run, { stillWanted }) =>
        new Promise((finish) => asked.push({ run, stillWanted, finish })),
    };
    store = createLabStore({ locale: 'en' }, deps);
    store.getState().attach(driver.runner);
    await driver.settle(store);
  });
  afterEach(() => driver.dispose());

  it('is long enough to be prepared in slices', () => {
    expect(long.events.length).toBeGreaterThanOrEqual(SLICED_FROM);
  });

  it('shows nothing of the run before, keeps a step pressed meanwhile, then shows the run', async () => {
    store.getState().showCapture(long, shown);
    expect(asked).toHaveLength(1);
    let state = store.getState();
    expect(state.status).toBe('running');
    expect(state.derived).toBeNull();
    expect(state.run).toBeNull();
    state.stepForward();
    state.stepForward();
    asked[0]?.finish(deriveRun(long));
    await Promise.resolve();
    state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.run).toBe(long);
    expect(state.lessonId).toBe(CAPTURE_LESSON_ID);
    expect(state.step).toBe(2);
    expect(state.total).toBe(deriveRun(long).steps.length);
  });

  it('is never shown once a lesson was chosen while it was prepared', async () => {
    store.getState().showCapture(long, shown);
    store.getState().setLesson('other');
    expect(asked[0]?.stillWanted()).toBe(false);
    await driver.settle(store);
    asked[0]?.finish(deriveRun(long));
    await Promise.resolve();
    const state = store.getState();
    expect(state.lessonId).toBe('other');
    expect(state.run).not.toBe(long);
    expect(state.status).toBe('ready');
  });

  it('gives way to a short run that comes after it', async () => {
    const short = runWithCauses(lesson);
    store.getState().showCapture(long, shown);
    store.getState().showCapture(short, shown);
    expect(asked[0]?.stillWanted()).toBe(false);
    expect(store.getState().run).toBe(short);
    asked[0]?.finish(deriveRun(long));
    await Promise.resolve();
    expect(store.getState().run).toBe(short);
  });
});
