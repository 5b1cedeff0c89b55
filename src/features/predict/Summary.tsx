// The end of a lesson in predict mode: every question with the student's answer, the engine's and
// a link back to its step; the lesson's score and the exercise's total; try again with new numbers
// or go on to the set's next lesson.
import type { AnsweredChoice, AnsweredQuestion } from '../../lab/predict/progress';
import { ChoiceResult } from './ChoiceForm';
import { MARK_KINDS, type Score } from '../../lab/predict/score';
import { hasKey, useT } from '../../i18n';
import { expectedText, predictedText } from './format';

interface Props {
  lessonId: string;
  answers: readonly AnsweredQuestion[];
  choices: readonly AnsweredChoice[];
  lesson: Score;
  total: Score | null;
  next: string | null;
  onGoTo: (step: number) => void;
  onTryAgain: () => void;
  onNext: () => void;
}

export function Summary({
  lessonId,
  answers,
  choices,
  lesson,
  total,
  next,
  onGoTo,
  onTryAgain,
  onNext,
}: Props) {
  const t = useT();
  const noAck = t('predicting.noAckValue');
  const titleKey = `lessons.${next ?? ''}.title`;
  const nextTitle = next && hasKey(titleKey) ? t(titleKey) : next;
  return (
    <section
      className="predict-summary"
      data-testid="predict-summary"
      aria-labelledby="predict-summary-title"
    >
      <h3 id="predict-summary-title">{t('predicting.summary')}</h3>
      <p>{t('predicting.summaryIntro', { right: lesson.right, asked: lesson.asked })}</p>
      <ul className="predict-kinds" data-testid="predict-kinds">
        {([...MARK_KINDS, 'choice'] as const)
          .filter((kind) => lesson.byKind[kind].asked > 0)
          .map((kind) => (
            <li key={kind}>
              {t('predicting.kindScore', {
                kind: t(`predicting.kinds.${kind}`),
                right: lesson.byKind[kind].right,
                asked: lesson.byKind[kind].asked,
              })}
            </li>
          ))}
      </ul>
      {total && (
        <p data-testid="predict-set-total">
          {t('predicting.setTotal', { right: total.right, asked: total.asked })}
        </p>
      )}
      {choices.map((answered) => (
        <div key={answered.question.id} className="predict-summary-choice">
          <button type="button" className="link" onClick={() => onGoTo(answered.question.step)}>
            {t('predicting.goToStep', { step: answered.question.step })}
          </button>
          <ChoiceResult lessonId={lessonId} answered={answered} />
        </div>
      ))}
      <ol>
        {answers.map((answered) => (
          <li key={answered.question.step}>
            <button type="button" className="link" onClick={() => onGoTo(answered.question.step)}>
              {t('predicting.goToStep', { step: answered.question.step })}
            </button>{' '}
            {t(`predicting.phase.${answered.question.phase}`)}
            <ul>
              {MARK_KINDS.map((kind) => {
                const said = predictedText(kind, answered.prediction, noAck);
                const ok = answered.marks[kind];
                return (
                  <li key={kind} className={ok ? 'predict-ok' : 'predict-bad'}>
                    <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
                    {`${t(`predicting.kinds.${kind}`)}: `}
                    {said === null
                      ? t('predicting.revealed')
                      : t('predicting.yours', { answer: said })}
                    {' · '}
                    {t('predicting.correct', {
                      answer: expectedText(kind, answered.question, answered.numbering, noAck),
                    })}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      <div className="predict-actions">
        <button type="button" data-testid="predict-try-again" onClick={onTryAgain}>
          {t('predicting.tryAgain')}
        </button>
        {next && (
          <button type="button" className="primary" data-testid="predict-next" onClick={onNext}>
            {t('predicting.nextLesson', { title: nextTitle ?? next })}
          </button>
        )}
      </div>
    </section>
  );
}
