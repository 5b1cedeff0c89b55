// The layout of RFC 9293's Figure 5 (TCP connection state diagram) for the state-machine panel:
// one box per state, hand-placed as in the figure, and the figure's transitions as polylines with
// their "event / action" labels. Pure data; StateMachinePanel draws it. Unlike the figure, CLOSED
// appears once (the two arrows the figure draws into a second CLOSED box run round the sides to the
// top one), so that each state can be highlighted in exactly one place. One arrow is not in the
// figure (`notInFigure`): SYN_SENT → CLOSED on a RST, which section 3.10.7.3 describes; it is drawn
// apart (dotted) so that a refused connect lights its real cause, not the CLOSE arrow.
import type { TcpState } from '../../engine/types';

export type Point = readonly [x: number, y: number];

export interface DiagramNode {
  state: TcpState;
  /** Centre of the box. */
  x: number;
  y: number;
}

export interface DiagramEdge {
  id: string;
  from: TcpState;
  to: TcpState;
  /** The event, in the figure's words ("rcv SYN"). */
  event: string;
  /** The action taken, if any ("snd SYN,ACK"). */
  action?: string;
  /** The arrow, from the edge of the `from` box to the edge of the `to` box. */
  points: readonly Point[];
  /**
   * Where the label's first line sits (text baseline) and how it is anchored; `below` puts the
   * action line further down, on the other side of a horizontal arrow, as the figure does.
   */
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; below?: boolean };
  /** Not drawn in Figure 5 itself but described by one of its notes (drawn dashed). */
  note?: 1 | 2;
  /** Not in Figure 5 at all: the RFC 9293 section that describes it (drawn dotted). */
  notInFigure?: string;
  /** The row of rfc9293-transitions.csv this arrow stands for: its `event` column. */
  rfcEvent: string;
  /** A substring of that row's `condition` column, when from, event and to are not enough. */
  rfcCondition?: string;
}

export const NODE_WIDTH = 124;
export const NODE_HEIGHT = 40;
export const DIAGRAM_WIDTH = 560;
export const DIAGRAM_HEIGHT = 752;

// Columns and rows of the grid the figure is laid out on.
const L = 78;
const C = 280;
const R = 482;
const ROW = { closed: 62, listen: 162, syn: 268, estab: 368, fin1: 472, fin2: 576, tw: 680 };
const HW = NODE_WIDTH / 2;
const HH = NODE_HEIGHT / 2;

export const DIAGRAM_NODES: readonly DiagramNode[] = [
  { state: 'CLOSED', x: C, y: ROW.closed },
  { state: 'LISTEN', x: C, y: ROW.listen },
  { state: 'SYN_RCVD', x: L, y: ROW.syn },
  { state: 'SYN_SENT', x: R, y: ROW.syn },
  { state: 'ESTABLISHED', x: C, y: ROW.estab },
  { state: 'FIN_WAIT_1', x: L, y: ROW.fin1 },
  { state: 'CLOSE_WAIT', x: R, y: ROW.fin1 },
  { state: 'FIN_WAIT_2', x: L, y: ROW.fin2 },
  { state: 'CLOSING', x: C, y: ROW.fin2 },
  { state: 'LAST_ACK', x: R, y: ROW.fin2 },
  { state: 'TIME_WAIT', x: C, y: ROW.tw },
];

// Box edges, for readable coordinates below.
const top = (row: number) => row - HH;
const bottom = (row: number) => row + HH;
const left = (col: number) => col - HW;
const right = (col: number) => col + HW;

/** The left and right rails that carry the arrows back to CLOSED. */
const RAIL_LEFT = 8;
const RAIL_RIGHT = DIAGRAM_WIDTH - 8;
const RAIL_TOP = 12;
const RAIL_BOTTOM = DIAGRAM_HEIGHT - 14;

export const DIAGRAM_EDGES: readonly DiagramEdge[] = [
  {
    id: 'passive-open',
    from: 'CLOSED',
    to: 'LISTEN',
    event: 'passive OPEN',
    action: 'create TCB',
    points: [
      [C - 18, bottom(ROW.closed)],
      [C - 18, top(ROW.listen)],
    ],
    label: { x: C - 26, y: 104, anchor: 'end' },
    rfcEvent: 'user passive OPEN',
  },
  {
    id: 'listen-close',
    from: 'LISTEN',
    to: 'CLOSED',
    event: 'CLOSE',
    action: 'delete TCB',
    points: [
      [C + 18, top(ROW.listen)],
      [C + 18, bottom(ROW.closed)],
    ],
    label: { x: C + 26, y: 104, anchor: 'start' },
    rfcEvent: 'user CLOSE',
  },
  {
    id: 'active-open',
    from: 'CLOSED',
    to: 'SYN_SENT',
    event: 'active OPEN',
    action: 'snd SYN',
    points: [
      [right(C), ROW.closed - 12],
      [R + 50, ROW.closed - 12],
      [R + 50, top(ROW.syn)],
    ],
    label: { x: (right(C) + R + 50) / 2 + 6, y: ROW.closed - 33, anchor: 'middle' },
    rfcEvent: 'user active OPEN',
  },
  {
    id: 'syn-sent-close',
    from: 'SYN_SENT',
    to: 'CLOSED',
    event: 'CLOSE',
    action: 'delete TCB',
    points: [
      [R - 24, top(ROW.syn)],
      [R - 24, ROW.closed + 2],
      [right(C), ROW.closed + 2],
    ],
    label: { x: R - 18, y: ROW.listen - 16, anchor: 'start' },
    rfcEvent: 'user CLOSE',
  },
  {
    id: 'syn-sent-rst',
    from: 'SYN_SENT',
    to: 'CLOSED',
    // One line: no room for an action beside LISTEN, and the RST sends nothing (the legend says
    // the connection is deleted).
    event: 'rcv RST',
    points: [
      [R - 42, top(ROW.syn)],
      [R - 42, ROW.closed + 16],
      [right(C), ROW.closed + 16],
    ],
    label: { x: R - 48, y: ROW.listen + 2, anchor: 'end' },
    notInFigure: '3.10.7.3',
    rfcEvent: 'rcv RST',
    rfcCondition: 'ACK acceptable',
  },
  {
    id: 'rcv-syn',
    from: 'LISTEN',
    to: 'SYN_RCVD',
    event: 'rcv SYN',
    action: 'snd SYN,ACK',
    points: [
      [C - 40, bottom(ROW.listen)],
      [right(L), ROW.syn - 10],
    ],
    label: { x: 178, y: 206, anchor: 'end' },
    rfcEvent: 'rcv SYN',
  },
  {
    id: 'listen-send',
    from: 'LISTEN',
    to: 'SYN_SENT',
    event: 'SEND',
    action: 'snd SYN',
    points: [
      [C + 40, bottom(ROW.listen)],
      [left(R), ROW.syn - 10],
    ],
    label: { x: 372, y: 206, anchor: 'start' },
    rfcEvent: 'user SEND (active)',
  },
  {
    id: 'simultaneous-open',
    from: 'SYN_SENT',
    to: 'SYN_RCVD',
    event: 'rcv SYN',
    action: 'snd SYN,ACK',
    points: [
      [left(R), ROW.syn + 8],
      [right(L), ROW.syn + 8],
    ],
    label: { x: C, y: ROW.syn + 2, anchor: 'middle', below: true },
    rfcEvent: 'rcv SYN (no ACK)',
  },
  {
    id: 'syn-rcvd-rst',
    from: 'SYN_RCVD',
    to: 'LISTEN',
    event: 'rcv RST',
    action: '(note 1)',
    points: [
      [L - 30, top(ROW.syn)],
      [L - 30, ROW.listen],
      [left(C), ROW.listen],
    ],
    label: { x: 130, y: ROW.listen - 20, anchor: 'middle' },
    rfcEvent: 'rcv RST',
    rfcCondition: 'reached from LISTEN',
  },
  {
    id: 'syn-rcvd-ack',
    from: 'SYN_RCVD',
    to: 'ESTABLISHED',
    event: 'rcv ACK of SYN',
    points: [
      [right(L) - 16, bottom(ROW.syn)],
      [C - 40, top(ROW.estab)],
    ],
    label: { x: 170, y: 332, anchor: 'end' },
    rfcEvent: 'rcv ACK',
    rfcCondition: 'SND.UNA < SEG.ACK',
  },
  {
    id: 'syn-sent-synack',
    from: 'SYN_SENT',
    to: 'ESTABLISHED',
    event: 'rcv SYN,ACK',
    action: 'snd ACK',
    points: [
      [left(R) + 16, bottom(ROW.syn)],
      [C + 40, top(ROW.estab)],
    ],
    label: { x: 384, y: 330, anchor: 'start' },
    rfcEvent: 'rcv SYN;ACK',
  },
  {
    id: 'syn-rcvd-close',
    from: 'SYN_RCVD',
    to: 'FIN_WAIT_1',
    event: 'CLOSE',
    action: 'snd FIN',
    points: [
      [L - 30, bottom(ROW.syn)],
      [L - 30, top(ROW.fin1)],
    ],
    label: { x: L - 22, y: 378, anchor: 'start' },
    rfcEvent: 'user CLOSE',
  },
  {
    id: 'estab-close',
    from: 'ESTABLISHED',
    to: 'FIN_WAIT_1',
    event: 'CLOSE',
    action: 'snd FIN',
    points: [
      [C - 40, bottom(ROW.estab)],
      [right(L), ROW.fin1 - 8],
    ],
    label: { x: 176, y: 412, anchor: 'end' },
    rfcEvent: 'user CLOSE',
  },
  {
    id: 'estab-fin',
    from: 'ESTABLISHED',
    to: 'CLOSE_WAIT',
    event: 'rcv FIN',
    action: 'snd ACK',
    points: [
      [C + 40, bottom(ROW.estab)],
      [left(R), ROW.fin1 - 8],
    ],
    label: { x: 384, y: 412, anchor: 'start' },
    rfcEvent: 'rcv FIN',
  },
  {
    id: 'fin-wait-1-ack',
    from: 'FIN_WAIT_1',
    to: 'FIN_WAIT_2',
    event: 'rcv ACK of FIN',
    points: [
      [L - 30, bottom(ROW.fin1)],
      [L - 30, top(ROW.fin2)],
    ],
    label: { x: L - 22, y: 528, anchor: 'start' },
    rfcEvent: 'rcv ACK',
  },
  {
    id: 'fin-wait-1-fin',
    from: 'FIN_WAIT_1',
    to: 'CLOSING',
    event: 'rcv FIN',
    action: 'snd ACK',
    points: [
      [right(L), ROW.fin1],
      [C - 20, top(ROW.fin2)],
    ],
    label: { x: 230, y: 496, anchor: 'start' },
    rfcEvent: 'rcv FIN',
    rfcCondition: 'not yet ACKed',
  },
  {
    id: 'fin-wait-1-fin-ack',
    from: 'FIN_WAIT_1',
    to: 'TIME_WAIT',
    event: 'rcv FIN+ACK of FIN',
    action: 'snd ACK (note 2)',
    points: [
      [right(L), ROW.fin1 + 14],
      [left(C) + 14, top(ROW.tw)],
    ],
    label: { x: 202, y: 628, anchor: 'end' },
    note: 2,
    rfcEvent: 'rcv FIN',
    rfcCondition: 'our FIN ACKed',
  },
  {
    id: 'close-wait-close',
    from: 'CLOSE_WAIT',
    to: 'LAST_ACK',
    event: 'CLOSE',
    action: 'snd FIN',
    points: [
      [R, bottom(ROW.fin1)],
      [R, top(ROW.fin2)],
    ],
    label: { x: R - 8, y: 520, anchor: 'end' },
    rfcEvent: 'user CLOSE',
  },
  {
    id: 'fin-wait-2-fin',
    from: 'FIN_WAIT_2',
    to: 'TIME_WAIT',
    event: 'rcv FIN',
    action: 'snd ACK',
    points: [
      [L - 30, bottom(ROW.fin2)],
      [L - 30, ROW.tw],
      [left(C), ROW.tw],
    ],
    label: { x: L - 18, y: ROW.tw + 20, anchor: 'start' },
    rfcEvent: 'rcv FIN',
  },
  {
    id: 'closing-ack',
    from: 'CLOSING',
    to: 'TIME_WAIT',
    event: 'rcv ACK of FIN',
    points: [
      [C + 20, bottom(ROW.fin2)],
      [C + 20, top(ROW.tw)],
    ],
    label: { x: C + 28, y: 632, anchor: 'start' },
    rfcEvent: 'rcv ACK',
    rfcCondition: 'acks our FIN',
  },
  {
    id: 'last-ack-ack',
    from: 'LAST_ACK',
    to: 'CLOSED',
    event: 'rcv ACK of FIN',
    action: 'delete TCB',
    points: [
      [right(R), ROW.fin2],
      [RAIL_RIGHT, ROW.fin2],
      [RAIL_RIGHT, RAIL_TOP],
      [C, RAIL_TOP],
      [C, top(ROW.closed)],
    ],
    label: { x: RAIL_RIGHT - 8, y: ROW.fin2 + 36, anchor: 'end' },
    rfcEvent: 'rcv ACK',
    rfcCondition: 'acks our FIN',
  },
  {
    id: 'time-wait-timeout',
    from: 'TIME_WAIT',
    to: 'CLOSED',
    event: 'timeout = 2MSL',
    action: 'delete TCB',
    points: [
      [C, bottom(ROW.tw)],
      [C, RAIL_BOTTOM],
      [RAIL_LEFT, RAIL_BOTTOM],
      [RAIL_LEFT, ROW.closed],
      [left(C), ROW.closed],
    ],
    label: { x: C + 10, y: RAIL_BOTTOM - 6, anchor: 'start' },
    rfcEvent: '2MSL timeout (MSL = 2 min)',
  },
];

const nodeByState = new Map(DIAGRAM_NODES.map((n) => [n.state, n]));

export function diagramNode(state: TcpState): DiagramNode {
  const node = nodeByState.get(state);
  if (!node) throw new Error(`no box for ${state}`);
  return node;
}

/** The drawn arrow for a transition, if Figure 5 draws one. */
export function findEdge(from: TcpState, to: TcpState): DiagramEdge | undefined {
  return DIAGRAM_EDGES.find((e) => e.from === from && e.to === to);
}

/** An SVG path `d` for a polyline. */
export function pathOf(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
}
