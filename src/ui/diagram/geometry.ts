// Pure drawing maths for the sequence diagram: no React, testable in Node.
import type { Side, SocketOwner } from '../../engine/types';
import type { SegmentFate, SegmentInfo } from '../../lab/types';
import { countBefore } from '../../lab/sortedSearch';
import { interpolate } from '../../i18n';
import type { DiagramLabels } from './labels';

/** How long one arrow takes to fly at `speed` (1× ≈ 600 ms). */
export function arrowDurationMs(speed: number): number {
  return Math.round(600 / clampSpeed(speed));
}

/** How long the shell should wait between steps while playing: the arrow, then a short rest. */
export function stepDurationMs(speed: number): number {
  return Math.round(720 / clampSpeed(speed));
}

function clampSpeed(speed: number): number {
  return Number.isFinite(speed) && speed > 0 ? Math.min(16, Math.max(0.05, speed)) : 1;
}

/** Logical width bounds: one SVG unit is one CSS pixel between them. */
export const MIN_WIDTH = 320;
export const MAX_WIDTH = 920;
/** Space above the first time row (the axis starts at 0). */
export const TOP = 28;
export const BOTTOM = 36;

export interface Layout {
  width: number;
  /** Narrow screens: smaller pills and labels. */
  narrow: boolean;
  /** Right edge of the time gutter. */
  gutter: number;
  x: Record<Side, number>;
  /** Outward direction of each side's lane (state pills, timers): -1 left, +1 right. */
  out: Record<Side, -1 | 1>;
  /** The server's listening socket's thin line, at the outer edge of the server's lane. */
  listener: number;
}

/** Where the line of a socket's owner is drawn: each side's lifeline, or the listener's. */
export function ownerX(layout: Layout, who: SocketOwner): number {
  return who === 'listener' ? layout.listener : layout.x[who];
}

export function layoutFor(containerWidth: number): Layout {
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, containerWidth || 640)));
  const narrow = width < 480;
  // Room for a time such as "241.601 s"; a longer one is condensed to fit (TimeGutter).
  const gutter = narrow ? 50 : 64;
  // The outer lane holds state pills ("ESTABLISHED" ≈ 84 px) and timer bars. Narrow screens hang
  // the pills on the lifeline instead, so the arrows keep most of the width.
  const lane = narrow ? 44 : Math.min(150, 100 + (width - 480) * 0.12);
  return {
    width,
    narrow,
    gutter,
    x: { client: Math.round(gutter + lane), server: Math.round(width - lane) },
    out: { client: -1, server: 1 },
    listener: width - (narrow ? 6 : 12),
  };
}

/** When the segment reaches (or would reach) its receiver, or null if the run never says. */
export function arrivalOf(seg: SegmentInfo): number | null {
  return seg.deliveredAt ?? seg.droppedAt;
}

/** The least an arrow sent this very step is drawn of its path, in pixels of a long flight. */
const MIN_TIP_PX = 64;

/**
 * How far along its path an arrow is drawn at simulated time `t`: delivered 1, dropped ½ (it stops
 * halfway), in flight where it is now, but at least 0.4 so a segment sent this very step is seen
 * (at least `MIN_TIP_PX` of a path `lengthPx` long, when given: 0.4 of a flight that crosses minutes
 * would put its tip far below "now"), and at most ½ when it is going to be dropped (so it never
 * runs past its drop mark).
 */
export function shownFraction(
  seg: SegmentInfo,
  fate: SegmentFate,
  t: number,
  lengthPx?: number,
): number {
  if (fate === 'delivered') return 1;
  if (fate === 'dropped') return 0.5;
  const arrival = arrivalOf(seg);
  const max = seg.droppedAt !== null && seg.deliveredAt === null ? 0.5 : 0.9;
  const least = lengthPx && lengthPx > 0 ? Math.min(0.4, MIN_TIP_PX / lengthPx) : 0.4;
  if (arrival === null || arrival <= seg.sentAt) return Math.min(least, max);
  const f = (t - seg.sentAt) / (arrival - seg.sentAt);
  return Math.min(max, Math.max(least, f));
}

/** A line's length in pixels. */
export function lineLength(line: Line): number {
  return Math.hypot(line.x2 - line.x1, line.y2 - line.y1);
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The full path of a segment: sender at its send time to receiver at its arrival time, each end
 * in its sub-row when it is part of a burst (lab/bursts.ts).
 */
export function segmentLine(
  seg: SegmentInfo,
  layout: Layout,
  y: (t: number, offset?: number) => number,
  arrival: number | null = arrivalOf(seg),
): Line {
  const y1 = y(seg.sentAt, seg.sendOffset);
  const offset = arrival === arrivalOf(seg) ? seg.arriveOffset : 0;
  const y2 = arrival === null ? y1 + 28 : Math.max(y1, y(arrival, offset));
  return { x1: layout.x[seg.from], y1, x2: layout.x[seg.to], y2 };
}

export function pointAt(line: Line, f: number): { x: number; y: number } {
  return { x: line.x1 + (line.x2 - line.x1) * f, y: line.y1 + (line.y2 - line.y1) * f };
}

export function angleOf(line: Line): number {
  return (Math.atan2(line.y2 - line.y1, line.x2 - line.x1) * 180) / Math.PI;
}

/** The visible label's numbers, relative or absolute. */
export function numbersOf(
  seg: SegmentInfo,
  numbering: 'relative' | 'absolute',
): { seq: number; ack: number | null } {
  const hasAck = seg.flags.includes('ACK');
  if (numbering === 'absolute') return { seq: seg.seq, ack: hasAck ? seg.ack : null };
  return { seq: seg.relSeq, ack: hasAck ? seg.relAck : null };
}

export function segmentText(
  seg: SegmentInfo,
  numbering: 'relative' | 'absolute',
  labels: DiagramLabels,
): string {
  const { seq, ack } = numbersOf(seg, numbering);
  const parts = [seg.flags.join(','), interpolate(labels.seq, { seq })];
  if (ack !== null) parts.push(interpolate(labels.ack, { ack }));
  if (seg.len > 0) parts.push(interpolate(labels.len, { len: seg.len }));
  return parts.join(' ');
}

/** Rough width of monospace text (labels and pills use it): no layout reads. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

export const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
const SYMBOL = /[\u2190-\u2bff]/u;

/** How wide a text is at most: a full em for CJK and symbols, 0.62 em (0.66 bold) for the rest. */
export function estimateWidth(text: string, fontSize: number, bold = false): number {
  let w = 0;
  for (const ch of text) {
    if (WIDE.test(ch) || SYMBOL.test(ch)) w += fontSize;
    else w += fontSize * (bold ? 0.66 : 0.62);
  }
  return w;
}

/** Time labels for the gutter: the axis rows, thinned so that they never overlap. */
export function tickTimes(
  points: readonly { t: number; y: number }[],
  upToY: number,
  minGap = 16,
): { t: number; y: number }[] {
  const out: { t: number; y: number }[] = [];
  let lastY = -Infinity;
  for (const p of points) {
    if (p.y > upToY) break;
    if (p.y - lastY >= minGap) {
      out.push(p);
      lastY = p.y;
    }
  }
  return out;
}

/**
 * The time labels shown: those of the whole run's `tickTimes` drawn down to `upToY` (the same as
 * tickTimes up to there, as the choice is made from the top) and, for a long run, only those
 * between `within`'s top and bottom. All ys are the axis's, without the drawing's top margin.
 */
export function ticksShown(
  all: readonly { t: number; y: number }[],
  upToY: number,
  within: { top: number; bottom: number } | null,
): readonly { t: number; y: number }[] {
  const yAt = (i: number) => all[i]?.y ?? Infinity;
  const end = countBefore(all.length, yAt, upToY, true);
  if (!within) return all.slice(0, end);
  return all.slice(
    countBefore(end, yAt, within.top, false),
    countBefore(end, yAt, within.bottom, true),
  );
}
