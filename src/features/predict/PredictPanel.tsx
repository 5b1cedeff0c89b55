// Predict mode's panel beside the diagram: the running score, then the open question, or the
// result of the last one (the step it asked about has just played), or the summary at the end.
// Loaded on demand: a page that never enters predict mode never fetches it.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  answersFor,
  choiceQuestionsFor,
  choicesFor,
  openChoice,
  lessonComplete,
  nextInSet,
  openQuestion,
  questionsFor,
  scoreOf,
  totalScore,
} from '../../lab/predict/progress';
import { MARK_KINDS } from '../../lab/predict/score';
import { useNamespace, useT } from '../../i18n';
import { useLab } from '../../ui/store/context';
import { useAfterPaint } from '../../ui/useAfterPaint';
import type { LabState } from '../../ui/store/labStore';
import { ChoiceForm, ChoiceResult } from './ChoiceForm';
import { QuestionForm } from './QuestionForm';
import { ResultCard } from './ResultCard';
import { Summary } from './Summary';
import './predict.css';

const selectPredict = (s: LabState) => ({
  derived: s.derived,
  run: s.run,
  step: s.step,
  total: s.total,
  numbering: s.numbering,
  predict: s.predict,
  lessonId: s.lessonId,
  answerQuestion: s.answerQuestion,
  answerChoice: s.answerChoice,
  newAttempt: s.newAttempt,
  nextLessonInSet: s.nextLessonInSet,
  goTo: s.goTo,
});

type PanelState = ReturnType<typeof selectPredict>;

export function PredictPanel() {
  const ready = useNamespace('predicting');
  // The step an answer plays is drawn first; its result card and the next question a frame later,
  // so that answering steps as fast as → does.
  const s = useAfterPaint(useLab(useShallow(selectPredict)));
  if (!ready || !s.derived) return null;
  return <PanelBody s={s} />;
}

const PanelBody = memo(function PanelBody({ s }: { s: PanelState }) {
  const t = useT();
  if (!s.derived) return null;
  const questions = questionsFor(s.derived, s.run);
  const answers = answersFor(s.predict, s.run);
  const choiceQuestions = choiceQuestionsFor(s.run, s.derived);
  const choices = choicesFor(s.predict, s.run);
  const choiceOpen = openChoice(choiceQuestions, choices, s.step);
  const open = choiceOpen ? null : openQuestion(questions, answers, s.step);
  const score = totalScore(s.predict, s.run);
  const justPlayed = answers.find((a) => a.question.step === s.step) ?? null;
  const justChosen = choices.find((a) => a.question.step === s.step) ?? null;
  const complete =
    s.step >= s.total && lessonComplete(questions, answers, choiceQuestions, choices);
  const next = nextInSet(s.predict, s.lessonId);
  const sides = { client: t('ui.sides.client'), server: t('ui.sides.server') };
  const announce = justPlayed
    ? MARK_KINDS.every((kind) => justPlayed.marks[kind])
      ? t('predicting.announceRight', {
          kinds: MARK_KINDS.map((k) => t(`predicting.kinds.${k}`)).join(', '),
        })
      : t('predicting.announceWrong', {
          kinds: MARK_KINDS.filter((k) => !justPlayed.marks[k])
            .map((k) => t(`predicting.kinds.${k}`))
            .join(', '),
        })
    : '';
  return (
    <section className="panel predict-panel" aria-labelledby="predict-title">
      <div className="predict-head">
        <h2 id="predict-title">{t('predicting.title')}</h2>
        <p className="predict-score">
          {t('predicting.score')}{' '}
          <output
            data-testid="predict-score"
            aria-label={t('predicting.scoreLabel', { right: score.right, asked: score.asked })}
          >
            {t('predicting.scoreValue', { right: score.right, asked: score.asked })}
          </output>
        </p>
      </div>
      <p
        className="predict-attempt"
        title={t('predicting.attemptHelp', { seed: s.predict.attemptSeed })}
      >
        {t('predicting.attempt', { seed: s.predict.attemptSeed })}
      </p>
      {/* The result of each answer, read out once. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {/* The last answer's result stays up while the next question is asked. */}
      {justChosen && !complete && <ChoiceResult lessonId={s.lessonId} answered={justChosen} />}
      {justPlayed && !complete && <ResultCard answered={justPlayed} />}
      {choiceOpen ? (
        <ChoiceForm
          key={`${s.predict.attemptSeed}-${choiceOpen.id}`}
          lessonId={s.lessonId}
          question={choiceOpen}
          seed={s.predict.attemptSeed}
          onAnswer={s.answerChoice}
        />
      ) : open ? (
        <QuestionForm
          key={`${s.predict.attemptSeed}-${open.step}`}
          question={open}
          numbering={s.numbering}
          sides={sides}
          onAnswer={s.answerQuestion}
        />
      ) : complete ? (
        <Summary
          lessonId={s.lessonId}
          answers={answers}
          choices={choices}
          lesson={scoreOf(answers, choices)}
          total={s.predict.set ? score : null}
          next={next}
          onGoTo={s.goTo}
          onTryAgain={() => s.newAttempt()}
          onNext={s.nextLessonInSet}
        />
      ) : justPlayed || justChosen ? null : (
        <p className="predict-intro">{t('predicting.intro')}</p>
      )}
    </section>
  );
});

export default PredictPanel;
