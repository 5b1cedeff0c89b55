// One lab widget: its own store (and engine worker), language and layout.

import { Suspense, useEffect, useState } from 'react';
import './embed.css';
import { I18nProvider, useNamespace, useT } from '../i18n';
import { LanguageSwitch } from './controls/LanguageSwitch';
import { DiagramSection } from './diagram/DiagramSection';
import { PanelBoundary } from './ErrorBoundary';
import { ErrorBanner } from './panels/ErrorBanner';
import { ExplanationPanel } from './panels/ExplanationPanel';
import { LessonPicker } from './controls/LessonPicker';
import { LiveRegion } from './panels/LiveRegion';
import { Scrubber } from './controls/Scrubber';
import { SpeedControl } from './controls/SpeedControl';
import { StepControls } from './controls/StepControls';
import { ThemeSwitch } from './controls/ThemeSwitch';
import { LabStoreProvider, useLab, useLabStoreApi } from './store/context';
import type { LabRunner, LabState, LabStore } from './store/labStore';
import { rootNodeOf, themeElementOf, useLabHost } from './labHost';
import { late } from './latePart';
import { LabComponentsProvider, useLabComponents, type LabComponents } from './parts';
import {
  selectLocale,
  selectSelectedSegment,
  selectShowControls,
  selectTheme,
} from './store/selectors';
import { ModeToggle } from './controls/ModeToggle';
import { useKeyboard } from './useKeyboard';
import { usePaintedOnce } from './useAfterPaint';
import { useNarrow } from './useNarrow';
import { usePlayback } from './usePlayback';

const NO_COMPONENTS: LabComponents = {};

const selectSetLocale = (s: LabState) => s.setLocale;
const selectHasRun = (s: LabState) => s.derived !== null;
const selectEmbed = (s: LabState) => s.embed;
const selectMode = (s: LabState) => s.mode;
const selectScorm = (s: LabState) => s.scorm;

/**
 * True from the frame after the first diagram was painted: the lazy panels wait for it, so their
 * chunks are not fetched before the first lifeline is drawn.
 */
function useAfterFirstDiagram(): boolean {
  return usePaintedOnce(useLab(selectHasRun));
}

/**
 * The lab's parts, with those shown after the first diagram ready to render once `loadLate` has
 * fetched them and their words (null until then, or until it failed: the lazy parts then load
 * each on its own and say so if they cannot). Ready together, they appear in one frame, so that
 * none of them pushes down another already on screen.
 */
function useLateParts(painted: boolean, parts: LabComponents): LabComponents | null {
  const locale = useLab(selectLocale);
  const [late, setLate] = useState<LabComponents | null>(null);
  const { loadLate } = parts;
  useEffect(() => {
    if (!painted || late) return;
    let current = true;
    const show = (loaded: LabComponents) => {
      if (current) setLate(loaded);
    };
    (loadLate?.(locale) ?? Promise.resolve({})).then(show, () => show({}));
    return () => {
      current = false;
    };
  }, [painted, late, loadLate, locale]);
  return late && { ...parts, ...late };
}

export interface LabProps {
  /** The widget's store (the caller keeps it: a web component drives it from its attributes). */
  store: LabStore;
  /** Starts the engine the store runs lessons with (a worker of the widget's own). */
  createRunner: () => LabRunner;
  /** The optional parts to show; those left out are not. */
  components?: LabComponents;
}

export function Lab({ store, createRunner, components = NO_COMPONENTS }: LabProps) {
  useEffect(() => {
    const runner = createRunner();
    store.getState().attach(runner);
    return () => {
      store.getState().detach();
      runner.dispose();
    };
  }, [store, createRunner]);
  return (
    <LabStoreProvider store={store}>
      <LabComponentsProvider value={components}>
        <LabI18n />
      </LabComponentsProvider>
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
  const mode = useLab(selectMode);
  const given = useLabComponents();
  // The inspector's words are fetched with its code on the first click (it waits for both).
  useNamespace('inspector', selected !== null);
  const host = useLabHost();
  // The compact layout (`embed=1`) and the course-page messages: for a lab that is the whole page.
  const embed = useLab(selectEmbed) && host === null;
  const painted = useAfterFirstDiagram();
  // The compact layout shows none of the late parts but the lesson's frame: it fetches nothing more.
  const loaded = useLateParts(painted && !embed, given);
  const hasRun = embed ? painted : loaded !== null;
  const parts = loaded ?? given;
  usePlayback();
  useKeyboard();

  // The other lessons' scenarios, so that picking one is instant.
  useEffect(() => {
    if (painted) store.getState().prefetchLessons();
  }, [painted, store]);

  useEffect(() => {
    const root = themeElementOf(host);
    if (theme) root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme, host]);

  // (No window where the page is prerendered: it is no frame there.)
  const framed = host === null && typeof window !== 'undefined' && window.parent !== window;
  // An LMS launched this page (`scorm=`): its score goes to the LMS's run-time.
  const scorm = useLab(selectScorm) !== null && host === null;
  const { AnswerSection, StateMachineSection } = parts;
  const narrow = useNarrow();
  const tools = (
    <>
      {/* A phone's step bar keeps only stepping: the speed and the predict switch wait here. */}
      {narrow && <SpeedControl />}
      {narrow && <ModeToggle />}
      <LanguageSwitch />
      <ThemeSwitch />
      {narrow && late(parts.HeaderActions, hasRun)}
    </>
  );

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
        {late(parts.EmbedChrome, embed && hasRun)}
        {/* Beside the title, where their arrival after the first diagram moves nothing: the
            title's row is as tall as they are, and the lesson's row under it keeps its place. */}
        {showControls && !narrow && (
          <div className="header-actions">{late(parts.HeaderActions, hasRun)}</div>
        )}
        {showControls && (
          <div className="header-tools">
            <LessonPicker />
            {/* On a phone the rest folds away: the diagram and the explanation need the room. */}
            {narrow ? (
              <details className="header-more">
                <summary>{t('ui.camera.more')}</summary>
                <div className="header-more-body">{tools}</div>
              </details>
            ) : (
              tools
            )}
          </div>
        )}
        {!embed && <p className="tagline">{t('ui.app.tagline')}</p>}
      </header>
      <ErrorBanner />
      {late(parts.CapturePanel, showControls && hasRun)}
      <div className="lab-body">
        <main className="lab-main">
          <div className="controls-bar">
            <StepControls />
            {!embed && <Scrubber />}
            {showControls && !narrow && <SpeedControl />}
            {showControls && !narrow && <ModeToggle />}
            {/* A phone has no keyboard to speak of: the bar stays one compact block. */}
            {showControls && !narrow && <p className="keyboard-hint">{t('ui.keyboard.hint')}</p>}
          </div>
          <DiagramSection />
        </main>
        <aside className="lab-side">
          {late(parts.PredictPanel, hasRun && mode === 'predict')}
          {/* The explanation first, where the prerendered page shows it: the lesson's frame
              arrives after the first diagram and takes its place under it, moving nothing. */}
          <PanelBoundary>
            <ExplanationPanel />
          </PanelBoundary>
          {late(parts.LessonFrame, hasRun)}
          {late(StateMachineSection, hasRun && !embed)}
        </aside>
        {showControls && hasRun && parts.SettingsPanel && (
          <div className="lab-settings">{late(parts.SettingsPanel)}</div>
        )}
      </div>
      {AnswerSection && showControls && hasRun && (
        <PanelBoundary>
          <Suspense fallback={null}>
            <AnswerSection onShowMe={(lessonId) => store.getState().setLesson(lessonId)} />
          </Suspense>
        </PanelBoundary>
      )}
      {late(parts.InspectorSection, selected !== null)}
      <LiveRegion />
      {/* Last on the page, after everything that arrives late: nothing pushes it down. */}
      {!embed && hasRun && <footer className="lab-footer">{t('ui.app.footer')}</footer>}
      {late(parts.CourseMessages, framed)}
      {late(parts.ScormBridge, scorm)}
    </div>
  );
}
