// The build's prerendering (vite.config.ts runs it after the page's build): the page as its first
// render draws it, for the default lesson and each built-in lesson's own entry, as HTML. The
// browser shows it before any script has run; the page's script then takes it over (hydrateRoot,
// main.tsx) when it opens exactly as rendered here (prerenderKey.ts).
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { lessonFrames } from '../i18n/locales/en/lessonFrames';
import { lessons } from '../i18n/locales/en/lessons';
import { parseUrlOptions } from '../lab/urlOptions';
import { addLessonScenarios, DEFAULT_LESSON_ID, LESSON_IDS } from '../scenarios';
import { LESSONS } from '../scenarios/all';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { createLabStore, type LabRunner } from '../ui/store/labStore';
import { labInitFromUrl } from '../ui/store/urlInit';
import { engineService } from '../worker/engineService';
import { App } from './App';
import { firstRunBlock } from './firstRun';
import { labDeps } from './labDeps';
import { prerenderKey } from './prerenderKey';

export interface PrerenderedPage {
  /** Where the page goes in the built site: '' (the site's index.html) or `lesson/ID/`. */
  path: string;
  lessonId: string;
  /** The markup of #root, and the key the page's script checks before taking it over. */
  html: string;
  key: string;
  /** The lesson's run as the page's first run request asks for it, as a JSON data block. */
  firstRun: string;
  title: string;
  description: string;
}

/** A prerendered page never runs anything: the page's script starts the engine. */
const noRunner = (): LabRunner => {
  throw new Error('prerendering runs no engine');
};

function render(
  query: string,
  pathname: string,
): { html: string; key: string; lessonId: string; firstRun: string } {
  const url = parseUrlOptions(query, pathname);
  const init = labInitFromUrl(url, 'en', {
    decode: () => undefined,
    lessonsOfSet: () => [],
  });
  const key = prerenderKey(init, DEFAULT_LESSON_ID);
  if (key === null) throw new Error(`prerender: "${pathname}${query}" is not a plain page`);
  const store = createLabStore(init, labDeps);
  const html = renderToString(
    <StrictMode>
      <ErrorBoundary>
        <App store={store} createRunner={noRunner} />
      </ErrorBoundary>
    </StrictMode>,
  );
  // What the page's store asks its runner for first (runs.ts), run by the worker's engine service.
  const { lessonId, options } = store.getState();
  const run = engineService.lab(labDeps.lessonScenario(lessonId), options);
  return { html, key, lessonId, firstRun: firstRunBlock({ lessonId, options, run }) };
}

/** Every page the build writes: the site's index and one entry per built-in lesson. */
export function prerenderPages(): PrerenderedPage[] {
  // Every lesson's scenario at hand (the page fetches the others after its first diagram).
  addLessonScenarios(LESSONS);
  const words = (id: string) => ({
    title: `${lessons[id as keyof typeof lessons].title} · Handshake Lab`,
    description: lessonFrames[id as keyof typeof lessonFrames].summary,
  });
  const index = render('', '/');
  return [
    {
      path: '',
      ...index,
      title: 'Handshake Lab',
      description: 'An interactive visualizer of how TCP opens and closes a connection.',
    },
    ...LESSON_IDS.map((id) => ({
      path: `lesson/${id}/`,
      ...render('', `/lesson/${id}/`),
      ...words(id),
    })),
  ];
}
