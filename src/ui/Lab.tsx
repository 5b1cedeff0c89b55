// One lab widget: its own store (and engine worker), language and layout.

import { lazy, Suspense, useEffect, useState } from 'react';
import '../embed/embed.css';
import { I18nProvider, useNamespace, useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { DiagramSection } from './DiagramSection';
import { ErrorBanner } from './ErrorBanner';
import { ExplanationPanel } from './ExplanationPanel';
import { LessonPicker } from './LessonPicker';
import { LiveRegion } from './LiveRegion';
import { Scrubber } from './Scrubber';
import { SpeedControl } from './SpeedControl';
import { StateMachineSection } from './StateMachineSection';
import { StepControls } from './StepControls';
import { ThemeSwitch } from './ThemeSwitch';
import { LabStoreProvider, useLab, useLabStoreApi } from './store/context';
import { labDeps } from './store/labDeps';
import { createLabStore, type LabInit, type LabState, type LabStore } from './store/labStore';
import { rootNodeOf, themeElementOf, useLabHost } from './labHost';
import { createLabRunner } from './store/runner';
import {
  selectLocale,
  selectSelectedSegment,
  selectShowControls,
  selectTheme,
} from './store/selectors';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';

// Late, heavy pieces: not needed to draw the first diagram.
const AnswerSection = lazy(() =>
  import('./AnswerSection').then((m) => ({ default: m.AnswerSection })),
);
const SettingsPanel = lazy(() =>
  import('./SettingsPanel').then((m) => ({ default: m.SettingsPanel })),
);
const InspectorSection = lazy(() =>
  import('./InspectorSection').then((m) => ({ default: m.InspectorSection })),
);
// The compact layout's link to the full page and its hold on the scroll wheel until touched.
const EmbedChrome = lazy(() => import('../embed/EmbedChrome'));
// Share, Embed and Export: buttons shown after the first diagram.
const HeaderActions = lazy(() => import('./HeaderActions'));
// The messages with a course page, only for a page inside a frame.
const CourseMessages = lazy(() => import('../embed/CourseMessages'));
// A capture file's progress, connections and notes: in the chunk of the header's "Open a capture".
const CapturePanel = lazy(() =>
  import('./HeaderActions').then((m) => ({ default: m.CapturePanel })),
);

const selectSetLocale = (s: LabState) => s.setLocale;
const selectHasRun = (s: LabState) => s.derived !== null;
const selectEmbed = (s: LabState) => s.embed;

/**
 * True from the frame after the first diagram was painted: the lazy panels wait for it, so their
 * chunks are not fetched before the first lifeline is drawn.
 */
function useAfterFirstDiagram(): boolean {
  const hasRun = useLab(selectHasRun);
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!hasRun || late) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLate(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [hasRun, late]);
  return late;
}

/** `store`: a store made by the caller (a web component drives it from its attributes). */
export function Lab({ init, store: given }: { init: LabInit; store?: LabStore }) {
  const [store] = useState(() => given ?? createLabStore(init, labDeps));
  useEffect(() => {
    const runner = createLabRunner();
    store.getState().attach(runner);
    return () => {
      store.getState().detach();
      runner.dispose();
    };
  }, [store]);
  return (
    <LabStoreProvider store={store}>
      <LabI18n />
    </LabStoreProvider>
  );
}

function LabI18n() {
  const locale = useLab(selectLocale);
  const setLocale = useLab(selectSetLocale);
  // A web component's language is on its own root (the element sets it), not on the course page.
  const wholePage = useLabHost() === null;
  return (
    <I18nProvider locale={locale} onLocaleChange={setLocale} documentLang={wholePage}>
      <LabLayout />
    </I18nProvider>
  );
}

function LabLayout() {
  const t = useT();
  const store = useLabStoreApi();
  const showControls = useLab(selectShowControls);
  const theme = useLab(selectTheme);
  const selected = useLab(selectSelectedSegment);
  // The inspector's words, fetched alongside its chunk on the first click (it waits for both).
  useNamespace('inspector', selected !== null);
  const hasRun = useAfterFirstDiagram();
  usePlayback();
  useKeyboard();

  // The other lessons' scenarios (a later chunk), so that picking one is instant.
  useEffect(() => {
    if (hasRun) labDeps.loadLessons?.().catch(() => {});
  }, [hasRun]);

  const host = useLabHost();
  useEffect(() => {
    const root = themeElementOf(host);
    if (theme) root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme, host]);

  // The compact layout (`embed=1`) and the course-page messages: for a lab that is the whole page.
  const embed = useLab(selectEmbed) && host === null;
  const framed = host === null && window.parent !== window;

  return (
    // `data-runner` tells tests where the engine runs.
    <div className={embed ? 'lab lab--embed' : 'lab'} data-runner="worker">
      <a
        className="skip-link"
        href="#lab-diagram"
        // In a shadow root the link cannot reach the diagram by its fragment: focus it directly.
        onClick={
          host
            ? (event) => {
                event.preventDefault();
                rootNodeOf(host).getElementById('lab-diagram')?.focus();
              }
            : undefined
        }
      >
        {t('ui.app.skipToDiagram')}
      </a>
      <header className="lab-header">
        <h1>{t('ui.app.title')}</h1>
        {embed && hasRun && (
          <Suspense fallback={null}>
            <EmbedChrome />
          </Suspense>
        )}
        {showControls && (
          <div className="header-tools">
            <LessonPicker />
            <LanguageSwitch />
            <ThemeSwitch />
            {hasRun && (
              <Suspense fallback={null}>
                <HeaderActions />
              </Suspense>
            )}
          </div>
        )}
        {!embed && <p className="tagline">{t('ui.app.tagline')}</p>}
      </header>
      <ErrorBanner />
      {showControls && hasRun && (
        <Suspense fallback={null}>
          <CapturePanel />
        </Suspense>
      )}
      <div className="lab-body">
        <main className="lab-main">
          <div className="controls-bar">
            <StepControls />
            {!embed && <Scrubber />}
            {showControls && <SpeedControl />}
            {showControls && <p className="keyboard-hint">{t('ui.keyboard.hint')}</p>}
          </div>
          <DiagramSection />
        </main>
        <aside className="lab-side">
          <ExplanationPanel />
          {hasRun && !embed && <StateMachineSection />}
        </aside>
        {showControls && hasRun && (
          <div className="lab-settings">
            <Suspense fallback={null}>
              <SettingsPanel />
            </Suspense>
          </div>
        )}
      </div>
      {showControls && hasRun && (
        <Suspense fallback={null}>
          <AnswerSection onShowMe={(lessonId) => store.getState().setLesson(lessonId)} />
        </Suspense>
      )}
      {selected !== null && (
        <Suspense fallback={null}>
          <InspectorSection />
        </Suspense>
      )}
      <LiveRegion />
      {!embed && <footer className="lab-footer">{t('ui.app.footer')}</footer>}
      {framed && (
        <Suspense fallback={null}>
          <CourseMessages />
        </Suspense>
      )}
    </div>
  );
}
