// Predict mode's messages to the course page: an `answer` after each answer and a `score` when the
// lesson (or the exercise set) is done. Read off the store's predict progress, each said once.
import {
  answersFor,
  choiceQuestionsFor,
  choicesFor,
  lessonComplete,
  nextInSet,
  questionsFor,
  totalScore,
  type AnsweredQuestion,
} from '../../lab/predict/progress';
import type { MarkKind } from '../../lab/predict/score';
import type { LabState } from '../../ui/store/labStore';
import { expectedText, predictedText } from '../predict/format';
import {
  MESSAGE_SOURCE,
  OutboundType,
  type AnswerMessage,
  type OutboundMessage,
  type ScoreMessage,
} from './messages';

const NO_ACK = 'no ACK';

function texts(pick: (kind: MarkKind) => string): Record<MarkKind, string> {
  return { flags: pick('flags'), numbers: pick('numbers'), states: pick('states') };
}

export function answerMessage(
  lesson: string,
  seed: number,
  answered: AnsweredQuestion,
): AnswerMessage {
  const { question, prediction, numbering, marks } = answered;
  return {
    source: MESSAGE_SOURCE,
    type: OutboundType.Answer,
    kind: 'segment',
    lesson,
    seed,
    step: question.step,
    phase: question.phase,
    answer:
      prediction === null ? null : texts((kind) => predictedText(kind, prediction, NO_ACK) ?? ''),
    expected: texts((kind) => expectedText(kind, question, numbering, NO_ACK)),
    right: { flags: marks.flags, numbers: marks.numbers, states: marks.states },
  };
}

/** Keeps what was said, and returns the messages the state now calls for. */
export function createPredictReporter(): (state: LabState) => OutboundMessage[] {
  const said = new Set<string>();
  return (state) => {
    if (state.mode !== 'predict' || !state.derived) return [];
    const { predict, run, lessonId } = state;
    const answers = answersFor(predict, run);
    const out: OutboundMessage[] = [];
    for (const answered of answers) {
      const key = `a ${lessonId} ${predict.attemptSeed} ${answered.question.step} ${predict.done.length}`;
      if (said.has(key)) continue;
      said.add(key);
      out.push(answerMessage(lessonId, predict.attemptSeed, answered));
    }
    for (const chosen of choicesFor(predict, run)) {
      const key = `c ${lessonId} ${predict.attemptSeed} ${chosen.question.id} ${predict.done.length}`;
      if (said.has(key)) continue;
      said.add(key);
      out.push({
        source: MESSAGE_SOURCE,
        type: OutboundType.Answer,
        kind: 'choice',
        lesson: lessonId,
        seed: predict.attemptSeed,
        step: chosen.question.step,
        question: chosen.question.id,
        answer: chosen.choice,
        expected: chosen.question.choices.find((c) => c.right)?.id ?? '',
        right: chosen.right,
      });
    }
    const questions = questionsFor(state.derived, run);
    const done =
      state.step >= state.total &&
      lessonComplete(
        questions,
        answers,
        choiceQuestionsFor(run, state.derived),
        choicesFor(predict, run),
      );
    // In a set, the score comes at its last lesson's end.
    if (done && nextInSet(predict, lessonId) === null) {
      const key = `s ${lessonId} ${predict.attemptSeed} ${predict.done.length}`;
      if (!said.has(key)) {
        said.add(key);
        const score = totalScore(predict, run);
        const message: ScoreMessage = {
          source: MESSAGE_SOURCE,
          type: OutboundType.Score,
          correct: score.right,
          asked: score.asked,
          lesson: lessonId,
          seed: predict.attemptSeed,
          set: predict.set ? [...predict.set] : null,
        };
        out.push(message);
      }
    }
    return out;
  };
}
