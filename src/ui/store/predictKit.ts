// Predict mode's part of the lab store that can wait: how far a student may step, and what an
// answer does. The store (predictSlice.ts) fetches this module when predict mode is first switched
// on, so a page that never predicts carries neither it nor the questions and marks behind it
// (lab/predict/progress.ts).

import type { StoreApi } from 'zustand/vanilla';
import type { Derived } from '../../lab/derive';
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
  type LessonResult,
} from '../../lab/predict/progress';
import type { Prediction } from '../../lab/predict/score';
import type { Run } from '../../lab/types';
import type { LabState } from './labStore';

type Api = Pick<StoreApi<LabState>, 'getState' | 'setState'>;

/** How far forward the student may step now: just before the first unanswered question's step. */
function limit(s: LabState): number {
  const { derived, run, predict, step, total } = s;
  if (!derived) return total;
  return forwardLimit(
    questionsFor(derived, run),
    answersFor(predict, run),
    step,
    total,
    choiceQuestionsFor(run, derived),
    choicesFor(predict, run),
  );
}

/** Where a new run may open: it has no answers yet, so before its first question. */
function openingLimit(derived: Derived, run: Run): number {
  return forwardLimit(
    questionsFor(derived, run),
    [],
    0,
    derived.steps.length,
    choiceQuestionsFor(run, derived),
  );
}

/** Records the answer to the segment question open now (null: "show me") and plays its step. */
function answerQuestion({ getState: get, setState: set }: Api, prediction: Prediction | null) {
  const { derived, run, step, predict, numbering } = get();
  if (!derived) return;
  // The lesson's own question of this step comes first.
  if (openChoice(choiceQuestionsFor(run, derived), choicesFor(predict, run), step)) return;
  const question = openQuestion(questionsFor(derived, run), answersFor(predict, run), step);
  if (!question) return;
  set({ predict: recordAnswer(predict, run, question, prediction, numbering) });
  get().stepForward();
}

/** Records the answer to the lesson's own question open now (null: "show me"). */
function answerChoice({ getState: get, setState: set }: Api, choice: string | null) {
  const { derived, run, step, predict } = get();
  if (!derived) return;
  const question = openChoice(choiceQuestionsFor(run, derived), choicesFor(predict, run), step);
  if (!question) return;
  set({ predict: recordChoice(predict, run, question, choice) });
  // The step plays once its segment question (if any) is answered too.
  get().stepForward();
}

/** In an exercise set: keeps this lesson's result and opens the next lesson. */
function nextLessonInSet({ getState: get, setState: set }: Api) {
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
    predict: { ...predict, run: null, answers: [], choices: [], done: [...predict.done, finished] },
  });
  get().setLesson(next);
}

export const predictKit = { limit, openingLimit, answerQuestion, answerChoice, nextLessonInSet };

export type PredictKit = typeof predictKit;
