// The TCP connections of an open capture, one button each (`capture-connection`): the endpoints,
// the packets, when it started, how it ended and whether it started before the capture. A big
// file may hold thousands: the list shows them a page at a time.

import { useState } from 'react';
import { useLocale, useT } from '../../i18n';
import type { CaptureConnectionSummary } from '../../worker/captureService';
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
          <li key={c.id}>
            <button
              type="button"
              data-testid="capture-connection"
              data-id={c.id}
              aria-current={c.id === current ? 'true' : undefined}
              aria-busy={c.id === drawing}
              onClick={() => onPick(c.id)}
            >
              <span className="capture-endpoints">{connectionLabel(c)}</span>
              <span className="capture-facts">
                {t('capturing.packets', { n: c.packets })}
                {' · '}
                {t('capturing.started', { time: format.format(c.startMs) })}
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
                {c.id === current && (
                  <>
                    {' · '}
                    <strong>{t('capturing.current')}</strong>
                  </>
                )}
              </span>
            </button>
          </li>
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
