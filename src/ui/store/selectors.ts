// Selectors at module level, so their identity is stable across renders. Those returning objects
// are meant for `useShallow`.

import type { LinkSource } from '../../lab/shareLink';
import type { LabState } from './labStore';

export const selectActions = (s: LabState) => ({
  stepForward: s.stepForward,
  stepBack: s.stepBack,
  goTo: s.goTo,
  reset: s.reset,
  play: s.play,
  pause: s.pause,
  togglePlay: s.togglePlay,
  setSpeed: s.setSpeed,
  setLesson: s.setLesson,
  setOptions: s.setOptions,
  setNumbering: s.setNumbering,
  selectSegment: s.selectSegment,
  dropSegment: s.dropSegment,
  setLocale: s.setLocale,
  setTheme: s.setTheme,
  dismissError: s.dismissError,
});

export const selectStep = (s: LabState) => s.step;
export const selectTotal = (s: LabState) => s.total;
export const selectPlaying = (s: LabState) => s.playing;
export const selectSpeed = (s: LabState) => s.speed;
export const selectStatus = (s: LabState) => s.status;
export const selectLessonId = (s: LabState) => s.lessonId;
export const selectOptions = (s: LabState) => s.options;
export const selectNumbering = (s: LabState) => s.numbering;
export const selectRun = (s: LabState) => s.run;
export const selectDerived = (s: LabState) => s.derived;
export const selectView = (s: LabState) => s.view;
export const selectSelectedSegment = (s: LabState) => s.selectedSegment;
export const selectLocale = (s: LabState) => s.locale;
export const selectTheme = (s: LabState) => s.theme;
export const selectShowControls = (s: LabState) => s.showControls;
export const selectError = (s: LabState) => s.error;

/** The step counter's numbers. */
export const selectCounter = (s: LabState) => ({ step: s.step, total: s.total });

/** The segment open in the inspector, with its run, or null. */
export const selectInspected = (s: LabState) => {
  const id = s.selectedSegment;
  const segment = id === null ? undefined : s.derived?.segmentById.get(id);
  return segment ?? null;
};

/** The step record for the shown step (null at step 0 or before a run). */
export const selectCurrentStep = (s: LabState) =>
  s.step > 0 ? (s.derived?.steps[s.step - 1] ?? null) : null;

/** What a link to the shown situation is built from, or null while the lesson is unknown. Its
 * fields change only with what they hold: read it with `useShallow`. */
export const selectLinkSource = (s: LabState): LinkSource | null => {
  const lesson = s.lessonScenario();
  if (!lesson) return null;
  return {
    lessonId: s.lessonId,
    lesson,
    options: s.options,
    lessonOptions: s.lessonOptions,
    step: s.step,
    locale: s.locale,
    theme: s.theme,
  };
};
