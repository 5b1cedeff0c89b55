// Predict mode's score, told to the LMS that launched the page (`scorm=1.2|2004`): the run-time
// client (./runtime.ts) opens the session, gets a report after every answer and closes the session
// when the page goes away. Without an LMS around the page it does nothing.
import { useEffect } from 'react';
import {
  answersFor,
  choiceQuestionsFor,
  choicesFor,
  lessonComplete,
  type AnsweredChoice,
  questionsFor,
  totalScore,
  type AnsweredQuestion,
} from '../../lab/predict/progress';
import { MARK_KINDS } from '../../lab/predict/score';
import { useLabStoreApi } from '../../ui/store/context';
import type { LabState } from '../../ui/store/labStore';
import { answerId, expectedText, predictedText } from '../predict/format';
import {
  createScormReporter,
  installUnloadFinish,
  type ScoreReport,
  type ScormAnswer,
} from './runtime';

/** What the LMS is told now. `describe` words a question for its interaction. */
/** Two lists of one lesson's answers, each tagged with its step, merged by step. */
function inOrder(
  ...lists: readonly (readonly (ScormAnswer & { step: number })[])[]
): ScormAnswer[] {
  return lists
    .flat()
    .sort((a, b) => a.step - b.step)
    .map(({ step: _step, ...answer }) => answer);
}

export function scoreReport(
  s: LabState,
  describe: (lessonId: string, answered: AnsweredQuestion) => string,
  noAck: string,
): ScoreReport | null {
  if (!s.derived) return null;
  const current = answersFor(s.predict, s.run);
  const questions = questionsFor(s.derived, s.run);
  const score = totalScore(s.predict, s.run);
  const toAnswers = (lessonId: string, answers: readonly AnsweredQuestion[]) =>
    answers.flatMap((answered) =>
      MARK_KINDS.map((kind) => ({
        step: answered.question.step,
        id: answerId(lessonId, answered, kind),
        description: describe(lessonId, answered),
        learner: predictedText(kind, answered.prediction, noAck) ?? '',
        correct: expectedText(kind, answered.question, answered.numbering, noAck),
        result: answered.marks[kind],
      })),
    );
  const choiceQuestions = choiceQuestionsFor(s.run, s.derived);
  const chosen = choicesFor(s.predict, s.run);
  const lessonDone =
    s.step >= s.total && lessonComplete(questions, current, choiceQuestions, chosen);
  const toChoices = (lessonId: string, answers: readonly AnsweredChoice[]) =>
    answers.map((answered) => ({
      step: answered.question.step,
      id: `${lessonId}-${answered.question.id}`,
      description: `${lessonId}: ${answered.question.id}`,
      learner: answered.choice ?? '',
      correct: answered.question.choices.find((c) => c.right)?.id ?? '',
      result: answered.right,
    }));
  const openChoices = choiceQuestions.filter(
    (q) => !chosen.some((a) => a.question.id === q.id),
  ).length;
  const set = s.predict.set;
  const last = !set || set.indexOf(s.lessonId) === set.length - 1;
  // Parts still to come in this lesson; later lessons of a set add theirs once they are run.
  const open = questions.filter((q) => !current.some((a) => a.question.step === q.step)).length;
  return {
    right: score.right,
    asked: score.asked,
    total: score.asked + open * MARK_KINDS.length + openChoices,
    complete: lessonDone && last,
    // In the order they were given (the run's step order; a lesson's own question replaces the
    // segment question of its step): the reporter writes only what follows what it wrote before.
    answers: [
      ...s.predict.done.flatMap((lesson) =>
        inOrder(
          toChoices(lesson.lessonId, lesson.choices),
          toAnswers(lesson.lessonId, lesson.answers),
        ),
      ),
      ...inOrder(toChoices(s.lessonId, chosen), toAnswers(s.lessonId, current)),
    ],
  };
}

export function ScormBridge() {
  const store = useLabStoreApi();
  useEffect(() => {
    const version = store.getState().scorm;
    if (!version) return;
    const reporter = createScormReporter(window, version);
    if (!reporter) return;
    reporter.start();
    const uninstall = installUnloadFinish(window, reporter);
    const describe = (lessonId: string, answered: AnsweredQuestion) =>
      `${lessonId} step ${answered.question.step}: ${answered.question.phase}`;
    let lastKey = '';
    const unsubscribe = store.subscribe((s) => {
      // The LMS keeps the answers as data: one wording, whatever the page's language.
      const report = scoreReport(s, describe, 'no ACK');
      if (!report) return;
      // Report when something the LMS sees changed, not on every step.
      const key = `${report.right}/${report.asked}/${report.total}/${report.complete}`;
      if (key === lastKey) return;
      lastKey = key;
      reporter.report(report);
    });
    return () => {
      unsubscribe();
      uninstall();
      reporter.finish();
    };
  }, [store]);
  return null;
}

export default ScormBridge;
