// The page's lab store: the built-in lessons and the run model, with the parts that can wait
// loaded as ./chunks.ts says.

import type { Scenario } from '../engine/types';
import type { ParseResult } from '../engine/validate';
import { loadNamespace } from '../i18n';
import { defaultLabOptions } from '../lab/labOptions';
import { deriveRun } from '../lab/derive';
import {
  addLessonScenarios,
  DEFAULT_LESSON_ID,
  lessonScenarioPending,
  loadedLessonScenario,
} from '../scenarios';
import { deriveInSlices, whileIdle } from '../ui/diagram/prepareRun';
import type { LabDeps } from '../ui/store/labStore';
import {
  loadExplain,
  loadLessons,
  loadPredictKit,
  loadSegmentFault,
  loadValidator,
} from './chunks';

let lessonsLoading: Promise<void> | null = null;

/** Makes every lesson's scenario at hand (once; a failed load may be tried again). */
export function loadLessonScenarios(): Promise<void> {
  lessonsLoading ??= loadLessons().then(
    (m) => addLessonScenarios(m.LESSONS),
    (error: unknown) => {
      lessonsLoading = null;
      throw error;
    },
  );
  return lessonsLoading;
}

let validate: ((raw: unknown) => ParseResult) | null = null;

/** Fetches the scenario validator; once it is in, the store's checks are answered at once. */
export function loadScenarioValidator(): Promise<(raw: unknown) => ParseResult> {
  return loadValidator().then((m) => (validate = m.parseScenario));
}

/** Resolves once the browser has painted the next frame (at once where there are no frames). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export const labDeps: LabDeps = {
  defaultLessonId: DEFAULT_LESSON_ID,
  // Lessons are raw JSON: the worker validates them before running, like any other input. The page
  // only reads their profile, seed and timers (for the settings' starting values).
  lessonScenario: (id) => loadedLessonScenario(id) as Scenario | undefined,
  lessonPending: lessonScenarioPending,
  loadLessons: loadLessonScenarios,
  lessonOptions: defaultLabOptions,
  // Custom scenarios only: the validator is no part of the page's first scripts.
  checkScenario: (raw) => (validate ? validate(raw) : loadScenarioValidator().then((v) => v(raw))),
  derive: deriveRun,
  deriveInSlices,
  whileIdle,
  // The run has just arrived and its diagram is not painted yet: fetch nothing before it is. The
  // English words come alongside (the widget's language's, if another, are fetched by the panel).
  explain: async (run, derived) => {
    await afterNextPaint();
    const [m] = await Promise.all([loadExplain(), loadNamespace('en', 'explain')]);
    return m.explainerFor(run, derived);
  },
  faultForSegment: (run, id) => loadSegmentFault().then((m) => m.faultForSegment(run, id)),
  loadPredict: () => loadPredictKit().then((m) => m.predictKit),
  // An attempt's seed for fresh numbers in predict mode: shown on the page, so a teacher can replay it.
  drawSeed: () => {
    const words = new Uint32Array(1);
    crypto.getRandomValues(words);
    return 1 + ((words[0] ?? 0) % 999_999);
  },
};
