// The layout checker: every text the diagram draws at a step as a rotated box, measured without a
// DOM from the same placement functions the components draw with (./place.ts and friends), and
// the pairs that overlap; every arrow drawn, and the pairs that coincide. Widths come from a
// character-width estimate that errs wide (CJK and symbol glyphs take a full em), heights from the
// fonts' ascent and descent, so that a browser measuring getBBox() finds no more than this does.
import { interpolate } from '../../i18n';
import type { StateChange } from '../../lab/stateChanges';
import type { SegmentInfo, StepView, TimeAxis } from '../../lab/types';
import { crossingIds, pointsOf } from './arrowsMeet';
import {
  BOTTOM,
  layoutFor,
  pointAt,
  segmentLine,
  segmentText,
  shownFraction,
  lineLength,
  textWidth,
  tickTimes,
  TOP,
  type Layout,
  WIDE,
  estimateWidth,
  type Line,
} from './geometry';
import type { DiagramLabels } from './labels';
import { breakDuration } from './AxisBreaks';
import {
  CALL_HEIGHT,
  DROP_TEXT_RISE,
  labelLines,
  labelOffsets,
  PILL_HALF,
  pillBox,
  pillCentres,
  placeCalls,
  placeLabel,
  placeTimers,
  scaleMarks,
  TIMER_LINE,
  type LabelPlace,
} from './place';
import { legendAt, legendText } from './ScaleMarks';
import { badgesOf } from './SegmentArrow';
import { socketSpans } from './sockets';
import { NEW_SOCKET_LIFT } from './Sockets';

export { estimateWidth };

/** A text (or a tag with its frame) as drawn: centre, size, turned `angle` degrees about its centre. */
export interface TextBox {
  kind: string;
  text: string;
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
}

/** Ascent and descent as getBBox() counts them: Latin fonts, or a CJK fallback's taller ones. */
function metrics(text: string, fontSize: number): { ascent: number; descent: number } {
  return WIDE.test(text)
    ? { ascent: 1.16 * fontSize, descent: 0.3 * fontSize }
    : { ascent: 0.96 * fontSize, descent: 0.26 * fontSize };
}

interface TextSpec {
  kind: string;
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  /** Turned `angle` degrees about `origin` (SVG's rotate(angle ox oy)). */
  angle?: number;
  origin?: { x: number; y: number };
  /** Squeezed to this width (textLength). */
  maxWidth?: number;
}

export function textBox(spec: TextSpec): TextBox {
  const w = Math.min(spec.maxWidth ?? Infinity, estimateWidth(spec.text, spec.size, spec.bold));
  const { ascent, descent } = metrics(spec.text, spec.size);
  const ly = spec.y - ascent + (ascent + descent) / 2;
  return turned(spec, spec.text, w, ascent + descent, ly);
}

/** A box `w` × `h` centred at `ly` (and across `spec.x` as anchored), turned about its origin. */
function turned(spec: TextSpec, text: string, w: number, h: number, ly: number): TextBox {
  const anchor = spec.anchor ?? 'start';
  const lx = spec.x + (anchor === 'middle' ? 0 : anchor === 'end' ? -w / 2 : w / 2);
  const angle = spec.angle ?? 0;
  const o = spec.origin ?? { x: lx, y: ly };
  const a = (angle * Math.PI) / 180;
  const dx = lx - o.x;
  const dy = ly - o.y;
  return {
    kind: spec.kind,
    text,
    cx: o.x + dx * Math.cos(a) - dy * Math.sin(a),
    cy: o.y + dx * Math.sin(a) + dy * Math.cos(a),
    w,
    h,
    angle,
  };
}

/**
 * One box round the lines of one <text> (its tspans), as getBBox() measures it: as wide as its
 * widest line, from the first line's top to the last's bottom, turned with them.
 */
export function textBlock(specs: readonly TextSpec[]): TextBox {
  const first = specs[0];
  if (!first) throw new Error('textBlock: no lines');
  if (specs.length === 1) return textBox(first);
  const flat = specs.map((spec) => textBox({ ...spec, angle: 0 }));
  const w = Math.max(...flat.map((b) => b.w));
  const top = Math.min(...flat.map((b) => b.cy - b.h / 2));
  const bottom = Math.max(...flat.map((b) => b.cy + b.h / 2));
  const text = specs.map((spec) => spec.text).join(' ');
  return turned(first, text, w, bottom - top, (top + bottom) / 2);
}

function corners(b: TextBox): [number, number][] {
  const a = (b.angle * Math.PI) / 180;
  const ux = [Math.cos(a), Math.sin(a)];
  const uy = [-Math.sin(a), Math.cos(a)];
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([sx = 0, sy = 0]) => [
    b.cx + (sx * b.w * (ux[0] ?? 0)) / 2 + (sy * b.h * (uy[0] ?? 0)) / 2,
    b.cy + (sx * b.w * (ux[1] ?? 0)) / 2 + (sy * b.h * (uy[1] ?? 0)) / 2,
  ]);
}

/** Whether two rotated boxes overlap by more than `tolerance` px (separating axis theorem). */
export function boxesOverlap(p: TextBox, q: TextBox, tolerance = 0.25): boolean {
  const cp = corners(p);
  const cq = corners(q);
  for (const b of [p, q]) {
    const a = (b.angle * Math.PI) / 180;
    for (const [ax, ay] of [
      [Math.cos(a), Math.sin(a)],
      [-Math.sin(a), Math.cos(a)],
    ] as const) {
      const proj = (cs: [number, number][]) => cs.map(([x, y]) => x * ax + y * ay);
      const pp = proj(cp);
      const pq = proj(cq);
      const gap = Math.min(Math.max(...pp) - Math.min(...pq), Math.max(...pq) - Math.min(...pp));
      if (gap <= tolerance) return false;
    }
  }
  return true;
}

export function overlappingPairs(boxes: readonly TextBox[]): [TextBox, TextBox][] {
  const out: [TextBox, TextBox][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i] as TextBox;
      const q = boxes[j] as TextBox;
      // Far apart: no need for the exact test.
      const reach = (p.w + p.h + q.w + q.h) / 2;
      if (Math.abs(p.cx - q.cx) > reach || Math.abs(p.cy - q.cy) > reach) continue;
      if (boxesOverlap(p, q)) out.push([p, q]);
    }
  }
  return out;
}

/** Arrows that lie on each other: leaving (or arriving) at one point in one direction. */
export function coincidentArrows(lines: readonly (Line & { id: string })[]): [string, string][] {
  const out: [string, string][] = [];
  const dir = (l: Line) => Math.atan2(l.y2 - l.y1, l.x2 - l.x1);
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const p = lines[i] as Line & { id: string };
      const q = lines[j] as Line & { id: string };
      if (Math.abs(dir(p) - dir(q)) > 0.02) continue;
      const near = (ax: number, ay: number, bx: number, by: number) =>
        Math.hypot(ax - bx, ay - by) < 2;
      if (near(p.x1, p.y1, q.x1, q.y1) || near(p.x2, p.y2, q.x2, q.y2)) out.push([p.id, q.id]);
    }
  }
  return out;
}

export interface CheckInput {
  segments: readonly SegmentInfo[];
  view: StepView;
  axis: TimeAxis & { points?: readonly { t: number; y: number }[] };
  stateChanges: readonly StateChange[];
  width: number;
  labels: DiagramLabels;
  numbering?: 'relative' | 'absolute';
}

/** Along the arrow, then off it: where a label may go, best first. */
/** The gap a label keeps from other texts: real glyphs differ a little from the estimate. */
const CLEARANCE = 1.5;
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88];
const LIFTS = [0, 1, 2, 3, 4];
/** A phone's crowded teardown may need a label farther off (joined to its arrow by a leader). */
const NARROW_LIFTS = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/**
 * Every text box and arrow of the diagram at one step, as Diagram draws them, and where each
 * segment's label goes: the texts that cannot move (pills, tags, timers, the gutter, breaks, marks)
 * are placed first, then each label in the order its segment was sent, at the first place along
 * its arrow (above it or below, lifted off it by up to two lines) that overlaps nothing placed.
 */
export function diagramLayout(input: CheckInput): {
  texts: TextBox[];
  arrows: (Line & { id: string })[];
  places: Map<number, LabelPlace>;
} {
  const { segments, view, axis, stateChanges, labels } = input;
  const layout = layoutFor(input.width);
  const narrow = layout.narrow;
  const y = (t: number, offset?: number) => TOP + axis.y(t, offset);
  const crossing = crossingIds(segments, axis.y);
  const byId = new Map(segments.map((s) => [s.id, s]));
  const texts: TextBox[] = [];
  const arrows: (Line & { id: string })[] = [];
  const nowY = y(view.t);
  let bottom = view.step > 0 ? nowY : TOP;
  const drawn: { seg: SegmentInfo; line: Line; frac: number; below: boolean }[] = [];
  const drops: { x: number; y: number }[] = [];

  for (const [id, fate] of view.fates) {
    const seg = byId.get(id);
    if (!seg) continue;
    const line = segmentLine(seg, layout, y);
    const frac = shownFraction(seg, fate, view.t, lineLength(line));
    const tip = pointAt(line, frac);
    if (fate === 'in-flight') bottom = Math.max(bottom, tip.y);
    arrows.push({ id: `seg ${id}`, x1: line.x1, y1: line.y1, x2: tip.x, y2: tip.y });
    drawn.push({ seg, line, frac, below: crossing.has(id) || fate !== 'delivered' });
    if (fate === 'dropped') {
      drops.push(tip);
      texts.push(
        textBox({
          kind: `drop ${id}`,
          text: labels.dropped,
          x: tip.x,
          y: tip.y - DROP_TEXT_RISE,
          size: 9.5,
          anchor: 'middle',
          bold: true,
        }),
      );
    }
    seg.copies.forEach((copy, i) => {
      if (copy.step > view.step) return;
      const copyLine = segmentLine(seg, layout, y, copy.t);
      arrows.push({ id: `copy ${id}.${i}`, ...copyLine });
      const mid = pointAt(copyLine, 0.62);
      texts.push(
        textBox({
          kind: `copy ${id}.${i}`,
          text: labels.duplicate,
          x: mid.x,
          y: mid.y + 14,
          size: 9.5,
          anchor: 'middle',
          bold: true,
        }),
      );
    });
  }
  for (const timer of view.timers) bottom = Math.max(bottom, y(timer.due) + 8);
  for (const change of stateChanges) bottom = Math.max(bottom, y(change.t) + 10);
  for (const call of view.appCalls) bottom = Math.max(bottom, y(call.t) + 10);
  const breaks = axis.breaks.filter((b) => TOP + b.y < bottom);
  texts.push(...fixedTexts(input, layout, y, breaks, nowY, drops));
  // The scale's legend at the foot of the gutter.
  const height = Math.max(bottom, TOP + axis.height) + BOTTOM + 28;
  const points = axis.points ?? pointsOf(segments, axis.y);
  const { unit } = scaleMarks(points, y, axis.breaks, view.t);
  const legend = legendText(axis.pxPerMs != null, unit, labels);
  texts.push(textBox({ kind: 'scale legend', text: legend, ...legendAt(height), size: 9.5 }));

  const places = new Map<number, LabelPlace>();
  const size = narrow ? 10 : 11;
  for (const { seg, line, frac, below } of drawn) {
    const text = segmentText(seg, input.numbering ?? 'relative', labels);
    const badges = badgesOf(seg, labels).join(' · ');
    const widthOf = (split: boolean) =>
      Math.max(...labelLines(text, split).map((line) => textWidth(line, size)));
    const boxesAt = (place: LabelPlace): TextBox[] => {
      const dy = labelOffsets(place, size);
      const turned = { x: place.x, anchor: 'middle' as const, angle: place.turn, origin: place };
      const out = [
        textBlock(
          labelLines(text, place.split).map((line, k) => ({
            kind: `label ${seg.id}`,
            text: line.trimEnd(),
            y: place.y + (dy.lines[k] ?? 0),
            size,
            ...turned,
          })),
        ),
      ];
      if (badges) {
        const b = { kind: `badge ${seg.id}`, text: badges, y: place.y + dy.badge, size: 9.5 };
        out.push(textBox({ ...b, bold: true, ...turned }));
      }
      return out;
    };
    const sides = below ? (['below', 'above'] as const) : (['above', 'below'] as const);
    // Where nothing is free, the place that covers the fewest texts.
    let best: { place: LabelPlace; boxes: TextBox[]; hits: number } | null = null;
    // One line where it fits; on two lines (half as wide) where nothing else does. A phone tries
    // two lines before lifting a label further off its arrow, which would leave it far from it.
    const tries = narrow
      ? NARROW_LIFTS.flatMap((lift) => [false, true].map((split) => ({ split, lift })))
      : [false, true].flatMap((split) => LIFTS.map((lift) => ({ split, lift })));
    search: for (const { split, lift } of tries) {
      const width = widthOf(split);
      for (const along of ALONG) {
        for (const where of sides) {
          const at = placeLabel(line, frac, layout, width, along);
          const place: LabelPlace = split ? { ...at, where, lift, split } : { ...at, where, lift };
          const boxes = boxesAt(place);
          let hits = 0;
          for (const b of boxes)
            for (const o of texts) if (near(b, o) && boxesOverlap(b, o, -CLEARANCE)) hits++;
          if (!best || hits < best.hits) best = { place, boxes, hits };
          if (hits === 0) break search;
        }
      }
    }
    if (best) {
      places.set(seg.id, best.place);
      texts.push(...best.boxes);
    }
  }
  return { texts, arrows, places };
}

function near(p: TextBox, q: TextBox): boolean {
  const reach = (p.w + p.h + q.w + q.h) / 2;
  return Math.abs(p.cx - q.cx) <= reach && Math.abs(p.cy - q.cy) <= reach;
}

/** The texts that stay where they are: pills, tags, timers, gutter, breaks, the sockets' marks. */
function fixedTexts(
  input: CheckInput,
  layout: Layout,
  y: (t: number) => number,
  breaks: TimeAxis['breaks'],
  nowY: number,
  drops: readonly { x: number; y: number }[],
): TextBox[] {
  const { view, stateChanges, labels, segments, axis } = input;
  const narrow = layout.narrow;
  const texts: TextBox[] = [];
  const breakYs = breaks.map((b) => TOP + b.y);
  // State pills and application calls: their frames.
  const centres = pillCentres(stateChanges, y, layout);
  for (const change of stateChanges) {
    const cy = centres.get(change.index);
    if (change.who === 'listener' || cy === undefined) continue;
    const { x, w } = pillBox(change.to, change.who, layout);
    const kind = `pill ${change.index}`;
    texts.push({ kind, text: change.to, cx: x + w / 2, cy, w, h: 2 * PILL_HALF, angle: 0 });
  }
  // Tags keep clear of every break of the run, as the diagram places them (./AppCalls.tsx).
  const runBreakYs = axis.breaks.map((b) => TOP + b.y);
  for (const c of placeCalls(view.appCalls, stateChanges, y, layout, runBreakYs)) {
    const kind = `call ${c.call.index}`;
    const w = c.width;
    texts.push({ kind, text: c.text, cx: c.x + w / 2, cy: c.cy, w, h: CALL_HEIGHT, angle: 0 });
  }
  // Timers: the name's lines and the due time are one text, one box round them all.
  for (const p of placeTimers(
    view.timers,
    view.t,
    y,
    layout,
    labels,
    breakYs,
    stateChanges,
    view.appCalls,
    drops,
  )) {
    const size = narrow ? 8.5 : 9.5;
    const kind = `timer ${p.timer.who} ${p.timer.timer}`;
    texts.push(
      textBlock(
        [...p.lines, p.due].map((text, k) => ({
          kind,
          text,
          x: p.tx,
          y: p.ty + k * TIMER_LINE,
          size,
          anchor: p.anchor,
          bold: true,
        })),
      ),
    );
  }
  // The gutter: title, times up to now, now (squeezed to the gutter when too long).
  const gx = layout.gutter - 8;
  const gutter = { x: gx, anchor: 'end' as const, maxWidth: gx - 2, size: narrow ? 9.5 : 10 };
  texts.push(
    textBox({ kind: 'axis title', text: labels.timeAxis, ...gutter, y: TOP - 14, size: 10 }),
  );
  const points = axis.points ?? pointsOf(segments, axis.y);
  for (const p of tickTimes(points, nowY - TOP - 15)) {
    const text = labels.duration(p.t);
    texts.push(textBox({ kind: `tick ${p.t}`, text, ...gutter, y: TOP + p.y + 3.5 }));
  }
  if (view.step > 0) {
    const text = labels.duration(view.t);
    texts.push(textBox({ kind: 'now', text, ...gutter, y: nowY + 3.5, bold: true }));
  }
  for (const b of breaks) {
    const text = interpolate(labels.compressedBreak, { duration: breakDuration(b, labels) });
    const x = (layout.x.client + layout.x.server) / 2;
    const spec = { kind: `break ${b.from}`, text, x, y: TOP + b.y + 4, size: 11 };
    texts.push(textBox({ ...spec, anchor: 'middle', bold: true }));
  }
  // Sockets: the listener's name down its line, "new socket" marks.
  for (const span of socketSpans(stateChanges)) {
    if (span.who !== 'listener') continue;
    const y0 = y(span.from);
    const y1 = Math.max(y0, y(span.to ?? view.t));
    const name = labels.sides.listener;
    if (y1 - y0 <= textWidth(name, 9) + 12) continue;
    const x = layout.listener - 9;
    const origin = { x, y: y0 + 8 };
    texts.push(
      textBox({ kind: 'listener', text: name, ...origin, size: 9, bold: true, angle: 90, origin }),
    );
  }
  if (!narrow) {
    for (const change of stateChanges) {
      if (!change.newSocket) continue;
      const spec = { kind: `new socket ${change.index}`, text: labels.newSocket, size: 9 };
      const at = { x: layout.listener - 5, y: y(change.t) - NEW_SOCKET_LIFT };
      texts.push(textBox({ ...spec, ...at, anchor: 'end', bold: true }));
    }
  }
  return texts;
}
