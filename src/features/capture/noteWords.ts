// A note on what a capture cannot show (src/capture/infer.ts), in the page's language: each code
// has words that take its params; a code without words keeps the reader's English sentence.

import type { TFunction } from '../../i18n';
import type { CaptureNote } from '../../worker/captureService';

/** `duration`: the widget's time formatter (i18n's formatDuration in its language). */
export function noteWords(
  note: CaptureNote,
  t: TFunction,
  duration: (ms: number) => string,
): string {
  const p = note.params;
  const num = (name: string) => (typeof p[name] === 'number' ? p[name] : Number.NaN);
  const time = (name: string) => duration(num(name));
  const who = p.who === 'client' || p.who === 'server' ? t(`capturing.who.${p.who}`) : '';
  switch (note.code) {
    case 'started-before-capture':
      return t(
        p.assumed === 'ESTABLISHED'
          ? 'capturing.notes.startedEstablished'
          : 'capturing.notes.startedSynSent',
      );
    case 'not-captured':
      return t(
        p.what === 'syn-rcvd-without-syn'
          ? 'capturing.notes.synNotCaptured'
          : 'capturing.notes.synAckNotCaptured',
        { who, at: time('at') },
      );
    case 'no-answer':
      return t('capturing.notes.noAnswer');
    case 'retransmission': {
      const words = { who, flags: String(p.flags ?? ''), seq: num('seq'), at: time('at') };
      return num('firstAt') >= 0
        ? t('capturing.notes.retransmission', { ...words, firstAt: time('firstAt') })
        : t('capturing.notes.retransmissionFirstUnseen', words);
    }
    case 'snap-truncated':
      return t('capturing.notes.snapTruncated', { count: num('count') });
    case 'time-not-a-date':
      return t('capturing.notes.timeNotADate');
    case 'time-unusable':
      return t('capturing.notes.timeUnusable');
    case 'capture-cut':
      return t('capturing.notes.captureCut', {
        client: String(p.client ?? ''),
        server: String(p.server ?? ''),
      });
    default:
      return note.message;
  }
}
