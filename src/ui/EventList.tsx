import { useMemo } from 'react';
import type { TraceEvent } from '../core/types';
import { formatEvent, sendsById, sideOf } from './formatEvent';

/** The trace as text, one row per event. */
export function EventList({ events }: { events: readonly TraceEvent[] }) {
  const sends = useMemo(() => sendsById(events), [events]);
  return (
    <ol className="event-list" data-testid="event-list">
      {events.map((event, index) => (
        <li
          // The list never reorders: the index is a stable key.
          key={index}
          data-testid="event"
          data-type={event.type}
          data-who={sideOf(event, sends)}
          data-to={event.type === 'state' ? event.to : undefined}
        >
          {formatEvent(event, sends)}
        </li>
      ))}
    </ol>
  );
}
