// After a question's step has played: each kind right or not, the student's answer beside the
// engine's where they differ. The explanation panel under it says why the engine did it.
import type { AnsweredQuestion } from '../../lab/predict/progress';
import { MARK_KINDS } from '../../lab/predict/score';
import { useT } from '../../i18n';
import { expectedText, predictedText } from './format';

export function ResultCard({ answered }: { answered: AnsweredQuestion }) {
  const t = useT();
  const noAck = t('predicting.noAckValue');
  const revealed = answered.prediction === null;
  return (
    <section
      className="predict-result"
      data-testid="predict-result"
      aria-labelledby="predict-result-title"
    >
      <h3 id="predict-result-title">
        {t('predicting.resultFor', { step: answered.question.step })}
      </h3>
      <ul>
        {MARK_KINDS.map((kind) => {
          const ok = answered.marks[kind];
          const said = predictedText(kind, answered.prediction, noAck);
          const correct = expectedText(kind, answered.question, answered.numbering, noAck);
          return (
            <li
              key={kind}
              className={ok ? 'predict-ok' : 'predict-bad'}
              data-testid={`predict-result-${kind}`}
              data-right={ok}
            >
              <span className="predict-mark" aria-hidden="true">
                {ok ? '✓' : revealed ? '•' : '✗'}
              </span>
              <strong>{t(`predicting.kinds.${kind}`)}</strong>{' '}
              {ok ? (
                <span>{`${t('predicting.right')}: ${correct}`}</span>
              ) : (
                <span>
                  {said === null
                    ? t('predicting.revealed')
                    : t('predicting.yours', { answer: said })}
                  {' · '}
                  <span className="predict-correct">
                    {t('predicting.correct', { answer: correct })}
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
