// Which socket exists when, from the state changes shown: each endpoint's connection from the
// moment it leaves CLOSED (or the listener makes it) until it is CLOSED again, and the server's
// listening socket while it is in LISTEN. Pure: the Sockets layer draws what this returns.
import type { SocketOwner } from '../../engine/types';
import type { StateChange } from '../../lab/stateChanges';
import type { AppCallMark } from '../../lab/types';

export interface SocketSpan {
  who: SocketOwner;
  from: number;
  /** When it closed; null while it is still open at the step shown. */
  to: number | null;
  /** Made by the listener for a connection (the server's LISTEN → SYN_RCVD). */
  newSocket: boolean;
}

/** Every socket's life in the changes shown, in the order they began. */
export function socketSpans(changes: readonly StateChange[]): SocketSpan[] {
  const spans: SocketSpan[] = [];
  const open: Partial<Record<SocketOwner, SocketSpan>> = {};
  for (const change of changes) {
    const { who, t } = change;
    const current = open[who];
    const opens = change.newSocket || (change.from === 'CLOSED' && change.to !== 'CLOSED');
    if (opens) {
      // A socket that never said it closed ends where the next one begins.
      if (current) current.to = t;
      const span: SocketSpan = { who, from: t, to: null, newSocket: change.newSocket };
      spans.push(span);
      open[who] = span;
    } else if (change.to === 'CLOSED' && current) {
      current.to = t;
      delete open[who];
    }
  }
  return spans;
}

/** The words on an application call's tag: `connect()`, or `close() → EPIPE` when it failed. */
export function appCallText(call: Pick<AppCallMark, 'call' | 'result'>): string {
  return call.result === 'ok' ? `${call.call}()` : `${call.call}() → ${call.result}`;
}

/**
 * The words on a tag with room for `max` characters. A failed call keeps its error whole, which
 * is what the student must read (`connect() → ECONNREFUSED`, then `connect→ECONNREFUSED`, then
 * the error alone); the call is in the tag's title and label. A call that worked is cut.
 */
export function appCallTag(call: Pick<AppCallMark, 'call' | 'result'>, max: number): string {
  const full = appCallText(call);
  if (full.length <= max || call.result === 'ok') return truncate(full, max);
  const compact = `${call.call}→${call.result}`;
  return compact.length <= max ? compact : call.result;
}

/** Cuts text to at most `max` characters, ending with an ellipsis when it was longer. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
