// How the page starts, in the browser: its URL read once, the engine worker spawned, the store
// created and the lesson run before the components mount (main.tsx renders them). The page's
// component is ./App.tsx; the build's prerendering (./prerender.tsx) renders it without any of this.

import { chooseLocaleForPage } from '../i18n';
import { parseUrlOptions } from '../lab/urlOptions';
import { DEFAULT_LESSON_ID, lessonScenarioPending, loadedLessonScenario } from '../scenarios';
import { provideMotion } from '../ui/diagram/motion';
import { createLabStore, type LabInit, type LabRunner, type LabStore } from '../ui/store/labStore';
import { createLabRunner } from '../ui/store/runner';
import { labInitFromUrl, readCompressedLink } from '../ui/store/urlInit';
// Vite bundles the worker into a file of its own and gives its URL.
import engineWorkerUrl from '../worker/engine.worker.ts?worker&url';
import { spawnWorker } from '../worker/spawn';
import { afterFirstDiagram } from './afterFirstDiagram';
import { loadExerciseSets, loadMotion, loadScenarioParam } from './chunks';
import { type DeferredRunner, type FirstRun, readFirstRun, runnerWithFirstRun } from './firstRun';
import { labDeps, loadLessonScenarios, loadScenarioValidator } from './labDeps';
import { registerOfflineWhenShown } from './offline';

// Read once: the page does not change its query without a reload. A lesson's own entry
// (`lesson/ID/`) opens that lesson.
const url = parseUrlOptions(window.location.search, window.location.pathname);
// Before the first paint, so a forced theme never flashes the other one.
if (url.theme) document.documentElement.dataset.theme = url.theme;
// The compact layout leaves the course page's scroll wheel alone from the start (embed.css) until
// the student's first touch releases it.
if (url.embed) document.documentElement.dataset.embed = 'idle';

provideMotion(loadMotion);

/** The page's engine worker, a file of its own beside the page's scripts. */
const spawnEngineWorker = () => spawnWorker(engineWorkerUrl);

/** A runner on a new engine worker. */
export const createRunner = () => createLabRunner(spawnEngineWorker);

/** Whether the URL carries a whole scenario (`s=`, or `z=` compressed). */
const linksScenario = url.scenario !== null || url.compressed !== null;

// The run the prerendered HTML brought (firstRun.ts), read before anything asks for a run.
const firstRun = readFirstRun(document);

/** Whether the page, as its URL opens it, asks for the run the HTML brought (else it cannot wait). */
const opensOn = (first: FirstRun) =>
  (url.lesson ?? DEFAULT_LESSON_ID) === first.lessonId &&
  !linksScenario &&
  url.set === null &&
  url.mode === 'watch' &&
  !url.dropFinalAck;

/**
 * The page's runner, made before anything else (main.tsx): the engine worker starts at once,
 * unless the HTML brought the run the page opens on; then it starts once the first diagram is
 * shown and the page is idle (startPageLab), or at the first other run asked for.
 */
export function createPageRunner(): DeferredRunner {
  if (!firstRun) {
    const runner = createRunner();
    return { ...runner, warm: () => {} };
  }
  const runner = runnerWithFirstRun(firstRun, loadedLessonScenario, createRunner);
  if (!opensOn(firstRun)) runner.warm();
  return runner;
}

/** Calls `then` when the browser has nothing else to do (soon, where it cannot say). */
const whenIdle = (then: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(then, { timeout: 1000 })
    : setTimeout(then, 0);

/**
 * What the widget opens on, once what it needs is in: the reader of an `s=` or `z=` link (and a
 * `z=` link's scenario, decompressed), the exercise sets of a `set=` link, or the scenario
 * of a lesson other than the default one. If one cannot be loaded, the widget says so and shows
 * the default lesson.
 */
async function loadInit(): Promise<LabInit> {
  const locale = chooseLocaleForPage().locale;
  let decode: (value: string) => unknown = () => {
    throw new Error('s: the link reader could not be loaded; try reloading the page');
  };
  let lessonsOfSet: (value: string) => string[] = () => {
    throw new Error('set: the exercise sets could not be loaded; try reloading the page');
  };
  const [scenarioParam, exerciseSets] = await Promise.all([
    linksScenario ? loadScenarioParam().catch(() => null) : null,
    url.set === null ? null : loadExerciseSets().catch(() => null),
    // The store checks a link's scenario as it opens (without it, it says it could not).
    linksScenario ? loadScenarioValidator().catch(() => null) : null,
  ]);
  if (scenarioParam) decode = scenarioParam.decodeScenarioParam;
  if (exerciseSets) lessonsOfSet = exerciseSets.lessonsOfSet;
  // Decompressing takes a promise: done here, so that the store opens on the result at once.
  const compressed =
    url.compressed !== null && scenarioParam
      ? await readCompressedLink(url.compressed, scenarioParam.decodeCompressedScenarioParam)
      : undefined;
  const init = labInitFromUrl(url, locale, { decode, compressed, lessonsOfSet });
  if (init.custom === undefined && init.lessonId != null && lessonScenarioPending(init.lessonId)) {
    await loadLessonScenarios().catch(() => {});
  }
  return init;
}

// Never rejects: whatever goes wrong, the page opens (on the default lesson, saying why).
export const initReady: Promise<LabInit> = loadInit().catch((error: unknown) => ({
  locale: 'en',
  linkError: error instanceof Error ? error.message : String(error),
}));

/**
 * The page's store, with its engine worker already running the lesson: created before React
 * renders anything, so the run is computed while the page's components load and mount.
 */
export function startPageLab(
  init: LabInit,
  running: DeferredRunner,
): { store: LabStore; createRunner: () => LabRunner } {
  const store = createLabStore(init, labDeps);
  let early: LabRunner | null = running;
  store.getState().attach(running);
  registerOfflineWhenShown(store);
  // Ready for the student's first knob or lesson before they reach for it.
  afterFirstDiagram(store, () => whenIdle(() => running.warm()));
  return {
    store,
    // The lab takes the running one first; a remount (React's strict mode in development) a new one.
    createRunner: () => {
      const runner = early ?? createRunner();
      early = null;
      return runner;
    },
  };
}
