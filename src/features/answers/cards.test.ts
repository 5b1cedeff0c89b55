import { describe, expect, it } from 'vitest';
import { en as fullEnglish } from '../../i18n/locales/en/index';
import { ANSWER_IDS } from '../../scenarios';
import { answerCards } from './cards';

describe('answer cards', () => {
  it('lists every answer in the dictionary, in order, with paragraphs and a citation', () => {
    expect([...ANSWER_IDS].sort()).toEqual(Object.keys(fullEnglish.answers).sort());
    const cards = answerCards(fullEnglish);
    expect(cards.map((c) => c.id)).toEqual([...ANSWER_IDS]);
    for (const card of cards) {
      expect(card.question).toMatch(/\?$/);
      expect(card.answer.length).toBeGreaterThan(0);
      expect(card.rfc).toMatch(/^RFC 9293 §\d/);
    }
  });

  it('keeps each answer between 3 and 6 sentences', () => {
    for (const card of answerCards(fullEnglish)) {
      const sentences = card.answer.join(' ').match(/[.!?](\s|$)/g) ?? [];
      expect(sentences.length, card.id).toBeGreaterThanOrEqual(3);
      expect(sentences.length, card.id).toBeLessThanOrEqual(6);
    }
  });
});
