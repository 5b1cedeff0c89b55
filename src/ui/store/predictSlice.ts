// Predict mode in the lab store: the mode, the student's progress (lab/predict/progress.ts), and
// how far forward stepping may go. In predict mode every move forward (→, play, the scrubber, a
// link's step, a course page's message) stops just before the first step whose segment has not
// been predicted yet; answering (or "show me") records the marks and plays that step.

import type { StateCreator } from 'zustand/vanilla';
import {
  answersFor,
  choiceQuestionsFor,
  choicesFor,
  forwardLimit,
  nextInSet,
  openChoice,
  openQuestion,
  questionsFor,
  recordAnswer,
  recordChoice,
  scoreOf,
  startProgress,
  type LessonResult,
} from '../../lab/predict/progress';
import type { Prediction } from '../../lab/predict/score';
import type { LabState } from './labStore';

type PredictSlice = Pick<
  LabState,
  | 'mode'
  | 'predict'
  | 'setMode'
  | 'answerQuestion'
  | 'answerChoice'
  | 'newAttempt'
  | 'nextLessonInSet'
  | 'forwardLimit'
>;

export interface PredictInit {
  mode?: 'watch' | 'predict';
  /** A fixed attempt seed (a class doing the same numbers); drawn fresh otherwise. */
  attemptSeed?: number | null;
  /** The lessons of an exercise set. */
  set?: readonly string[] | null;
  /** Where fresh seeds come from (crypto in the page; a fixed one in tests). */
  drawSeed: () => number;
}

export function createPredictSlice(
  init: PredictInit,
): StateCreator<LabState, [], [], PredictSlice> {
  return (set, get) => {
    const seed = init.attemptSeed ?? init.drawSeed();
    return {
      mode: init.mode ?? 'watch',
      predict: startProgress(seed, init.set ?? null),

      setMode(mode) {
        if (mode === get().mode) return;
        const { predict, options } = get();
        set({ mode, playing: false });
        // New numbers in predict mode; the lesson's own in watch mode.
        const numbersSeed = mode === 'predict' ? predict.attemptSeed : undefined;
        if (options.numbersSeed !== numbersSeed) get().setOptions({ numbersSeed });
      },
      answerQuestion(prediction: Prediction | null) {
        const { derived, run, step, predict, numbering } = get();
        if (!derived) return;
        // The lesson's own question of this step comes first.
        if (openChoice(choiceQuestionsFor(run, derived), choicesFor(predict, run), step)) return;
        const question = openQuestion(questionsFor(derived), answersFor(predict, run), step);
        if (!question) return;
        set({ predict: recordAnswer(predict, run, question, prediction, numbering) });
        get().stepForward();
      },
      answerChoice(choice) {
        const { derived, run, step, predict } = get();
        if (!derived) return;
        const question = openChoice(
          choiceQuestionsFor(run, derived),
          choicesFor(predict, run),
          step,
        );
        if (!question) return;
        set({ predict: recordChoice(predict, run, question, choice) });
        // The step plays once its segment question (if any) is answered too.
        get().stepForward();
      },
      newAttempt(fixedSeed) {
        const attemptSeed = fixedSeed ?? init.drawSeed();
        const { predict } = get();
        set({ predict: { ...startProgress(attemptSeed, predict.set), done: [] }, playing: false });
        get().setOptions({ numbersSeed: attemptSeed });
        get().goTo(0);
      },
      nextLessonInSet() {
        const { predict, lessonId, run } = get();
        const next = nextInSet(predict, lessonId);
        if (next === null) return;
        const answers = answersFor(predict, run);
        const choices = choicesFor(predict, run);
        const finished: LessonResult = {
          lessonId,
          attemptSeed: predict.attemptSeed,
          answers,
          choices,
          score: scoreOf(answers, choices),
        };
        set({
          predict: {
            ...predict,
            run: null,
            answers: [],
            choices: [],
            done: [...predict.done, finished],
          },
        });
        get().setLesson(next);
      },
      forwardLimit() {
        const { mode, derived, run, predict, step, total } = get();
        if (mode !== 'predict' || !derived) return total;
        return forwardLimit(
          questionsFor(derived),
          answersFor(predict, run),
          step,
          total,
          choiceQuestionsFor(run, derived),
          choicesFor(predict, run),
        );
      },
    };
  };
}
