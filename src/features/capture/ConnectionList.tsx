// The TCP connections of an open capture, one button each (`capture-connection`): the endpoints,
// the packets, when it started (or, for times no date holds, why not), how it ended and whether it
// started before the capture. A big file may hold thousands: the list shows them a page at a time.

import { useState } from 'react';
import { isDateMs } from '../../capture/dates';
import { useFormatDuration, useLocale, useT } from '../../i18n';
import type { CaptureConnectionSummary } from '../../worker/captureService';
import { noteWords } from './noteWords';
import { connectionLabel } from './session';

/** Connections listed at first, and added by each "Show more". */
export const CONNECTIONS_PER_PAGE = 100;

function timeFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hour12: false,
  });
}

/** A capture time as a date, or null where it cannot be one (format() would throw). */
function dateOf(format: Intl.DateTimeFormat, ms: number): string | null {
  return isDateMs(ms) ? format.format(ms) : null;
}

/** One connection's button: its facts, and the notes on what its times are. */
function ConnectionItem({
  connection: c,
  format,
  current,
  drawing,
  onPick,
}: {
  connection: CaptureConnectionSummary;
  format: Intl.DateTimeFormat;
  current: boolean;
  drawing: boolean;
  onPick: (id: number) => void;
}) {
  const t = useT();
  const duration = useFormatDuration();
  const started = c.times === 'dated' ? dateOf(format, c.startMs) : null;
  return (
    <li>
      <button
        type="button"
        data-testid="capture-connection"
        data-id={c.id}
        data-times={c.times}
        aria-current={current ? 'true' : undefined}
        aria-busy={drawing}
        disabled={c.times === 'unusable'}
        onClick={() => onPick(c.id)}
      >
        <span className="capture-endpoints">{connectionLabel(c)}</span>
        <span className="capture-facts">
          {t('capturing.packets', { n: c.packets })}
          {started !== null && (
            <>
              {' · '}
              {t('capturing.started', { time: started })}
            </>
          )}
          {' · '}
          {t(`capturing.ending.${c.ending}`)}
          {c.startedBeforeCapture && (
            <>
              {' · '}
              <span className="capture-before" data-testid="started-before-capture">
                {t('capturing.beforeCapture')}
              </span>
            </>
          )}
          {current && (
            <>
              {' · '}
              <strong>{t('capturing.current')}</strong>
            </>
          )}
        </span>
        {c.notes.map((note) => (
          <span
            key={note.code}
            className="capture-warning"
            data-testid="capture-connection-note"
            data-code={note.code}
          >
            {noteWords(note, t, duration)}
          </span>
        ))}
      </button>
    </li>
  );
}

export function ConnectionList({
  connections,
  current,
  drawing,
  onPick,
}: {
  connections: readonly CaptureConnectionSummary[];
  /** The connection on the diagram, if one of these is. */
  current: number | null;
  /** The connection being drawn. */
  drawing: number | null;
  onPick: (id: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [shown, setShown] = useState(CONNECTIONS_PER_PAGE);
  const format = timeFormat(locale);
  const more = Math.min(CONNECTIONS_PER_PAGE, connections.length - shown);
  return (
    <>
      <ul className="capture-connections" aria-label={t('capturing.listLabel')}>
        {connections.slice(0, shown).map((c) => (
          <ConnectionItem
            key={c.id}
            connection={c}
            format={format}
            current={c.id === current}
            drawing={c.id === drawing}
            onPick={onPick}
          />
        ))}
      </ul>
      {more > 0 && (
        <button type="button" className="capture-more" onClick={() => setShown(shown + more)}>
          {t('capturing.more', { n: more })}
        </button>
      )}
    </>
  );
}
