import { describe, expect, it } from 'vitest';
import { TCP_STATES, type TcpState } from '../../engine/types';
import { csvState, RFC_ROWS } from '../../testing/rfcTransitions';
import {
  DIAGRAM_EDGES,
  DIAGRAM_HEIGHT,
  DIAGRAM_NODES,
  DIAGRAM_WIDTH,
  NODE_HEIGHT,
  NODE_WIDTH,
  diagramNode,
  findEdge,
  pathOf,
} from './figure';

const inside = (x: number, y: number) =>
  x >= 0 && x <= DIAGRAM_WIDTH && y >= 0 && y <= DIAGRAM_HEIGHT;

/** On the border of a state's box (within half a unit). */
function onBorder(state: TcpState, [x, y]: readonly [number, number]): boolean {
  const n = diagramNode(state);
  const dx = Math.abs(x - n.x);
  const dy = Math.abs(y - n.y);
  const w = NODE_WIDTH / 2;
  const h = NODE_HEIGHT / 2;
  return (Math.abs(dx - w) <= 0.5 && dy <= h + 0.5) || (Math.abs(dy - h) <= 0.5 && dx <= w + 0.5);
}

describe('state diagram layout', () => {
  it('draws every state exactly once, inside the view box, without overlaps', () => {
    expect(DIAGRAM_NODES.map((n) => n.state).sort()).toEqual([...TCP_STATES].sort());
    for (const a of DIAGRAM_NODES) {
      expect(inside(a.x - NODE_WIDTH / 2, a.y - NODE_HEIGHT / 2)).toBe(true);
      expect(inside(a.x + NODE_WIDTH / 2, a.y + NODE_HEIGHT / 2)).toBe(true);
      for (const b of DIAGRAM_NODES) {
        if (a === b) continue;
        const apart =
          Math.abs(a.x - b.x) >= NODE_WIDTH + 8 || Math.abs(a.y - b.y) >= NODE_HEIGHT + 8;
        expect(apart, `${a.state} and ${b.state} overlap`).toBe(true);
      }
    }
  });

  it('joins known states, from the border of one box to the border of the other', () => {
    const ids = new Set<string>();
    for (const e of DIAGRAM_EDGES) {
      expect(ids.has(e.id), `duplicate id ${e.id}`).toBe(false);
      ids.add(e.id);
      expect(TCP_STATES).toContain(e.from);
      expect(TCP_STATES).toContain(e.to);
      expect(e.from).not.toBe(e.to);
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      for (const [x, y] of e.points) expect(inside(x, y), `${e.id} leaves the view box`).toBe(true);
      expect(onBorder(e.from, e.points[0]!), `${e.id} starts off ${e.from}`).toBe(true);
      expect(onBorder(e.to, e.points.at(-1)!), `${e.id} ends off ${e.to}`).toBe(true);
      // Axis-aligned or plain diagonal segments only: no zero-length pieces.
      for (let i = 1; i < e.points.length; i++) {
        expect(e.points[i]).not.toEqual(e.points[i - 1]);
      }
      expect(inside(e.label.x, e.label.y)).toBe(true);
    }
    // One arrow per (from, to) and event, so the last transition of a side lights at most one;
    // two arrows share a pair only where their causes differ (causes.ts picks by rule).
    const pairs = DIAGRAM_EDGES.map((e) => `${e.from}>${e.to} ${e.event}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const notInFigure = DIAGRAM_EDGES.filter((e) => e.notInFigure !== undefined).map((e) => e.id);
    expect(notInFigure).toEqual(['syn-sent-rst']);
  });

  it('draws only transitions that RFC 9293 lists (rfc9293-transitions.csv)', () => {
    for (const e of DIAGRAM_EDGES) {
      const matches = RFC_ROWS.filter(
        (r) =>
          csvState(r.from_state) === e.from &&
          csvState(r.to_state) === e.to &&
          r.event === e.rfcEvent &&
          (e.rfcCondition === undefined || r.condition.includes(e.rfcCondition)),
      );
      expect(matches.length, `${e.id}: ${e.from} --${e.rfcEvent}--> ${e.to}`).toBe(1);
    }
  });

  it('covers the main transitions of Figure 5', () => {
    const main: [TcpState, TcpState][] = [
      ['CLOSED', 'LISTEN'],
      ['CLOSED', 'SYN_SENT'],
      ['LISTEN', 'SYN_RCVD'],
      ['SYN_SENT', 'SYN_RCVD'],
      ['SYN_SENT', 'ESTABLISHED'],
      ['SYN_RCVD', 'ESTABLISHED'],
      ['SYN_RCVD', 'LISTEN'],
      ['ESTABLISHED', 'FIN_WAIT_1'],
      ['ESTABLISHED', 'CLOSE_WAIT'],
      ['FIN_WAIT_1', 'FIN_WAIT_2'],
      ['FIN_WAIT_1', 'CLOSING'],
      ['FIN_WAIT_2', 'TIME_WAIT'],
      ['CLOSING', 'TIME_WAIT'],
      ['CLOSE_WAIT', 'LAST_ACK'],
      ['LAST_ACK', 'CLOSED'],
      ['TIME_WAIT', 'CLOSED'],
    ];
    for (const [from, to] of main) expect(findEdge(from, to), `${from} -> ${to}`).toBeDefined();
    expect(findEdge('ESTABLISHED', 'CLOSED')).toBeUndefined();
  });

  it('writes path data', () => {
    expect(
      pathOf([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('M1 2 L3 4');
  });
});
