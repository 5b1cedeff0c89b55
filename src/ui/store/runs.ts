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

  /** Shows a run that arrived (or a capture's), on the step asked for or kept where it can. */
  function showRun(run: Run): void {
    let derived: Derived;
    try {
      derived = deps.derive(run);
    } catch (error) {
      set({ status: 'error', playing: false, error: { kind: 'run', message: messageOf(error) } });
      return;
    }
    const state = get();
    const total = derived.steps.length;
    // Predict mode: a new run has no answers yet, so it opens before its first question.
    const kit = state.predictKit;
    const limit = state.mode !== 'predict' ? total : kit ? kit.openingLimit(derived, run) : 0;
    const step = clamp(state.pendingStep ?? state.step, 0, limit);
    const selected = state.selectedSegment;
    // A re-run of the lesson shown (a knob, an arrow dropped; a new lesson asks for its step):
    // where its run first differs from the one it replaces.
    const before = state.pendingStep === null && !state.capture ? state.run : null;
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
        if (get().run === run) set({ explainer });
      },
      (error: unknown) => {
        if (get().run === run) set({ error: { kind: 'run', message: messageOf(error) } });
      },
    );
  }

  function startRun(): void {
    cancelTyping();
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
