// The store's dependencies on the page: the built-in lessons and the run model.

import type { Scenario } from '../../core/types';
import {
  DEFAULT_LESSON_ID,
  lessonScenarioPending,
  loadedLessonScenario,
  loadLessonScenarios,
} from '../../scenarios';
import { defaultLabOptions } from '../model/labOptions';
import { deriveRun, explainRunLazily } from './derive';
import type { LabDeps } from './labStore';

export const labDeps: LabDeps = {
  defaultLessonId: DEFAULT_LESSON_ID,
  // Lessons are raw JSON: the worker validates them before running, like any other input. The page
  // only reads their profile, seed and timers (for the settings' starting values).
  // All but the default lesson's are a later chunk (loadLessons), fetched after the first diagram.
  lessonScenario: (id) => loadedLessonScenario(id) as Scenario | undefined,
  lessonPending: lessonScenarioPending,
  loadLessons: loadLessonScenarios,
  lessonOptions: defaultLabOptions,
  derive: deriveRun,
  explain: explainRunLazily,
  // Needed only once an arrow is clicked: a later chunk (the one the share links use; importing
  // segmentFault.ts alone would make the bundler split its runtime out of the first chunk).
  faultForSegment: (run, id) => import('../model/variants').then((m) => m.faultForSegment(run, id)),
};
