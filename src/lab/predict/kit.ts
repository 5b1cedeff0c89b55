// What the lab store needs of predict mode, as one object: a page loads it (and the questions,
// marks and lesson questions behind it) only when predict mode is switched on, so a page that
// never predicts does not carry it.
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
} from './progress';

export const predictKit = {
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
};

export type PredictKit = typeof predictKit;
