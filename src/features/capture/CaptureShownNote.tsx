// Beside a connection drawn from a capture: what it is, that the receiving side's times (and the
// states) are inferred, and what the capture cannot show about it (say, a connection that started
// before the capture).

import { useId } from 'react';
import { useFormatDuration, useT } from '../../i18n';
import type { ShownCapture } from '../../ui/store/labStore';
import { noteWords } from './noteWords';

export function CaptureShownNote({ capture }: { capture: ShownCapture }) {
  const t = useT();
  const duration = useFormatDuration();
  const id = useId();
  return (
    <section className="capture-note" data-testid="capture-note" aria-labelledby={id}>
      <h2 id={id}>{t('capturing.shownTitle', { label: capture.label })}</h2>
      {capture.inferredTimes && (
        <p data-testid="capture-inferred">
          <strong>{t('capturing.inferredTitle')}.</strong> {t('capturing.inferred')}
        </p>
      )}
      {capture.notes.length > 0 && (
        <>
          <h3>{t('capturing.cannotShow')}</h3>
          <ul data-testid="capture-notes">
            {capture.notes.map((note, index) => (
              <li key={`${note.code}-${index}`} data-code={note.code}>
                {noteWords(note, t, duration)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="capture-back">{t('capturing.back')}</p>
    </section>
  );
}
