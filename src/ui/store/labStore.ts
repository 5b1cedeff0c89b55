// The state of one lab widget: which lesson, the options on top of it, the run they gave and where
// the student is in it. A vanilla zustand store per widget instance (provided through React context,
// see context.tsx), so two widgets on a page never share a step. The engine runs only in the worker
// behind `LabRunner`; everything derived from a run is computed once per run, and a step only looks
// the view up.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Fault, Scenario, Side } from '../../engine/types';
import type { Locale } from '../../i18n/types';
import type { Derived } from '../../lab/derive';
import type { Explainer } from '../../lab/explain';
import {
  CAPTURE_LESSON_ID,
  CUSTOM_LESSON_ID,
  type LabOptions,
  type Run,
  type StepView,
} from '../../lab/types';
import type { CaptureNote } from '../../worker/protocol';
import type { ThemeChoice } from '../../lab/urlOptions';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export type Numbering = 'relative' | 'absolute';

/**
 * Runs a lesson with the lab's options off the page's thread (the engine worker); one per store.
 * Rejects with a one-line reason for bad input.
 */
export interface LabRunner {
  run(lesson: Scenario, options: LabOptions): Promise<Run>;
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
  derive: (run: Run) => Derived;
  /** Explains a run (loaded lazily); without it the page shows no explanations. */
  explain?: (run: Run) => Promise<Explainer>;
  /** The fault that drops this segment in the next run, or null when it cannot be dropped. */
  faultForSegment: (run: Run, id: number) => Fault | null | Promise<Fault | null>;
  /** Debounce for typed options (ms). */
  typingDebounceMs?: number;
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
   * `custom`. If it cannot be run, the lesson shown before stays and the error says why.
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
}

export type LabState = LabData & LabActions;
export type LabStore = StoreApi<LabState>;

export interface LabInit {
  lessonId?: string | null;
  /** A whole scenario (raw JSON from an `s=` link); shown as lesson `custom`, over `lessonId`. */
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
}

const DEFAULT_TYPING_DEBOUNCE_MS = 300;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

const FALLBACK_OPTIONS: LabOptions = {
  lossPercent: 0,
  seed: 1,
  dropFinalAck: false,
  reusePort: false,
  extraFaults: [],
};

const STICKY_ERRORS: ReadonlySet<LabErrorKind> = new Set(['link', 'load']);

/** What a custom scenario's refusal starts with: where the scenario came from. */
function customPrefix(kind: LabErrorKind): string {
  return kind === 'load' ? 'load: ' : 's: ';
}

function asScenarioObject(raw: unknown): Scenario | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? (raw as Scenario)
    : undefined;
}

/** What a JSON value that is not an object is, for "must be a JSON object, not …". */
function jsonKindOf(raw: unknown): string {
  if (raw === null || typeof raw === 'boolean') return String(raw);
  return Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createLabStore(init: LabInit, deps: LabDeps): LabStore {
  const debounceMs = deps.typingDebounceMs ?? DEFAULT_TYPING_DEBOUNCE_MS;
  let runner: LabRunner | null = null;
  let generation = 0;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  // Applied to the next finished run, then forgotten.
  let pendingStep: number | null = init.step ?? null;
  let pendingAutoplay = init.autoplay ?? false;
  // Bumped by each setLesson: a lesson still loading gives way to a later choice.
  let lessonRequest = 0;

  // A scenario from a link or a message is checked by the worker like any input; here it only has
  // to be an object. Until one of its runs works, a failed run puts back `customFallback` (the
  // lesson shown before it: a built-in one, or `fallbackCustom` if that was a custom one that ran)
  // and says why, labelled `customKind`.
  let custom: Scenario | undefined = asScenarioObject(init.custom);
  let customProven = false;
  let customFallback = deps.defaultLessonId;
  let fallbackCustom: Scenario | undefined;
  let customKind: LabErrorKind = 'link';
  const scenarioOf = (id: string): Scenario | undefined =>
    id === CUSTOM_LESSON_ID ? custom : deps.lessonScenario(id);
  const optionsOf = (lesson: Scenario | undefined): LabOptions => {
    try {
      if (lesson) return deps.lessonOptions(lesson);
    } catch {
      // A malformed scenario: the worker's validation will say what is wrong with it.
    }
    return FALLBACK_OPTIONS;
  };
  const linkError: LabError | null =
    init.linkError !== undefined
      ? { kind: 'link', message: init.linkError }
      : init.custom !== undefined && !custom
        ? {
            kind: 'link',
            message: `s: the scenario must be a JSON object, not ${jsonKindOf(init.custom)}`,
          }
        : null;
  const wanted = custom ? CUSTOM_LESSON_ID : (init.lessonId ?? deps.defaultLessonId);
  const known = scenarioOf(wanted) !== undefined;
  const lessonId = known ? wanted : deps.defaultLessonId;
  const ownOptions = optionsOf(scenarioOf(lessonId));
  const initialError: LabError | null = known
    ? linkError
    : { kind: 'link', message: `lesson: no lesson "${wanted}"; showing "${lessonId}"` };

  return createStore<LabState>()((set, get) => {
    function cancelDebounce(): void {
      if (debounce !== null) clearTimeout(debounce);
      debounce = null;
    }

    /** Shows a run that arrived (or a capture's), on the step asked for or kept where it can. */
    function showRun(run: Run): void {
      let derived: Derived;
      try {
        derived = deps.derive(run);
      } catch (error) {
        set({
          status: 'error',
          playing: false,
          error: { kind: 'run', message: messageOf(error) },
        });
        return;
      }
      const state = get();
      const total = derived.steps.length;
      const step = clamp(pendingStep ?? state.step, 0, total);
      const playing = (pendingAutoplay || state.playing) && step < total;
      pendingStep = null;
      pendingAutoplay = false;
      const selected = state.selectedSegment;
      set({
        status: 'ready',
        run,
        derived,
        total,
        step,
        view: derived.viewAt(step),
        explainer: null,
        animateStep: null,
        playing,
        selectedSegment: selected !== null && derived.segmentById.has(selected) ? selected : null,
        // A run that worked clears the last run's or option's complaint, not why a link or a
        // course page's scenario was not shown.
        error: state.error && STICKY_ERRORS.has(state.error.kind) ? state.error : null,
      });
      deps.explain?.(run).then(
        (explainer) => {
          if (get().run === run) set({ explainer });
        },
        (error: unknown) => {
          if (get().run === run) set({ error: { kind: 'run', message: messageOf(error) } });
        },
      );
    }

    function startRun(): void {
      cancelDebounce();
      if (!runner) return;
      const active = runner;
      const gen = ++generation;
      const { lessonId: id, options } = get();
      const lesson = scenarioOf(id);
      if (!lesson) {
        set({ status: 'error', error: { kind: 'lesson', message: `lesson: no lesson "${id}"` } });
        return;
      }
      set({ status: 'running' });
      active.run(lesson, options).then(
        (run) => {
          if (gen !== generation || runner !== active) return;
          if (id === CUSTOM_LESSON_ID) customProven = true;
          showRun(run);
        },
        (error: unknown) => {
          if (gen !== generation || runner !== active) return;
          if (id === CUSTOM_LESSON_ID && !customProven) {
            // A scenario that never ran: show the lesson from before it instead of nothing.
            const back = customFallback;
            custom = back === CUSTOM_LESSON_ID ? fallbackCustom : undefined;
            customProven = custom !== undefined;
            const own = optionsOf(scenarioOf(back));
            set({
              lessonId: back,
              options: own,
              lessonOptions: own,
              error: {
                kind: customKind,
                message: `${customPrefix(customKind)}${messageOf(error)}`,
              },
            });
            startRun();
            return;
          }
          set({
            status: 'error',
            playing: false,
            error: { kind: 'run', message: messageOf(error) },
          });
        },
      );
    }

    function show(step: number): void {
      const { derived, total, step: current } = get();
      if (!derived) return;
      const next = clamp(Math.round(step), 0, total);
      if (next === current) return;
      set({
        step: next,
        view: derived.viewAt(next),
        animateStep: next === current + 1 ? next : null,
      });
    }

    return {
      lessonId,
      options: { ...ownOptions, ...init.options },
      lessonOptions: ownOptions,
      numbering: 'relative',
      status: 'idle',
      run: null,
      derived: null,
      explainer: null,
      total: 0,
      step: 0,
      view: null,
      animateStep: null,
      playing: false,
      speed: 1,
      selectedSegment: null,
      locale: init.locale,
      theme: init.theme ?? null,
      showControls: init.showControls ?? true,
      embed: init.embed ?? false,
      error: initialError,
      capture: null,

      attach(next) {
        runner = next;
        startRun();
      },
      detach() {
        cancelDebounce();
        generation += 1;
        runner = null;
        set({ playing: false });
      },
      setLesson(id) {
        const request = ++lessonRequest;
        const lesson = scenarioOf(id);
        if (!lesson && deps.loadLessons && deps.lessonPending?.(id)) {
          // Its scenario is a later chunk: switch once it is in, unless another lesson was asked for.
          deps.loadLessons().then(
            () => {
              if (request === lessonRequest && !deps.lessonPending?.(id)) get().setLesson(id);
            },
            (error: unknown) => {
              if (request === lessonRequest) {
                set({ error: { kind: 'lesson', message: messageOf(error) } });
              }
            },
          );
          return;
        }
        if (!lesson) {
          set({ error: { kind: 'lesson', message: `lesson: no lesson "${id}"` } });
          return;
        }
        pendingStep = 0;
        const own = optionsOf(lesson);
        set({
          lessonId: id,
          options: own,
          lessonOptions: own,
          step: 0,
          view: get().derived?.viewAt(0) ?? null,
          playing: false,
          selectedSegment: null,
          error: null,
          capture: null,
        });
        startRun();
      },
      prefetchLessons() {
        deps.loadLessons?.().catch(() => {});
      },
      loadScenario(raw) {
        let parsed: unknown = raw;
        if (typeof raw === 'string') {
          try {
            parsed = JSON.parse(raw) as unknown;
          } catch (error) {
            set({ error: { kind: 'load', message: `load: not JSON (${messageOf(error)})` } });
            return;
          }
        }
        const scenario = asScenarioObject(parsed);
        if (!scenario) {
          const message = `load: the scenario must be a JSON object, not ${jsonKindOf(parsed)}`;
          set({ error: { kind: 'load', message } });
          return;
        }
        const current = get().lessonId;
        // What to fall back to: the lesson shown now, unless it is itself a load not yet run (then
        // the one before it still is).
        if (current !== CUSTOM_LESSON_ID) {
          customFallback = current;
          fallbackCustom = undefined;
        } else if (customProven) {
          customFallback = CUSTOM_LESSON_ID;
          fallbackCustom = custom;
        }
        custom = scenario;
        customProven = false;
        customKind = 'load';
        lessonRequest++;
        get().setLesson(CUSTOM_LESSON_ID);
      },
      lessonScenario() {
        return scenarioOf(get().lessonId);
      },
      showCapture(run, capture) {
        // A lesson's run (or lesson) still on its way is not shown over it.
        cancelDebounce();
        generation++;
        lessonRequest++;
        pendingStep = 0;
        set({
          lessonId: CAPTURE_LESSON_ID,
          capture,
          playing: false,
          selectedSegment: null,
          error: null,
        });
        showRun(run);
      },
      setOptions(patch, typing = false) {
        set({ options: { ...get().options, ...patch } });
        if (typing && debounceMs > 0) {
          cancelDebounce();
          debounce = setTimeout(startRun, debounceMs);
        } else {
          startRun();
        }
      },
      setNumbering(numbering) {
        set({ numbering });
      },
      stepForward() {
        show(get().step + 1);
      },
      stepBack() {
        show(get().step - 1);
      },
      goTo(step) {
        show(step);
      },
      reset() {
        set({ playing: false });
        show(0);
      },
      play() {
        const { derived, step, total } = get();
        if (!derived || total === 0) return;
        if (step >= total) show(0); // play at the end starts over
        set({ playing: true });
      },
      pause() {
        set({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ speed });
      },
      selectSegment(id) {
        set({ selectedSegment: id });
      },
      dropSegment(id) {
        const { run, capture } = get();
        // A capture cannot be re-run: its arrow in flight opens the inspector like the others.
        if (capture) set({ selectedSegment: id });
        if (!run || capture) return;
        const fail = (error: unknown) =>
          set({ error: { kind: 'option', message: messageOf(error) } });
        const drop = (fault: Fault | null) => {
          // A fault found for a run that has been replaced since would drop the wrong segment.
          if (!fault || get().run !== run) return;
          const { options } = get();
          set({
            options: { ...options, extraFaults: [...options.extraFaults, fault] },
            selectedSegment: null,
          });
          startRun();
        };
        let fault: Fault | null | Promise<Fault | null>;
        try {
          fault = deps.faultForSegment(run, id);
        } catch (error) {
          fail(error);
          return;
        }
        if (fault instanceof Promise) fault.then(drop, fail);
        else drop(fault);
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
      showError(error) {
        set({ error });
      },
      dismissError() {
        set({ error: null });
      },
    };
  });
}
