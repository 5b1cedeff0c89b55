// The state changes the diagram marks on the lifelines, taken once from a run's events.
import type { SocketOwner, TcpState, TraceEvent } from '../engine/types';
import { finish, pauses, type Work } from './slices';
import { countBefore } from './sortedSearch';

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
  return finish(stateChangesWork(events));
}

export function* stateChangesWork(events: readonly TraceEvent[]): Work<StateChange[]> {
  const out: StateChange[] = [];
  const pause = pauses();
  let server: TcpState = 'CLOSED';
  for (let index = 0; index < events.length; index++) {
    if (pause()) yield;
    const event = events[index];
    if (event?.type !== 'state') continue;
    const { who, from, to, t } = event;
    const newSocket = who === 'server' && from === 'LISTEN' && server !== 'LISTEN';
    if (who === 'server') server = to;
    out.push({ who, from, to, t, index, newSocket });
  }
  return out;
}

/** The changes made by the events before `end` (a step's end). */
export function stateChangesUpTo(all: readonly StateChange[], end: number): StateChange[] {
  return all.slice(0, stateChangesCount(all, end));
}

/** How many of the changes the events before `end` made. */
export function stateChangesCount(all: readonly StateChange[], end: number): number {
  return countBefore(all.length, (i) => all[i]?.index ?? Infinity, end, false);
}
