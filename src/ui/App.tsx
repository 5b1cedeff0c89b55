// The page: one lab widget configured from the URL query (CONTRACT.md section 4).

import { chooseLocaleForPage } from '../i18n';
import { lessonScenarioPending, loadLessonScenarios } from '../scenarios';
import { Lab } from './Lab';
import type { LabInit } from './store/labStore';
import { labInitFromUrl } from './store/urlInit';
import { parseUrlOptions } from './store/urlOptions';

// Read once: the page does not change its query without a reload.
function initFromUrl(): LabInit {
  const url = parseUrlOptions(window.location.search);
  // Before the first paint, so a forced theme never flashes the other one.
  if (url.theme) document.documentElement.dataset.theme = url.theme;
  return labInitFromUrl(url, chooseLocaleForPage().locale);
}

const init = initFromUrl();

/**
 * When the page opens on a lesson other than the default one, its scenario (a later chunk) is
 * loaded before the widget is rendered; null when there is nothing to wait for.
 */
export const lessonReady: Promise<void> | null =
  init.custom === undefined && init.lessonId != null && lessonScenarioPending(init.lessonId)
    ? loadLessonScenarios()
    : null;

export function App() {
  return <Lab init={init} />;
}
