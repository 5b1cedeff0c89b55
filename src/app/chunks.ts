// Every chunk of the page's code loaded after the start, and why it can wait. The first diagram
// needs only the shell, the default lesson, the diagram, the step controls and the engine worker;
// the parts below are mounted by the lab once that diagram is painted (or when the student asks
// for them), and the loaders are called by the store and the app when their code is needed. Data
// is fetched where it is used: each language's words (src/i18n) and the export's fonts
// (src/features/export/fontCatalog.ts).

import { lazy } from 'react';
import { loadNamespace, registerNamespace } from '../i18n';
import type { LabComponents } from '../ui/parts';

// The parts shown once the first diagram is painted: fetched together (`loadLate`) and shown
// together, so that none of them pushes another down.
const loadSettingsPanel = () => import('../ui/panels/SettingsPanel');
const loadStateMachine = () => import('../ui/stateMachine/StateMachineSection');
const loadLessonFrame = () => import('../ui/lesson/LessonFrame');
const loadAnswers = () => import('../features/answers/AnswerSection');
const loadHeaderActions = () => import('../features/HeaderActions');

/** The page's optional parts, each fetched when the lab first shows it. */
export const pageComponents: LabComponents = {
  // The knobs, the state diagram, the lesson's frame, the answer cards and the header's actions:
  // after the first diagram.
  SettingsPanel: lazy(() => loadSettingsPanel().then((m) => ({ default: m.SettingsPanel }))),
  StateMachineSection: lazy(() =>
    loadStateMachine().then((m) => ({ default: m.StateMachineSection })),
  ),
  LessonFrame: lazy(() => loadLessonFrame().then((m) => ({ default: m.LessonFrame }))),
  AnswerSection: lazy(() => loadAnswers().then((m) => ({ default: m.AnswerSection }))),
  loadLate: async (locale) => {
    const words = ['lessonFrames', 'stateMachine', 'answers', 'exporting', 'capturing'] as const;
    const [settings, stateMachine, frame, answers, actions] = await Promise.all([
      loadSettingsPanel(),
      loadStateMachine(),
      loadLessonFrame(),
      loadAnswers(),
      loadHeaderActions(),
      // Words that cannot be loaded are English, or say so, where they are used.
      ...words.map((ns) => loadNamespace(locale, ns).catch(() => {})),
    ]);
    return {
      SettingsPanel: settings.SettingsPanel,
      StateMachineSection: stateMachine.StateMachineSection,
      LessonFrame: frame.LessonFrame,
      AnswerSection: answers.AnswerSection,
      HeaderActions: actions.default,
      CapturePanel: actions.CapturePanel,
    };
  },
  // On the first click on a segment.
  InspectorSection: lazy(() =>
    import('../ui/inspector/InspectorSection').then((m) => ({ default: m.InspectorSection })),
  ),
  // Share, Embed, Export and Open a capture, with the capture panel: one chunk after the first
  // diagram.
  HeaderActions: lazy(loadHeaderActions),
  CapturePanel: lazy(() => loadHeaderActions().then((m) => ({ default: m.CapturePanel }))),
  // Only in the compact layout, and only inside a frame.
  EmbedChrome: lazy(() => import('../features/embed/EmbedChrome')),
  CourseMessages: lazy(() => import('../features/embed/CourseMessages')),
  // Only in predict mode (`mode=predict`, the toggle, an exercise set).
  PredictPanel: lazy(() => import('../features/predict/PredictPanel')),
  // Only for a page an LMS launched (`scorm=1.2|2004`).
  ScormBridge: lazy(() => import('../features/scorm/ScormBridge')),
};

// The features' words, fetched with the features.
registerNamespace('answers', {
  en: () => import('../i18n/locales/en/answers').then((m) => m.answers),
  'zh-CN': () => import('../i18n/locales/zh-CN/answers').then((m) => m.answers),
});
registerNamespace('exporting', {
  en: () => import('../i18n/locales/en/exporting').then((m) => m.exporting),
  'zh-CN': () => import('../i18n/locales/zh-CN/exporting').then((m) => m.exporting),
});
registerNamespace('embedding', {
  en: () => import('../i18n/locales/en/embedding').then((m) => m.embedding),
  'zh-CN': () => import('../i18n/locales/zh-CN/embedding').then((m) => m.embedding),
});
registerNamespace('predicting', {
  en: () => import('../i18n/locales/en/predicting').then((m) => m.predicting),
  'zh-CN': () => import('../i18n/locales/zh-CN/predicting').then((m) => m.predicting),
});
registerNamespace('capturing', {
  en: () => import('../i18n/locales/en/capturing').then((m) => m.capturing),
  'zh-CN': () => import('../i18n/locales/zh-CN/capturing').then((m) => m.capturing),
});

/** The step explanations: after the first paint. */
export const loadExplain = () => import('../lab/explain');

/** The lessons' scenarios besides the default one: after the first diagram, or before it when the
 * page opens on another lesson. */
export const loadLessons = () => import('../scenarios/all');

/** The reader of an `s=` link: only for pages opened on one. */
export const loadScenarioParam = () => import('../lab/scenarioParam');

/** The scenario validator, which the store passes a custom scenario through before it shows it:
 * with the reader of an `s=` link, or at the first scenario a course page sends. */
export const loadValidator = () => import('../engine/validate');

/** The exercise sets' lessons: only for pages opened on a `set=` link. */
export const loadExerciseSets = () => import('../scenarios/exerciseSets');

/** The fault that drops a clicked segment: on the first click on an arrow in flight. */
export const loadSegmentFault = () => import('../lab/variants');

/** Predict mode's questions, marks and gate: when the mode is first switched on. */
export const loadPredictKit = () => import('../ui/store/predictKit');

/** framer-motion, for the arrows' flights: once the first diagram is on screen. */
export const loadMotion = () => import('../ui/diagram/motionChunk');
