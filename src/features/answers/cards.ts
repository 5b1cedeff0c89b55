// The answer cards' content: one card per learner question, in the order the lessons list them.

import type { LocaleMessages } from '../../i18n';
import { ANSWER_IDS, type AnswerId } from '../../scenarios';

export interface AnswerCard {
  id: AnswerId;
  question: string;
  /** Paragraphs. */
  answer: readonly string[];
  /** The RFC sections it rests on, e.g. "RFC 9293 §3.5". */
  rfc: string;
}

/** The cards from a dictionary with its `answers` words. */
export function answerCards(messages: Pick<LocaleMessages, 'answers'>): AnswerCard[] {
  return ANSWER_IDS.map((id) => {
    const card = messages.answers[id];
    return { id, question: card.question, answer: card.answer, rfc: card.rfc };
  });
}
