// Answer cards: the questions learners ask, each a disclosure (<details>) with a short answer, the
// RFC sections it rests on, and a "Show me" button that opens the lesson where it happens. The
// answers are a lazy i18n namespace: the section appears once they are loaded.

import { useId, useMemo } from 'react';
import { hasKey, loadedMessages, useMessages, useNamespace, useT } from '../../i18n';
import { LESSON_FOR_ANSWER, type AnswerId } from '../../scenarios';
import { answerCards } from './cards';
import './AnswerCards.css';

export interface AnswerCardsProps {
  /** Opens a lesson (the "Show me" button). */
  onShowLesson: (lessonId: string) => void;
  /** The lesson that illustrates an answer; no button for undefined. Default: the lessons' own map. */
  lessonFor?: (answerId: AnswerId) => string | undefined;
  /** A lesson's title for the button's accessible name. Default: `lessons.<id>.title` if it exists. */
  lessonTitle?: (lessonId: string) => string | undefined;
  headingLevel?: 2 | 3;
  /** Opens the side-by-side comparison of the why-three card; no button without it. */
  onCompare?: () => void;
}

const defaultLessonFor = (answerId: AnswerId): string | undefined => LESSON_FOR_ANSWER[answerId];

export function AnswerCards({
  onShowLesson,
  lessonFor = defaultLessonFor,
  lessonTitle,
  headingLevel = 2,
  onCompare,
}: AnswerCardsProps) {
  const t = useT();
  const messages = useMessages();
  const ready = useNamespace('answers');
  // The locale's answers, or English's should the locale's have failed to load.
  const answers = ready ? (messages.answers ?? loadedMessages('en')?.answers) : undefined;
  const cards = useMemo(() => (answers ? answerCards({ answers }) : null), [answers]);
  const id = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  if (!cards) return null;

  const titleOf = (lessonId: string): string | undefined => {
    if (lessonTitle) return lessonTitle(lessonId);
    const key = `lessons.${lessonId}.title`;
    return hasKey(key) ? t(key) : undefined;
  };

  return (
    <section className="answer-cards" aria-labelledby={`${id}-title`} data-testid="answer-cards">
      <Heading id={`${id}-title`} className="answer-cards-title">
        {t('ui.answers.title')}
      </Heading>
      <p className="answer-cards-intro">{t('ui.answers.intro')}</p>
      <ul className="answer-cards-list">
        {cards.map((card) => {
          const lesson = lessonFor(card.id);
          const title = lesson === undefined ? undefined : titleOf(lesson);
          return (
            <li key={card.id} data-testid="answer-card" data-answer={card.id}>
              <details className="answer-card" id={`${id}-${card.id}`}>
                <summary className="answer-card-question">{card.question}</summary>
                <div className="answer-card-body">
                  {card.answer.map((paragraph, i) => (
                    <p key={i}>{paragraph}</p>
                  ))}
                  <p className="answer-card-source">{t('ui.answers.source', { rfc: card.rfc })}</p>
                  {lesson !== undefined && (
                    <button
                      type="button"
                      className="answer-card-show"
                      data-testid="show-me"
                      data-lesson={lesson}
                      aria-label={
                        title === undefined
                          ? t('ui.answers.showMeAriaNoTitle', { question: card.question })
                          : t('ui.answers.showMeAria', { lesson: title })
                      }
                      onClick={() => onShowLesson(lesson)}
                    >
                      {t('ui.answers.showMe')}
                    </button>
                  )}
                  {card.id === 'why-three' && onCompare && (
                    <button
                      type="button"
                      className="answer-card-show answer-card-compare"
                      data-testid="compare-open"
                      onClick={onCompare}
                    >
                      {t('ui.answers.compare')}
                    </button>
                  )}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
