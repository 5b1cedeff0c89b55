// The state changes the diagram marks on the lifelines, taken once from a run's events.
import type { SocketOwner, TcpState, TraceEvent } from '../engine/types';

export interface StateChange {
  who: SocketOwner;
  from: TcpState;
  to: TcpState;
  t: number;
  /** Index of the trace event (to cut the list at a step's `end`). */
  index: number;
  /**
   * The listener made a new socket for a connection: the server goes LISTEN → SYN_RCVD although
   * its own last state was not LISTEN (RFC 9293 Figure 5's passive path, taken by a clone of the
   * listening socket, which itself stays in LISTEN).
   */
  newSocket: boolean;
}

/** Every state change of the run, in trace order. */
export function collectStateChanges(events: readonly TraceEvent[]): StateChange[] {
  const out: StateChange[] = [];
  let server: TcpState = 'CLOSED';
  events.forEach((event, index) => {
    if (event.type !== 'state') return;
    const { who, from, to, t } = event;
    const newSocket = who === 'server' && from === 'LISTEN' && server !== 'LISTEN';
    if (who === 'server') server = to;
    out.push({ who, from, to, t, index, newSocket });
  });
  return out;
}

/** The changes shown once events [0, end) are (a binary search, then a slice). */
export function stateChangesUpTo(all: readonly StateChange[], end: number): StateChange[] {
  return all.slice(0, countBefore(all, end));
}

/** How many of `all` (ascending by `index`) have an index below `end`. */
export function countBefore(all: readonly { index: number }[], end: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid]?.index ?? Infinity) < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
