// The state changes TCP makes, as RFC 9293 draws and describes them (section 3.3.2's Figure 5, with
// sections 3.5 and 3.10): the one table the engine and the capture observer hold their state
// changes to. A change outside it is a bug in whoever made it, so both refuse it at once rather
// than draw a transition TCP never makes. (The tests check this table against a transcription of
// the RFC's.)
import type { TcpState } from './types';

/** From each state, the states TCP may go to (besides CLOSED, which every state may reach). */
const NEXT: Readonly<Record<TcpState, readonly TcpState[]>> = {
  // 3.10.1: passive and active OPEN.
  CLOSED: ['LISTEN', 'SYN_SENT'],
  // 3.10.7.2: a SYN arrives; 3.10.1: an active OPEN (SEND) on a listening socket.
  LISTEN: ['SYN_RCVD', 'SYN_SENT'],
  // 3.10.7.3: the SYN+ACK (established) or a SYN (simultaneous open).
  SYN_SENT: ['ESTABLISHED', 'SYN_RCVD'],
  // 3.10.7.4: the handshake's ACK (with a FIN: CLOSE-WAIT); 3.10.4: CLOSE before it; 3.5.2: a RST
  // on a passive open goes back to LISTEN.
  SYN_RCVD: ['ESTABLISHED', 'CLOSE_WAIT', 'FIN_WAIT_1', 'LISTEN'],
  // 3.10.4: CLOSE; 3.10.7.4: the peer's FIN.
  ESTABLISHED: ['FIN_WAIT_1', 'CLOSE_WAIT'],
  // 3.10.7.4: our FIN acknowledged, the peer's FIN (simultaneous close), or both at once.
  FIN_WAIT_1: ['FIN_WAIT_2', 'CLOSING', 'TIME_WAIT'],
  FIN_WAIT_2: ['TIME_WAIT'],
  CLOSE_WAIT: ['LAST_ACK'],
  CLOSING: ['TIME_WAIT'],
  LAST_ACK: [],
  // RFC 9293 3.10.7.4 (RFC 6191): a new SYN may reopen a connection in TIME-WAIT.
  TIME_WAIT: ['SYN_RCVD'],
};

// ABORT, a RST, the user timeout, the end of TIME-WAIT or LAST-ACK: any state may close.
const nextOf = (from: TcpState): TcpState[] =>
  [...NEXT[from], 'CLOSED' as const].filter((to) => to !== from);

// Looked up on every state change the engine makes: an object per state, not a string key.
const ALLOWED = Object.fromEntries(
  (Object.keys(NEXT) as TcpState[]).map((from) => [
    from,
    Object.fromEntries(nextOf(from).map((to) => [to, true])),
  ]),
) as Readonly<Record<TcpState, Readonly<Partial<Record<TcpState, true>>>>>;

/** Whether TCP goes from `from` to `to` (a state change: `from` and `to` differ). */
export function isTransition(from: TcpState, to: TcpState): boolean {
  return ALLOWED[from]?.[to] === true;
}

/** Every state change in the table, as `from>to`. */
export const TRANSITIONS: ReadonlySet<string> = new Set(
  (Object.keys(NEXT) as TcpState[]).flatMap((from) => nextOf(from).map((to) => `${from}>${to}`)),
);

/** Throws unless `from` → `to` is in the table: `who` says whose rule made the change. */
export function checkTransition(who: string, from: TcpState, to: TcpState): void {
  if (!isTransition(from, to)) {
    throw new Error(`${who}: ${from} → ${to} is not a TCP state change (RFC 9293 3.3.2)`);
  }
}
