import { describe, expect, it } from 'vitest';
import { translate, type Locale, type LoadedMessages, type TFunction } from '../../i18n/core';
import { formatDuration } from '../../i18n/format';
import { en } from '../../i18n/locales/en/index';
import { zhCN } from '../../i18n/locales/zh-CN/index';
import type { CaptureNote } from '../../worker/captureService';
import { noteWords } from './noteWords';

const tOf =
  (messages: LoadedMessages): TFunction =>
  (key, params) =>
    translate(messages, key, params);
const tEn = tOf(en);
const tZh = tOf(zhCN);
const inLocale = (locale: Locale) => (ms: number) => formatDuration(ms, locale);

// The notes as src/capture/infer.ts makes them (code and params).
const notes: CaptureNote[] = [
  { code: 'started-before-capture', message: 'm', params: { assumed: 'ESTABLISHED' } },
  { code: 'started-before-capture', message: 'm', params: { assumed: 'SYN_SENT' } },
  {
    code: 'not-captured',
    message: 'm',
    params: { who: 'server', at: 0.0125, what: 'syn-rcvd-without-syn' },
  },
  { code: 'not-captured', message: 'm', params: { who: 'client', at: 3, what: 'ack-without' } },
  { code: 'no-answer', message: 'm', params: {} },
  {
    code: 'retransmission',
    message: 'm',
    params: { who: 'client', flags: 'SYN', seq: 100, at: 1000.5, firstAt: 0 },
  },
  {
    code: 'retransmission',
    message: 'm',
    params: { who: 'server', flags: 'FIN+ACK', seq: 7, at: 200, firstAt: -1 },
  },
  { code: 'snap-truncated', message: 'm', params: { count: 3 } },
  { code: 'capture-cut', message: 'm', params: { client: 'FIN_WAIT_2', server: 'CLOSE_WAIT' } },
  { code: 'time-not-a-date', message: 'm', params: {} },
  { code: 'time-unusable', message: 'm', params: {} },
];

describe('noteWords', () => {
  it('words every note in both languages, params filled in', () => {
    for (const note of notes) {
      const english = noteWords(note, tEn, inLocale('en'));
      const chinese = noteWords(note, tZh, inLocale('zh-CN'));
      expect(english, note.code).not.toBe(note.message);
      expect(english, note.code).not.toMatch(/[{}]|NaN|undefined/);
      expect(chinese, note.code).toMatch(/\p{Script=Han}/u);
      expect(chinese, note.code).not.toMatch(/[{}]|NaN|undefined/);
    }
  });

  it('says who, when and what', () => {
    expect(noteWords(notes[2] as CaptureNote, tEn, inLocale('en'))).toBe(
      'The server answers a SYN at 0.013 ms that is not in the capture.',
    );
    expect(noteWords(notes[5] as CaptureNote, tEn, inLocale('en'))).toContain(
      'The client sends its SYN (seq 100) again at 1.001 s, first sent at 0 ms',
    );
    expect(noteWords(notes[8] as CaptureNote, tZh, inLocale('zh-CN'))).toContain('FIN_WAIT_2');
  });

  it("keeps the reader's sentence for a code it has no words for", () => {
    const note = { code: 'something-new', message: 'A new kind of note.', params: {} };
    expect(noteWords(note, tZh, inLocale('zh-CN'))).toBe('A new kind of note.');
  });
});
