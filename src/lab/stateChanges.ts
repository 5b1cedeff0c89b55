// The state changes the diagram marks on the lifelines, taken once from a run's events.
import type { Side, TcpState, TraceEvent } from '../engine/types';

export interface StateChange {
  who: Side;
  to: TcpState;
  t: number;
  /** Index of the trace event (to cut the list at a step's `end`). */
  index: number;
}

/** Every state change of the run, in trace order. */
export function collectStateChanges(events: readonly TraceEvent[]): StateChange[] {
  const out: StateChange[] = [];
  events.forEach((event, index) => {
    if (event.type === 'state') out.push({ who: event.who, to: event.to, t: event.t, index });
  });
  return out;
}

/** The changes shown once events [0, end) are (a binary search, then a slice). */
export function stateChangesUpTo(all: readonly StateChange[], end: number): StateChange[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid]?.index ?? Infinity) < end) lo = mid + 1;
    else hi = mid;
  }
  return all.slice(0, lo);
}
