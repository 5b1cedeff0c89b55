// A lesson's own question (multiple choice) before its step, and its result once the step played.
// The choices come in an order drawn from the attempt's seed, so the right one is not always first.
import { useId, useState } from 'react';
import { hasKey, useT } from '../../i18n';
import type { AnsweredChoice } from '../../lab/predict/progress';
import type { ChoiceQuestion } from '../../lab/predict/lessonQuestions';
import { PredictForm } from './PredictForm';

/** The words of a lesson question: `lessons.<lesson>.questions.<id>.…`, or the ids themselves. */
export function useChoiceWords(lessonId: string, questionId: string) {
  const t = useT();
  const base = `predicting.lessons.${lessonId}.${questionId}`;
  const prompt = `${base}.prompt`;
  return {
    prompt: hasKey(prompt) ? t(prompt) : questionId,
    choice: (id: string) => {
      const key = `${base}.choices.${id}`;
      return hasKey(key) ? t(key) : id;
    },
  };
}

/** A stable shuffle of the choices by the attempt's seed. */
export function shuffled<T extends { id: string }>(items: readonly T[], seed: number): T[] {
  const weight = (id: string) => {
    let h = seed >>> 0;
    for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 0x9e3779b1) >>> 0;
    return h;
  };
  return [...items].sort((a, b) => weight(a.id) - weight(b.id));
}

interface FormProps {
  lessonId: string;
  question: ChoiceQuestion;
  seed: number;
  onAnswer: (choice: string | null) => void;
}

export function ChoiceForm({ lessonId, question, seed, onAnswer }: FormProps) {
  const id = useId();
  const words = useChoiceWords(lessonId, question.id);
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <PredictForm onSubmit={() => onAnswer(picked)} onReveal={() => onAnswer(null)}>
      {(headingId) => (
        <fieldset className="predict-choices">
          <legend id={headingId} className="predict-question">
            {words.prompt}
          </legend>
          {shuffled(question.choices, seed).map((choice) => (
            <label key={choice.id}>
              <input
                type="radio"
                name={`${id}-choice`}
                value={choice.id}
                data-testid={`predict-choice-${choice.id}`}
                checked={picked === choice.id}
                onChange={() => setPicked(choice.id)}
              />
              {words.choice(choice.id)}
            </label>
          ))}
        </fieldset>
      )}
    </PredictForm>
  );
}

export function ChoiceResult({
  lessonId,
  answered,
}: {
  lessonId: string;
  answered: AnsweredChoice;
}) {
  const t = useT();
  const words = useChoiceWords(lessonId, answered.question.id);
  const right = answered.question.choices.find((c) => c.right);
  return (
    <section
      className="predict-result"
      data-testid="predict-choice-result"
      aria-label={words.prompt}
    >
      <p
        className={answered.right ? 'predict-ok' : 'predict-bad'}
        data-testid="predict-result-choice"
        data-right={answered.right}
      >
        <span className="predict-mark" aria-hidden="true">
          {answered.right ? '✓' : answered.choice === null ? '•' : '✗'}
        </span>{' '}
        {words.prompt}{' '}
        {answered.right ? (
          <strong>{`${t('predicting.right')}: ${words.choice(right?.id ?? '')}`}</strong>
        ) : (
          <>
            {answered.choice === null
              ? t('predicting.revealed')
              : t('predicting.yours', { answer: words.choice(answered.choice) })}
            {' · '}
            <span className="predict-correct">
              {t('predicting.correct', { answer: words.choice(right?.id ?? '') })}
            </span>
          </>
        )}
      </p>
    </section>
  );
}
