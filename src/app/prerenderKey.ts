// Which pages the build prerenders, and whether a page may take over (hydrate) the HTML it was
// served with: only when it opens exactly as that HTML was rendered. A page opened otherwise (a
// step, a language, a theme, a link's scenario, predict mode…) renders itself over it instead.
import type { LabInit } from '../ui/store/labStore';

/** The name the build gives the prerendered HTML of a page opening on `lessonId` in English. */
export function prerenderKeyOf(lessonId: string): string {
  return `${lessonId}|en`;
}

/** The key of the prerendered page this init would render exactly, or null for none. */
export function prerenderKey(init: LabInit, defaultLessonId: string): string | null {
  const plain =
    init.locale === 'en' &&
    init.custom === undefined &&
    init.linkError === undefined &&
    (init.step ?? null) === null &&
    !init.autoplay &&
    (init.theme ?? null) === null &&
    init.showControls !== false &&
    !init.embed &&
    (init.timeScale ?? 'warped') === 'warped' &&
    (init.mode ?? 'watch') === 'watch' &&
    (init.set ?? null) === null &&
    (init.scorm ?? null) === null &&
    init.options === undefined;
  return plain ? prerenderKeyOf(init.lessonId ?? defaultLessonId) : null;
}
