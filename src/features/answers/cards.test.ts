import { describe, expect, it } from 'vitest';
import { en as fullEnglish } from '../../i18n/locales/en/index';
import { zhCN } from '../../i18n/locales/zh-CN/index';
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

  // CONTRACT.md section 0.2: bind() refuses without SO_REUSEADDR; with it, RFC 9293 refuses the
  // connect and Linux takes over only a connection that used timestamps.
  it.each([
    ['en', fullEnglish],
    ['zh-CN', zhCN],
  ] as const)('says what port reuse does as the engine does it (%s)', (_lang, messages) => {
    const card = answerCards(messages).find((c) => c.id === 'so-reuseaddr');
    const text = card?.answer.join(' ') ?? '';
    for (const word of ['EADDRINUSE', 'EADDRNOTAVAIL', 'tcp_twsk_unique()', 'PAWS', '65537']) {
      expect(text, word).toContain(word);
    }
    expect(card?.rfc).toMatch(/3\.10\.1/);
  });

  // RFC 9293 §3.5.2 (generation), §3.5.3 (processing), RFC 5961 §3 (exact RCV.NXT), and Linux's
  // errors: what the card says a RST is and does.
  it.each([
    ['en', fullEnglish],
    ['zh-CN', zhCN],
  ] as const)('says when a RST is sent and what it does (%s)', (_lang, messages) => {
    const card = answerCards(messages).find((c) => c.id === 'rst');
    const text = card?.answer.join(' ') ?? '';
    for (const word of [
      'SO_LINGER',
      'l_onoff = 1',
      'l_linger = 0',
      'SYN_SENT',
      'SYN_RCVD',
      'LISTEN',
      'RCV.NXT',
      'RFC 5961',
      'ECONNRESET',
      'ECONNREFUSED',
    ]) {
      expect(text, word).toContain(word);
    }
    expect(card?.rfc).toMatch(/3\.5\.2.*3\.5\.3.*3\.10\.7/);
  });
});
