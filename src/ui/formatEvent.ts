// One line of plain text per trace event, e.g. "t=150 client → SYN seq=1000 ack=0".

import type { SendEvent, Side, TraceEvent } from '../core/types';

const OTHER: Record<Side, Side> = { client: 'server', server: 'client' };

/** "SYN,ACK seq=5000 ack=1001", plus the length when the segment carries data. */
export function describeSegment(send: SendEvent): string {
  const len = send.len > 0 ? ` len=${send.len}` : '';
  return `${send.flags.join(',')} seq=${send.seq} ack=${send.ack}${len}`;
}

/** Deliveries and drops name a segment by id only, so `sends` maps ids to their `send` events. */
export function formatEvent(event: TraceEvent, sends: ReadonlyMap<number, SendEvent>): string {
  const at = `t=${event.t}`;
  switch (event.type) {
    case 'app':
      return `${at} ${event.who} ${event.call}() = ${event.result}`;
    case 'state':
      return `${at} ${event.who} ${event.from} ⇒ ${event.to}`;
    case 'send': {
      const notes = [event.retransmission && 'retransmission', event.injected && 'injected'];
      const suffix = notes
        .filter(Boolean)
        .map((note) => ` (${note})`)
        .join('');
      return `${at} ${event.who} → ${describeSegment(event)}${suffix}`;
    }
    case 'deliver': {
      const send = sends.get(event.id);
      if (!send) return `${at} segment #${event.id} delivered`;
      const notes = [
        event.duplicate && 'duplicate',
        event.delayedMs !== undefined && `${event.delayedMs} ms late`,
      ];
      const suffix = notes
        .filter(Boolean)
        .map((note) => ` (${note})`)
        .join('');
      return `${at} ${OTHER[send.who]} ← ${describeSegment(send)}${suffix}`;
    }
    case 'drop': {
      const send = sends.get(event.id);
      const what = send ? `${describeSegment(send)} from ${send.who}` : `segment #${event.id}`;
      return `${at} ✕ ${what} dropped (${event.reason})`;
    }
    case 'timer': {
      const due = event.due !== undefined ? ` (due t=${event.due})` : '';
      return `${at} ${event.who} ${event.timer} timer ${event.action}${due}`;
    }
  }
}

/** The `send` events of a trace by segment id, for `formatEvent`. */
export function sendsById(events: readonly TraceEvent[]): Map<number, SendEvent> {
  const sends = new Map<number, SendEvent>();
  for (const event of events) if (event.type === 'send') sends.set(event.id, event);
  return sends;
}

/** The endpoint a row is about: the sender of a send, the receiver of a delivery. */
export function sideOf(event: TraceEvent, sends: ReadonlyMap<number, SendEvent>): Side | undefined {
  if ('who' in event) return event.who;
  const send = sends.get(event.id);
  if (!send) return undefined;
  return event.type === 'deliver' ? OTHER[send.who] : send.who;
}
