// What any run must satisfy whatever the network did to it, for lessons whose applications act on
// events (CONTRACT.md section 0.4): no application call on a connection that never opened, and no
// FIN sent "again" before it was first sent. Returns what is wrong, one line each, so a failing
// property shows the offending events.
import type { SendEvent, Side, TraceEvent } from '../engine/types';

/** The calls that need an open connection: each acts on one (connect and listen make one). */
const NEEDS_CONNECTION = new Set(['send', 'shutdown', 'close', 'abort']);

/** The sequence number a FIN occupies: after the segment's data, so a FIN collapsed onto data on retransmission still matches. */
const finSeqOf = (e: SendEvent): number => (e.seq + e.len) % 2 ** 32;

const isResend = (e: SendEvent): boolean =>
  e.retransmission || e.reason === 'retransmit' || e.reason === 'loss-probe';

export function incoherences(events: readonly TraceEvent[]): string[] {
  const problems: string[] = [];
  // Whether each side's current connection opened: its connect() or accept() returned ok. A new
  // connection (SYN_SENT, or SYN_RCVD from LISTEN) starts unopened; one that opened stays so after
  // it ends, since a call on it then fails as a call on a closed connection does.
  const opened: Record<Side, boolean> = { client: false, server: false };
  const finsSent: Record<Side, Set<number>> = { client: new Set(), server: new Set() };
  events.forEach((e, i) => {
    const at = `event ${i} (t=${e.t})`;
    if (e.type === 'state' && e.who !== 'listener') {
      const fresh = e.to === 'SYN_SENT' || (e.to === 'SYN_RCVD' && e.from !== 'SYN_SENT');
      if (fresh) opened[e.who] = false;
    } else if (e.type === 'app' && e.who !== 'listener') {
      if (e.call === 'connect' || e.call === 'accept') opened[e.who] = e.result === 'ok';
      else if (NEEDS_CONNECTION.has(e.call) && !opened[e.who]) {
        problems.push(
          `${at}: the ${e.who}'s ${e.call} returned ${e.result} on a connection that never opened`,
        );
      }
    } else if (e.type === 'send' && e.injected !== true && e.flags.includes('FIN')) {
      const seq = finSeqOf(e);
      if (!isResend(e)) finsSent[e.who].add(seq);
      else if (!finsSent[e.who].has(seq)) {
        problems.push(
          `${at}: the ${e.who} resends a FIN at ${seq} (${e.reason}) it never sent before`,
        );
      }
    }
  });
  return problems;
}
