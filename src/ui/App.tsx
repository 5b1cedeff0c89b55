// The page: one lab widget configured from the URL query (CONTRACT.md section 4).

import { chooseLocaleForPage } from '../i18n';
import { lessonScenarioPending, loadLessonScenarios } from '../scenarios';
import { Lab } from './Lab';
import type { LabInit } from './store/labStore';
import { labInitFromUrl } from './store/urlInit';
import { parseUrlOptions } from './store/urlOptions';

// Read once: the page does not change its query without a reload.
const url = parseUrlOptions(window.location.search);
// Before the first paint, so a forced theme never flashes the other one.
if (url.theme) document.documentElement.dataset.theme = url.theme;
// The compact layout leaves the course page's scroll wheel alone from the start (embed.css); the
// student's first touch releases it (src/embed/useEmbedEngagement.ts, loaded with the first diagram).
if (url.embed) document.documentElement.dataset.embed = 'idle';

/**
 * What the widget opens on, once the later chunks it needs are in: the decoder of an `s=` link,
 * or the scenario of a lesson other than the default one. If one cannot be loaded, the widget
 * says so and shows the default lesson.
 */
async function loadInit(): Promise<LabInit> {
  const locale = chooseLocaleForPage().locale;
  let decode: (value: string) => unknown = () => {
    throw new Error('s: the link reader could not be loaded; try reloading the page');
  };
  if (url.scenario !== null) {
    decode = await import('./store/scenarioParam').then(
      (m) => m.decodeScenarioParam,
      () => decode,
    );
  }
  const init = labInitFromUrl(url, locale, decode);
  if (init.custom === undefined && init.lessonId != null && lessonScenarioPending(init.lessonId)) {
    await loadLessonScenarios().catch(() => {});
  }
  return init;
}

// Never rejects: whatever goes wrong, the page opens (on the default lesson, saying why).
export const initReady: Promise<LabInit> = loadInit().catch((error: unknown) => ({
  locale: 'en',
  linkError: error instanceof Error ? error.message : String(error),
}));

export function App({ init }: { init: LabInit }) {
  return <Lab init={init} />;
}
