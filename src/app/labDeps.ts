// The page's lab store: the built-in lessons and the run model, with the parts that can wait
// loaded as ./chunks.ts says.

import type { Scenario } from '../engine/types';
import { loadNamespace } from '../i18n';
import { defaultLabOptions } from '../lab/labOptions';
import { deriveRun } from '../lab/derive';
import {
  addLessonScenarios,
  DEFAULT_LESSON_ID,
  lessonScenarioPending,
  loadedLessonScenario,
} from '../scenarios';
import type { LabDeps } from '../ui/store/labStore';
import { loadExplain, loadLessons, loadPredictKit, loadSegmentFault } from './chunks';

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
  derive: deriveRun,
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
