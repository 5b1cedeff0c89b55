// The page: one lab widget configured from the URL query (CONTRACT.md section 4).

import { chooseLocaleForPage } from '../i18n';
import { lessonScenarioPending, loadLessonScenarios } from '../scenarios';
import { Lab } from './Lab';
import type { LabInit } from './store/labStore';
import { decodeScenarioParam, parseUrlOptions } from './store/urlOptions';

// Read once: the page does not change its query without a reload.
function initFromUrl(): LabInit {
  const url = parseUrlOptions(window.location.search);
  // Before the first paint, so a forced theme never flashes the other one.
  if (url.theme) document.documentElement.dataset.theme = url.theme;
  let custom: unknown;
  let linkError: string | undefined;
  if (url.scenario !== null) {
    try {
      custom = decodeScenarioParam(url.scenario);
    } catch (error) {
      linkError = error instanceof Error ? error.message : String(error);
    }
  }
  return {
    lessonId: url.lesson,
    custom,
    linkError,
    step: url.step,
    autoplay: url.autoplay,
    locale: chooseLocaleForPage().locale,
    theme: url.theme,
    showControls: url.controls && !url.embed,
    embed: url.embed,
    ...(url.dropFinalAck ? { options: { dropFinalAck: true } } : {}),
  };
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
