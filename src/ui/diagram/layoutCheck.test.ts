// The layout checker itself: widths, rotated boxes, overlaps, coincident arrows.
import { describe, expect, it } from 'vitest';
import { diagramFixture, lostFinalAck } from '../../testing/diagram';
import { DEFAULT_DIAGRAM_LABELS } from './labels';
import {
  boxesOverlap,
  coincidentArrows,
  diagramLayout,
  estimateWidth,
  overlappingPairs,
  textBox,
  type TextBox,
} from './layoutCheck';

const box = (cx: number, cy: number, w: number, h: number, angle = 0): TextBox => ({
  kind: 'k',
  text: 't',
  cx,
  cy,
  w,
  h,
  angle,
});

describe('the layout checker', () => {
  it('counts CJK and symbol glyphs a full em, Latin ones less', () => {
    expect(estimateWidth('ACK', 10)).toBeCloseTo(18.6);
    expect(estimateWidth('重传', 10)).toBe(20);
    expect(estimateWidth('↻', 10)).toBe(10);
    expect(estimateWidth('AB', 10, true)).toBeGreaterThan(estimateWidth('AB', 10));
  });

  it('places a text by its anchor and turns it about its origin', () => {
    const start = textBox({ kind: 'a', text: 'abcd', x: 0, y: 10, size: 10 });
    expect(start.cx).toBeCloseTo(start.w / 2);
    const end = textBox({ kind: 'a', text: 'abcd', x: 0, y: 10, size: 10, anchor: 'end' });
    expect(end.cx).toBeCloseTo(-end.w / 2);
    const turned = textBox({
      kind: 'a',
      text: 'abcd',
      x: 0,
      y: 0,
      size: 10,
      angle: 90,
      origin: { x: 0, y: 0 },
    });
    // Turned a quarter round the origin, a text running right runs down.
    expect(turned.cy).toBeCloseTo(turned.w / 2);
    expect(turned.angle).toBe(90);
  });

  it('tells overlapping rotated boxes from ones whose axis-aligned frames overlap only', () => {
    expect(boxesOverlap(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBe(true);
    expect(boxesOverlap(box(0, 0, 10, 10), box(11, 0, 10, 10))).toBe(false);
    // Two long thin texts slanted in parallel, 12 px apart: their frames overlap, they do not.
    const a = box(0, 0, 200, 10, 20);
    const b = box(0, 12 / Math.cos((20 * Math.PI) / 180), 200, 10, 20);
    expect(boxesOverlap(a, b)).toBe(false);
    // Crossing each other: they do.
    expect(boxesOverlap(box(0, 0, 200, 10, 20), box(0, 0, 200, 10, -20))).toBe(true);
    expect(overlappingPairs([a, b, box(0, 0, 20, 20)]).length).toBe(2);
  });

  it('finds arrows drawn on top of each other', () => {
    const line = { x1: 0, y1: 0, x2: 100, y2: 30 };
    expect(
      coincidentArrows([
        { id: 'a', ...line },
        { id: 'b', ...line, y1: 22, y2: 52 },
      ]),
    ).toEqual([]);
    expect(
      coincidentArrows([
        { id: 'a', ...line },
        { id: 'b', ...line },
      ]),
    ).toEqual([['a', 'b']]);
  });

  it('measures the whole diagram of a run, with a place for every label', () => {
    const { stepper, props } = diagramFixture(lostFinalAck);
    const last = stepper.steps.length;
    const p = props(last);
    const { texts, arrows, places } = diagramLayout({
      ...p,
      width: 640,
      labels: DEFAULT_DIAGRAM_LABELS,
    });
    expect(arrows.length).toBeGreaterThanOrEqual(stepper.segments.length);
    expect(places.size).toBe(p.view.fates.size);
    expect(texts.some((t) => t.kind.startsWith('pill'))).toBe(true);
    expect(texts.some((t) => t.kind === 'scale legend')).toBe(true);
    expect(overlappingPairs(texts)).toEqual([]);
  });
});
