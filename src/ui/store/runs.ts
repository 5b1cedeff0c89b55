// The runs of the lab store: one started in the engine worker for the lesson and options shown,
// the one that arrives (or a capture's) shown, and the typing debounce before a re-run. Used by the
// lesson slice (lessonSlice.ts); what they keep between calls is in the state.

import type { StoreApi } from 'zustand/vanilla';
import { quote } from '../../engine/quote';
import type { Derived } from '../../lab/derive';
import { firstDifferentStep } from '../../lab/runDiff';
import { CAPTURE_LESSON_ID, type Run } from '../../lab/types';
import type { LabDeps, LabError, LabErrorKind, LabState } from './labStore';
import { chooseLesson, optionsOf, refusalOf, scenarioOf } from './lessonChoice';

export interface Runs {
  /** Runs the lesson shown with the options shown; the answer to any run before it is not shown. */
  start(): void;
  /** Starts a run once the typing debounce has passed without another call. */
  startAfterTyping(): void;
  /** Forgets the run a debounce was waiting to start. */
  cancelTyping(): void;
  /** Shows a run that arrived (or a capture's), on the step asked for or kept where it can. */
  show(run: Run): void;
}

const DEFAULT_TYPING_DEBOUNCE_MS = 300;

/** Runs of this many events or more are prepared in slices (deps.deriveInSlices), where offered:
 * about the size whose derivation would hold the page past a frame or two. */
export const SLICED_FROM = 20_000;

/** Runs of more steps than this have their explanations' checkpoints made while the page is idle. */
const EXPLAIN_AHEAD_FROM = 4096;

/** A run that worked clears the last run's or option's complaint, not why a link or a course
 * page's scenario is not shown. */
const isSticky = (kind: LabErrorKind) => kind === 'link' || kind === 'load';

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createRuns(
  set: StoreApi<LabState>['setState'],
  get: StoreApi<LabState>['getState'],
  deps: LabDeps,
): Runs {
  const debounceMs = deps.typingDebounceMs ?? DEFAULT_TYPING_DEBOUNCE_MS;
  // The typing debounce's timer is a handle, not state: it says nothing about the widget that the
  // options typed (already in the state) do not, and devtools could neither show nor restore it.
  // It only ever cancels the re-run it scheduled.
  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  const cancelTyping = () => {
    if (typingTimer !== null) clearTimeout(typingTimer);
    typingTimer = null;
  };

  // Which showRun is the latest: a run prepared in slices is shown only if nothing came after it
  // (another run, a lesson, a capture).
  let showTicket = 0;
  // Stops the work done ahead for the run shown (its explanations' checkpoints).
  let stopAhead = () => {};

  /** Shows a run that arrived (or a capture's), on the step asked for or kept where it can. */
  function showRun(run: Run): void {
    const ticket = ++showTicket;
    const state = get();
    // A re-run of the lesson shown (a knob, an arrow dropped; a new lesson asks for its step):
    // where its run first differs from the one it replaces.
    const before = state.pendingStep === null && !state.capture ? state.run : null;
    if (!deps.deriveInSlices || run.events.length < SLICED_FROM) {
      let derived: Derived;
      try {
        derived = deps.derive(run);
      } catch (error) {
        fail(error);
        return;
      }
      present(run, derived, before);
      return;
    }
    // A long run: the page keeps answering while it is prepared. What was shown goes (it is not
    // this run), and the step asked for (or the one shown) is kept for it.
    set({
      status: 'running',
      run: null,
      derived: null,
      view: null,
      explainer: null,
      total: 0,
      step: 0,
      playing: false,
      pendingStep: state.pendingStep ?? state.step,
      pendingAutoplay: state.pendingAutoplay || state.playing,
    });
    const stillWanted = () => ticket === showTicket;
    deps.deriveInSlices(run, { timeScale: state.timeScale, stillWanted }).then(
      (derived) => {
        if (derived && stillWanted()) present(run, derived, before);
      },
      (error: unknown) => {
        if (stillWanted()) fail(error);
      },
    );
  }

  function fail(error: unknown): void {
    set({ status: 'error', playing: false, error: { kind: 'run', message: messageOf(error) } });
  }

  /** Puts a derived run on the page; `before`: the run it replaces, for the knob's mark. */
  function present(run: Run, derived: Derived, before: Run | null): void {
    const state = get();
    const total = derived.steps.length;
    // Predict mode: a new run has no answers yet, so it opens before its first question.
    const kit = state.predictKit;
    const limit = state.mode !== 'predict' ? total : kit ? kit.openingLimit(derived, run) : 0;
    const step = clamp(state.pendingStep ?? state.step, 0, limit);
    const selected = state.selectedSegment;
    const knobEffect = before ? { step: firstDifferentStep(before, run, derived.steps) } : null;
    set({
      knobEffect,
      status: 'ready',
      run,
      derived,
      total,
      step,
      view: derived.viewAt(step),
      explainer: null,
      // The page's first run, on step 1 (→ pressed while it loaded): that arrow flies as usual.
      animateStep: state.run === null && step === 1 ? 1 : null,
      playing: (state.pendingAutoplay || state.playing) && step < total,
      pendingStep: null,
      pendingAutoplay: false,
      selectedSegment: selected !== null && derived.segmentById.has(selected) ? selected : null,
      error: state.error && isSticky(state.error.kind) ? state.error : null,
    });
    deps.explain?.(run, derived).then(
      (explainer) => {
        if (get().run !== run) return;
        set({ explainer });
        // A long run's explanations get their checkpoints while the page is idle, until another
        // run is shown.
        stopAhead();
        if (deps.whileIdle && derived.steps.length > EXPLAIN_AHEAD_FROM) {
          stopAhead = deps.whileIdle(explainer.ahead());
        }
      },
      (error: unknown) => {
        if (get().run === run) set({ error: { kind: 'run', message: messageOf(error) } });
      },
    );
  }

  function startRun(): void {
    cancelTyping();
    // A long run still being prepared is not shown over what this run brings.
    showTicket++;
    const state = get();
    const { runner, lessonId: id, options } = state;
    if (!runner) return;
    const request = state.runRequest + 1;
    const lesson = scenarioOf(state, id, deps);
    if (!lesson) {
      const error: LabError = { kind: 'lesson', message: `lesson: no lesson ${quote(id)}` };
      set({ runRequest: request, status: 'error', error });
      return;
    }
    set({ runRequest: request, status: 'running' });
    const current = () => get().runRequest === request && get().runner === runner;
    runner.run(lesson, options).then(
      (run) => {
        if (!current()) return;
        const shown = get();
        const next = chooseLesson(shown, { type: 'ran', lessonId: id });
        if (next !== shown) set({ custom: next.custom });
        showRun(run);
      },
      (error: unknown) => {
        if (!current()) return;
        const shown = get();
        const next = chooseLesson(shown, { type: 'failed', lessonId: id });
        if (next === shown) {
          set({
            status: 'error',
            playing: false,
            error: { kind: 'run', message: messageOf(error) },
          });
          return;
        }
        // A custom scenario that never ran: show the lesson from before it instead of nothing.
        const { source } = shown.custom;
        const refusal: LabError = { kind: source, message: refusalOf(source, messageOf(error)) };
        const last = shown.lastCapture;
        if (next.lessonId === CAPTURE_LESSON_ID && last) {
          // A capture is shown again as it was (nothing can run it).
          get().showCapture(last.run, last.capture);
          set({ custom: next.custom, error: refusal });
          return;
        }
        const own = optionsOf(next, deps);
        set({
          lessonId: next.lessonId,
          custom: next.custom,
          options: own,
          lessonOptions: own,
          error: refusal,
        });
        startRun();
      },
    );
  }

  return {
    start: startRun,
    startAfterTyping() {
      if (debounceMs <= 0) return startRun();
      cancelTyping();
      typingTimer = setTimeout(startRun, debounceMs);
    },
    cancelTyping,
    show: showRun,
  };
}
