// What a <handshake-lab> widget is made of: one module with nothing to fetch later (a course page
// loads the element as a single file), so every part it shows is imported here at once. It shows
// the knobs, the inspector, the state diagram, the lesson's frame and predict mode, and leaves out what only the
// page has: the answer cards, share links and snippets, export, captures and the messages with a
// course page.

import type { Scenario } from '../../../engine/types';
import { parseScenario } from '../../../engine/validate';
import { deriveRun } from '../../../lab/derive';
import { explainerFor } from '../../../lab/explain';
import { defaultLabOptions } from '../../../lab/labOptions';
import { faultForSegment } from '../../../lab/variants';
import { lessonById } from '../../../scenarios/all';
import { DEFAULT_LESSON_ID } from '../../../scenarios';
import { provideMotion } from '../../../ui/diagram/motion';
import { deriveInSlices, whileIdle } from '../../../ui/diagram/prepareRun';
import * as tween from '../../../ui/diagram/tween';
import { InspectorSection } from '../../../ui/inspector/InspectorSection';
import { LessonFrame } from '../../../ui/lesson/LessonFrame';
import { SettingsPanel } from '../../../ui/panels/SettingsPanel';
import type { LabComponents } from '../../../ui/parts';
import { registerNamespace } from '../../../i18n';
import { PredictPanel } from '../../predict/PredictPanel';
import { predictKit } from '../../../ui/store/predictKit';
import { StateMachineSection } from '../../../ui/stateMachine/StateMachineSection';
import type { LabDeps } from '../../../ui/store/labStore';
import { createLabRunner } from '../../../ui/store/runner';
import EngineWorker from '../../../worker/engine.worker?worker&inline';

// A small tween of our own instead of framer-motion, for a fraction of the module's size.
provideMotion(() => Promise.resolve(tween));

export const widgetComponents: LabComponents = {
  SettingsPanel,
  LessonFrame,
  InspectorSection,
  StateMachineSection,
  PredictPanel,
};

// Predict mode's words, inside the module like everything else.
registerNamespace('predicting', {
  en: () => import('../../../i18n/locales/en/predicting').then((m) => m.predicting),
  'zh-CN': () => import('../../../i18n/locales/zh-CN/predicting').then((m) => m.predicting),
});

export const widgetDeps: LabDeps = {
  defaultLessonId: DEFAULT_LESSON_ID,
  lessonScenario: (id) => lessonById(id)?.scenario as Scenario | undefined,
  lessonOptions: defaultLabOptions,
  checkScenario: parseScenario,
  derive: deriveRun,
  deriveInSlices,
  whileIdle,
  explain: (run, derived) => Promise.resolve(explainerFor(run, derived)),
  faultForSegment,
  loadPredict: () => Promise.resolve(predictKit),
};

/** A course page on another origin cannot start a worker from our script's URL, so the worker's
 * code is inside the module and started from a blob: URL. */
export const createWidgetRunner = () => createLabRunner(() => new EngineWorker());
