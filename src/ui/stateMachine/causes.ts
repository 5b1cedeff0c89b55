// Which arrow of the figure a state change lights, chosen by its cause (the engine rule in its
// `why`), not by its two states alone: SYN_SENT → CLOSED after a RST is not the arrow labelled
// "CLOSE". A change whose cause Figure 5 does not draw (a retransmission timeout giving up, an
// abort, Linux's FIN_WAIT_2 timeout, a what-if) lights nothing and is named in a note instead.
import type { TcpState } from '../../engine/types';
import { DIAGRAM_EDGES, type DiagramEdge } from './figure';

/** The rules (`why.rule`) that take each arrow; a rule listed nowhere lights no arrow. */
const RULES_OF_EDGE: Readonly<Record<string, readonly string[]>> = {
  'passive-open': ['listen'],
  'listen-close': ['listener-close'],
  'active-open': ['active-open'],
  'syn-sent-close': ['close-in-syn-sent'],
  'syn-sent-rst': ['rst-refused'],
  'rcv-syn': ['syn-to-listener'],
  'simultaneous-open': ['simultaneous-open'],
  'syn-rcvd-ack': ['handshake-ack'],
  'syn-sent-synack': ['syn-ack-received'],
  'syn-rcvd-close': ['close-call'],
  'estab-close': ['close-call'],
  'estab-fin': ['fin-received'],
  'fin-wait-1-ack': ['fin-acked'],
  'fin-wait-1-fin': ['fin-received'],
  'fin-wait-1-fin-ack': ['fin-received', 'fin-acked'],
  'close-wait-close': ['close-call', 'passive-close'],
  'fin-wait-2-fin': ['fin-received'],
  'closing-ack': ['fin-acked'],
  'last-ack-ack': ['fin-acked'],
  'time-wait-timeout': ['time-wait-expired'],
  // Figure 5 draws a passive open's reset as SYN_RCVD → LISTEN (note 1): the lab's connection
  // socket is deleted (CLOSED) while its listener, which never left LISTEN, takes the next SYN.
  'syn-rcvd-rst': ['rst-embryonic'],
};

/** The socket's own change for an arrow drawn to another box (see 'syn-rcvd-rst' above). */
const TO_OF_EDGE: Readonly<Record<string, TcpState>> = { 'syn-rcvd-rst': 'CLOSED' };

/**
 * Why a change is not in the figure, for the causes the lab makes (the words are
 * `stateMachine.offFigure.reasons.<rule>`); any other cause is named by its reference.
 */
export const OFF_FIGURE_RULES = [
  'retries-exhausted',
  'rst-received',
  'rst-refused',
  'rst-in-time-wait',
  'abort-call',
  'fin-wait-2-timeout',
  'no-time-wait',
  'two-way-handshake',
  'time-wait-takeover',
  'reuse-time-wait',
  'time-wait-reopen',
  'time-wait-reopen-linux',
  'listener-drops-embryonic',
  'syn-in-window',
  'rst-syn-in-window',
] as const;
export type OffFigureRule = (typeof OFF_FIGURE_RULES)[number];

export interface Caused {
  from: TcpState;
  to: TcpState;
  /** The engine rule that made the change; without one, the two states choose the arrow. */
  rule?: string;
}

/** The arrow `change` lights, or undefined when the figure draws no arrow for its cause. */
export function edgeOf(change: Caused): DiagramEdge | undefined {
  return DIAGRAM_EDGES.find((edge) => {
    const to = TO_OF_EDGE[edge.id] ?? edge.to;
    if (edge.from !== change.from || to !== change.to) return false;
    return change.rule === undefined || (RULES_OF_EDGE[edge.id] ?? []).includes(change.rule);
  });
}

export function isOffFigureRule(rule: string | undefined): rule is OffFigureRule {
  return (OFF_FIGURE_RULES as readonly string[]).includes(rule ?? '');
}
