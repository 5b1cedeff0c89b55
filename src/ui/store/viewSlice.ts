// The view's options (numbering, language, theme, layout) and the message shown over the lab: two
// small slices of the lab store.

import type { StateCreator } from 'zustand/vanilla';
import type { LabError, LabInit, LabState } from './labStore';

type ViewSlice = Pick<
  LabState,
  | 'numbering'
  | 'timeScale'
  | 'locale'
  | 'theme'
  | 'showControls'
  | 'embed'
  | 'scorm'
  | 'setNumbering'
  | 'setTimeScale'
  | 'setLocale'
  | 'setTheme'
  | 'setShowControls'
>;

type ErrorSlice = Pick<LabState, 'error' | 'showError' | 'dismissError'>;

export function createViewSlice(init: LabInit): StateCreator<LabState, [], [], ViewSlice> {
  return (set) => ({
    numbering: 'relative',
    timeScale: init.timeScale ?? 'warped',
    locale: init.locale,
    theme: init.theme ?? null,
    showControls: init.showControls ?? true,
    embed: init.embed ?? false,
    scorm: init.scorm ?? null,

    setNumbering(numbering) {
      set({ numbering });
    },
    setTimeScale(timeScale) {
      set({ timeScale });
    },
    setLocale(locale) {
      set({ locale });
    },
    setTheme(theme) {
      set({ theme });
    },
    setShowControls(show) {
      set({ showControls: show });
    },
  });
}

/** `initial`: why the widget does not show what it was asked to (a broken link), or null. */
export function createErrorSlice(
  initial: LabError | null,
): StateCreator<LabState, [], [], ErrorSlice> {
  return (set) => ({
    error: initial,
    showError(error) {
      set({ error });
    },
    dismissError() {
      set({ error: null });
    },
  });
}
