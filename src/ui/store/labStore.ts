// The state of one lab widget: which lesson, the options on top of it, the run they gave and where
// the student is in it. A vanilla zustand store per widget instance (provided through React context,
// see context.tsx), so two widgets on a page never share a step. The engine runs only in the worker
// behind `LabRunner`; everything derived from a run is computed once per run, and a step only looks
// the view up.
//
// The store is made of slices: the lesson and its runs (lessonSlice.ts, with the choice of lesson
// a pure reducer of its own, lessonChoice.ts), playback (playbackSlice.ts), and the view's options
// and errors (viewSlice.ts). Everything they keep is state, where devtools and tests see it.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Fault, Scenario, Side } from '../../engine/types';
import type { ParseResult } from '../../engine/validate';
import type { Locale } from '../../i18n/types';
import type { Derived } from '../../lab/derive';
import type { Explainer } from '../../lab/explain';
import type { Work } from '../../lab/slices';
import type { TimeScale } from '../../lab/timeAxis';
import type { LabOptions, Run, StepView } from '../../lab/types';
import type { ThemeChoice } from '../../lab/urlOptions';
import type { CaptureNote } from '../../worker/captureService';
import { openingOf, type CustomScenario } from './lessonChoice';
import { createCameraSlice } from './cameraSlice';
import { createLessonSlice } from './lessonSlice';
import { createPlaybackSlice } from './playbackSlice';
import { createErrorSlice, createViewSlice } from './viewSlice';
import type { PredictKit } from './predictKit';
import type { LabMode, PredictProgress } from '../../lab/predict/progress';
import type { Prediction } from '../../lab/predict/score';
import { createPredictSlice } from './predictSlice';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export type Numbering = 'relative' | 'absolute';
export type { TimeScale };

/**
 * Runs a lesson with the lab's options off the page's thread (the engine worker); one per store.
 * Rejects with a one-line reason for bad input.
 */
export interface LabRunner {
  /**
   * The store shows only the last run it asked for, so a run asked while an earlier one is still
   * computing replaces it: the earlier one stops at once and its promise rejects. A run asked
   * `beside` (the why-three comparison's) neither replaces one nor is replaced.
   */
  run(lesson: Scenario, options: LabOptions, how?: { beside?: boolean }): Promise<Run>;
  dispose(): void;
}

/** What the store needs from the lessons and the page model (injected so tests can fake them). */
export interface LabDeps {
  defaultLessonId: string;
  /** The lesson's scenario, or undefined for an unknown id (or one not loaded yet). */
  lessonScenario: (id: string) => Scenario | undefined;
  /**
   * Lessons whose scenarios are loaded on demand: whether `id` is one not loaded yet, and the loader
   * (`setLesson` waits for it). Without them every lesson is at hand.
   */
  lessonPending?: (id: string) => boolean;
  loadLessons?: () => Promise<void>;
  /** The options a lesson starts with (its own profile, seed, MSL; nothing broken). */
  lessonOptions: (lesson: Scenario) => LabOptions;
  /**
   * The validator (engine/validate.ts's parseScenario) for a custom scenario: a share link's, a
   * course page's `load`, a web component's `scenario`. The store keeps only scenarios it passes, so
   * the settings are never read from a field of the wrong type. A promise where the validator is
   * fetched on demand (the page's); a store opening on a link needs the answer at once, so the page
   * fetches it with the link's reader.
   */
  checkScenario: (raw: unknown) => ParseResult | Promise<ParseResult>;
  derive: (run: Run) => Derived;
  /**
   * Derives a long run in slices, giving the page back between them, so that preparing it never
   * freezes the page; resolves to null once `stillWanted` says no (a newer run or lesson came).
   * Without it every run is derived at once.
   */
  deriveInSlices?: (
    run: Run,
    how: { timeScale: TimeScale; stillWanted: () => boolean },
  ) => Promise<Derived | null>;
  /** Runs work while the page is idle (what a later jump will need); returns how to stop it. */
  whileIdle?: (work: Work<void>) => () => void;
  /** Explains a run, from the steps and segments derived to draw it; without it the page shows
   * no explanations. */
  explain?: (run: Run, derived: Derived) => Promise<Explainer>;
  /** The fault that drops this segment in the next run, or null when it cannot be dropped. */
  faultForSegment: (run: Run, id: number) => Fault | null | Promise<Fault | null>;
  /** Debounce for typed options (ms). */
  typingDebounceMs?: number;
  /** A new predict-mode attempt seed (1…999999); the page draws it at random. */
  drawSeed?: () => number;
  /** Predict mode's code (predictKit.ts), fetched when the mode is first on. */
  loadPredict?: () => Promise<PredictKit>;
}

/**
 * What a message is about: `link` a share link's `s=` or `lesson=` that could not be opened,
 * `load` a scenario a course page sent, `lesson` a lesson that cannot be shown, `run` a failed run,
 * `option` a knob. Link and load messages stay up after the next run (they say why it shows what
 * it shows); the others are cleared by a run that works.
 */
export type LabErrorKind = 'link' | 'load' | 'lesson' | 'run' | 'option' | 'file';

export interface LabError {
  kind: LabErrorKind;
  message: string;
}

export type RunStatus = 'idle' | 'running' | 'ready' | 'error';

/** A connection read from a capture file, shown instead of a lesson (`showCapture`). */
export interface ShownCapture {
  /** What is shown, for titles and file names: the file's name and the connection. */
  label: string;
  /** Each side's address and port as the capture has them (the diagram's lifeline labels). */
  endpoints: Record<Side, string>;
  /** What the capture cannot show about this connection. */
  notes: readonly CaptureNote[];
  /** The receiving side's times are inferred (one timestamp per packet, taken where it was sent). */
  inferredTimes: boolean;
}

export interface LabData {
  lessonId: string;
  options: LabOptions;
  /** The lesson's own options, to tell what the student changed. */
  lessonOptions: LabOptions;
  numbering: Numbering;
  /** The diagram's time axis: warped (the default) or to scale (lab/timeAxis.ts). */
  timeScale: TimeScale;
  status: RunStatus;
  run: Run | null;
  derived: Derived | null;
  /** The explanations of `run`, once loaded. */
  explainer: Explainer | null;
  /** Steps in the run (the M of `N / M`). */
  total: number;
  /** 0…total; 0 shows nothing yet. */
  step: number;
  /** The view at `step`, null before the first run. */
  view: StepView | null;
  /** The step whose new arrows fly in: the one just stepped forward to; null after any other move. */
  animateStep: number | null;
  playing: boolean;
  speed: Speed;
  /** The segment shown in the inspector. */
  selectedSegment: number | null;
  locale: Locale;
  theme: ThemeChoice | null;
  /** false with `controls=0`: only the step controls are shown. */
  showControls: boolean;
  /** `embed=1`: the compact layout for an iframe in a course page. */
  embed: boolean;
  error: LabError | null;
  /** The capture shown (lesson `capture`), or null. */
  capture: ShownCapture | null;
  /**
   * The capture shown last, with its run: what a course page's scenario loaded over it falls back
   * to if that scenario cannot run (a capture cannot be run again, only shown again).
   */
  lastCapture: { run: Run; capture: ShownCapture } | null;
  /** The scenario of lesson `custom`, and what it falls back to if it cannot run. */
  custom: CustomScenario;
  /** The engine the store runs lessons with, while attached. */
  runner: LabRunner | null;
  /** Counts the runs started (and cancelled): the answer to an older one is not shown. */
  runRequest: number;
  /** Counts the lessons asked for: one whose scenario is still loading gives way to a later one. */
  lessonRequest: number;
  /** Applied to the next run shown, then forgotten: a link's step (clamped) and autoplay. */
  pendingStep: number | null;
  pendingAutoplay: boolean;
  /** The diagram shows the whole run fitted into view instead of following the step. */
  fit: boolean;
  /**
   * What the last change of a knob (or an arrow dropped) did to the run: the first step whose events
   * differ from the run before it (`step`, null when the run is the same); null when the run shown
   * did not come from such a change.
   */
  knobEffect: { step: number | null } | null;
  /** `watch` steps freely; `predict` stops before each question's step and asks (`mode=predict`). */
  mode: LabMode;
  /** Predict mode's attempt, answers and exercise set (lab/predict/progress.ts). */
  predict: PredictProgress;
  /** Predict mode's code once loaded (null before: stepping forward then waits). */
  predictKit: PredictKit | null;
  /** An LMS launched the page (`scorm=1.2|2004`): the score is reported to its run-time. */
  scorm: '1.2' | '2004' | null;
}

export interface LabActions {
  /** Connects the store to its engine worker and runs the lesson; detach() stops it. */
  attach(runner: LabRunner): void;
  detach(): void;
  setLesson(id: string): void;
  /** Fetches the lessons not at hand yet, so that picking one later is instant. */
  prefetchLessons(): void;
  /**
   * Shows a whole scenario (a course page's `load` message: an object or its JSON text) as lesson
   * `custom`, once the validator has passed it. If it is refused or cannot be run, the lesson shown
   * before stays and the error says why.
   */
  loadScenario(raw: unknown): void;
  /** The scenario of the lesson shown, as written (before the lab's options), if known. */
  lessonScenario(): Scenario | undefined;
  /**
   * Shows a run read from a capture as lesson `capture`. Stepping, playing, the inspector and export
   * work; the knobs that re-run the engine do not apply (there is nothing to re-run). Picking a
   * lesson goes back.
   */
  showCapture(run: Run, capture: ShownCapture): void;
  /** Changes options and re-runs; `typing` debounces (number inputs). Keeps the step if it can. */
  setOptions(patch: Partial<LabOptions>, typing?: boolean): void;
  setNumbering(numbering: Numbering): void;
  setTimeScale(scale: TimeScale): void;
  stepForward(): void;
  stepBack(): void;
  goTo(step: number): void;
  reset(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  selectSegment(id: number | null): void;
  /** Drops a segment (a click on an arrow in flight) and re-runs from the same step. */
  dropSegment(id: number): void;
  setLocale(locale: Locale): void;
  setTheme(theme: ThemeChoice | null): void;
  /** Shows every control, or only the step controls (a web component's `controls` attribute). */
  setShowControls(show: boolean): void;
  showError(error: LabError): void;
  dismissError(): void;
  setFit(fit: boolean): void;
  toggleFit(): void;
  /** Watch or predict; predict mode runs the lesson with this attempt's fresh numbers. */
  setMode(mode: LabMode): void;
  /** Records the answer to the open question (null: "show me") and plays its step. */
  answerQuestion(prediction: Prediction | null): void;
  /** Records the answer to the lesson's own question open now (null: "show me"). */
  answerChoice(choice: string | null): void;
  /** Starts the exercise over with new numbers (or the given seed) from step 0. */
  newAttempt(fixedSeed?: number): void;
  /** In an exercise set: keeps this lesson's result and opens the next lesson. */
  nextLessonInSet(): void;
  /** The furthest step stepping forward may reach now (predict mode stops at questions). */
  forwardLimit(): number;
}

export type LabState = LabData & LabActions;
export type LabStore = StoreApi<LabState>;

export interface LabInit {
  lessonId?: string | null;
  /**
   * A whole scenario (raw JSON from an `s=` link); shown as lesson `custom`, over `lessonId`, if the
   * validator passes it.
   */
  custom?: unknown;
  /** Why an `s=` link could not be read (shown as an error over the default lesson). */
  linkError?: string;
  /** Shown once the first run is ready (clamped). */
  step?: number | null;
  autoplay?: boolean;
  locale: Locale;
  theme?: ThemeChoice | null;
  showControls?: boolean;
  embed?: boolean;
  options?: Partial<LabOptions>;
  /** The time axis to open with (a link's `scale=linear`). */
  timeScale?: TimeScale;
  /** `mode=predict`, `attempt=N`, `set=…`. */
  mode?: LabMode;
  attemptSeed?: number | null;
  set?: readonly string[] | null;
  scorm?: '1.2' | '2004' | null;
}

export function createLabStore(init: LabInit, deps: LabDeps): LabStore {
  const drawSeed = deps.drawSeed ?? (() => 1 + Math.floor(Math.random() * 999_999));
  const attemptSeed = init.attemptSeed ?? drawSeed();
  const opened = openingOf(init, deps);
  // Predict mode opens on this attempt's numbers.
  const opening =
    init.mode === 'predict'
      ? { ...opened, options: { ...opened.options, numbersSeed: attemptSeed } }
      : opened;
  return createStore<LabState>()((...store) => ({
    ...createLessonSlice(opening, deps)(...store),
    ...createPlaybackSlice(...store),
    ...createViewSlice(init)(...store),
    ...createErrorSlice(opening.error)(...store),
    ...createCameraSlice(...store),
    ...createPredictSlice({
      mode: init.mode,
      attemptSeed,
      set: init.set,
      drawSeed,
      loadPredict: deps.loadPredict,
    })(...store),
  }));
}
