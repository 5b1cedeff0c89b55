// Selectors at module level, so their identity is stable across renders. Those returning objects
// are meant for `useShallow`.

import type { LinkSource } from '../../lab/shareLink';
import type { LabState } from './labStore';

export const selectStep = (s: LabState) => s.step;
export const selectSpeed = (s: LabState) => s.speed;
export const selectSelectedSegment = (s: LabState) => s.selectedSegment;
export const selectLocale = (s: LabState) => s.locale;
export const selectTheme = (s: LabState) => s.theme;
export const selectShowControls = (s: LabState) => s.showControls;

/** The segment open in the inspector, with its run, or null. */
export const selectInspected = (s: LabState) => {
  const id = s.selectedSegment;
  const segment = id === null ? undefined : s.derived?.segmentById.get(id);
  return segment ?? null;
};

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
    timeScale: s.timeScale,
  };
};
