// Predict mode in the lab store: the mode, the student's progress (lab/predict/progress.ts), and
// how far forward stepping may go. In predict mode every move forward (→, play, the scrubber, a
// link's step, a course page's message) stops just before the first step whose segment has not
// been predicted yet; answering (or "show me") records the marks and plays that step.

import type { StateCreator } from 'zustand/vanilla';
import type { PredictProgress } from '../../lab/predict/progress';
import type { LabState } from './labStore';
import type { PredictKit } from './predictKit';

type PredictSlice = Pick<
  LabState,
  | 'mode'
  | 'predict'
  | 'predictKit'
  | 'setMode'
  | 'answerQuestion'
  | 'answerChoice'
  | 'newAttempt'
  | 'nextLessonInSet'
  | 'forwardLimit'
>;

export interface PredictInit {
  mode?: 'watch' | 'predict';
  /** The attempt seed (a class's fixed one, or one drawn for this page). */
  attemptSeed: number;
  /** The lessons of an exercise set. */
  set?: readonly string[] | null;
  /** Where fresh seeds come from (crypto in the page; a fixed one in tests). */
  drawSeed: () => number;
  /** Predict mode's code, fetched when the mode is first switched on. */
  loadPredict?: () => Promise<PredictKit>;
}

const startProgress = (attemptSeed: number, set: readonly string[] | null): PredictProgress => ({
  attemptSeed,
  run: null,
  answers: [],
  choices: [],
  set,
  done: [],
});

/** How far forward the student may step now, or null while predict mode's code loads. */
export function predictLimit(s: LabState): number | null {
  if (s.mode !== 'predict' || !s.derived) return s.total;
  return s.predictKit ? s.predictKit.limit(s) : null;
}

export function createPredictSlice(
  init: PredictInit,
): StateCreator<LabState, [], [], PredictSlice> {
  return (set, get) => {
    const api = { getState: get, setState: set };
    let loading = false;
    /** A step forward asked for before the code was here: carried out once it is. */
    let wantForward = false;
    /** Fetches predict mode's code once; the step stays where it is until it is there. */
    const ensureKit = (): void => {
      if (get().predictKit || loading || !init.loadPredict) return;
      loading = true;
      init.loadPredict().then(
        (predictKit) => {
          set({ predictKit });
          if (wantForward) {
            wantForward = false;
            get().stepForward();
          }
        },
        (error: unknown) => {
          loading = false;
          get().showError({
            kind: 'run',
            message: `predict mode: ${error instanceof Error ? error.message : String(error)}`,
          });
        },
      );
    };
    if (init.mode === 'predict') queueMicrotask(ensureKit);
    return {
      mode: init.mode ?? 'watch',
      predict: startProgress(init.attemptSeed, init.set ?? null),
      predictKit: null,

      setMode(mode) {
        if (mode === get().mode) return;
        const { predict, options } = get();
        set({ mode, playing: false });
        if (mode === 'predict') ensureKit();
        // New numbers in predict mode; the lesson's own in watch mode.
        const numbersSeed = mode === 'predict' ? predict.attemptSeed : undefined;
        if (options.numbersSeed !== numbersSeed) get().setOptions({ numbersSeed });
      },
      // Answers come from predict mode's panel, which is there only once the code is.
      answerQuestion: (prediction) => get().predictKit?.answerQuestion(api, prediction),
      answerChoice: (choice) => get().predictKit?.answerChoice(api, choice),
      newAttempt(fixedSeed) {
        const attemptSeed = fixedSeed ?? init.drawSeed();
        const { predict } = get();
        set({ predict: startProgress(attemptSeed, predict.set), playing: false });
        get().setOptions({ numbersSeed: attemptSeed });
        get().goTo(0);
      },
      nextLessonInSet: () => get().predictKit?.nextLessonInSet(api),
      forwardLimit() {
        const limit = predictLimit(get());
        // Until its code is here, nothing is skipped: stay, and step once it is.
        if (limit === null) {
          wantForward = true;
          return get().step;
        }
        return limit;
      },
    };
  };
}
