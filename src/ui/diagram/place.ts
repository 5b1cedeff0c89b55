// Where the diagram's texts go, as pure functions: the components draw what these return, and the
// layout checker (./layoutCheck.ts) measures the same places, so a test of the checker is a test
// of the picture.
import type { SocketOwner } from '../../engine/types';
import type { StateChange } from '../../lab/stateChanges';
import type { AppCallMark, RunningTimer } from '../../lab/types';
import { estimateWidth, pointAt, textWidth, type Layout, type Line } from './geometry';
import type { DiagramLabels } from './labels';
import { appCallTag } from './sockets';
import { interpolate } from '../../i18n';
import { finish, pauses, type Work } from '../../lab/slices';
import { countBefore } from '../../lab/sortedSearch';

/** A segment's label and badges, relative to the label's anchor on the arrow (SVG text y). */
export const LABEL_DY = { above: -5, below: 13 } as const;
export const BADGE_DY = { above: -19, below: 27 } as const;
/** How far one step of moving a label off its arrow takes it (to clear another text). */
export const LABEL_LIFT = 12;

/** Where a segment's label goes: its anchor on the arrow, its turn, its side and lift. */
export interface LabelPlace {
  x: number;
  y: number;
  turn: number;
  where: 'above' | 'below';
  lift: number;
  /**
   * On two lines, the flags over the numbers: half as wide, for a narrow screen where crossing
   * arrows leave no room for two labels in one line each.
   */
  split?: boolean;
}

/** The distance between a split label's two baselines, for a label of `size` px. */
export const labelLine = (size: number) => Math.ceil(size * 1.25);

/**
 * A label's text as drawn: one line, or (split) the flags and the numbers. The first line keeps
 * a trailing space, so the label's text content reads as one line would.
 */
export function labelLines(text: string, split: boolean | undefined): string[] {
  const cut = text.indexOf(' ');
  if (!split || cut < 0) return [text];
  return [text.slice(0, cut + 1), text.slice(cut + 1)];
}

/**
 * The baselines, relative to the anchor and turned with it, of the label's lines (one or two,
 * the first nearest the top) and of the badges: a split label grows away from its arrow.
 */
export function labelOffsets(
  place: Pick<LabelPlace, 'where' | 'lift' | 'split'>,
  size = 11,
): { lines: number[]; badge: number } {
  const sign = place.where === 'above' ? -1 : 1;
  const base = LABEL_DY[place.where] + place.lift * LABEL_LIFT * sign;
  const badge = BADGE_DY[place.where] + place.lift * LABEL_LIFT * sign;
  if (!place.split) return { lines: [base], badge };
  const line = labelLine(size);
  return {
    lines: place.where === 'above' ? [base - line, base] : [base, base + line],
    badge: badge + sign * line,
  };
}

/**
 * How far up and down a placed label reaches (its lines and the badges' line, turned with it):
 * the camera keeps the label of what a step changed in view with its arrow.
 */
export function labelReach(
  place: LabelPlace,
  text: string,
  narrow: boolean,
): { top: number; bottom: number } {
  const size = narrow ? 10 : 11;
  const { lines, badge } = labelOffsets(place, size);
  const offsets = [...lines, badge];
  const w = Math.max(...labelLines(text, place.split).map((line) => textWidth(line, size)));
  const slant = (w / 2) * Math.abs(Math.sin((place.turn * Math.PI) / 180));
  return {
    top: place.y + Math.min(...offsets) - size - slant,
    bottom: place.y + Math.max(...offsets) + 0.3 * size + slant,
  };
}

/**
 * Where a segment's label sits: along the drawn part of the arrow, its middle kept far enough from
 * both lifelines that the text does not run over them; turned with the arrow unless that is steep.
 */
export function placeLabel(
  line: Line,
  frac: number,
  layout: Layout,
  width: number,
  /** Where along the drawn part the label's middle goes (a half by default). */
  along = 0.5,
): { x: number; y: number; turn: number } {
  const left = Math.min(layout.x.client, layout.x.server);
  const right = Math.max(layout.x.client, layout.x.server);
  const span = line.x2 - line.x1;
  // Text turns with the arrow's slope (never upside down), unless that is steep.
  const slope = span === 0 ? 0 : (line.y2 - line.y1) / span;
  const a = (Math.atan(slope) * 180) / Math.PI;
  const turn = Math.abs(a) <= 35 ? a : 0;
  // Narrow screens hang the state pills on the lifelines: keep clear of them too.
  const reach = (Math.cos((turn * Math.PI) / 180) * width) / 2 + (layout.narrow ? 36 : 6);
  const visible = pointAt(line, frac >= 1 ? along : frac * along + 0.05);
  let cx = visible.x;
  if (right - left > reach * 2) cx = Math.min(right - reach, Math.max(left + reach, cx));
  else cx = (left + right) / 2;
  const f = span === 0 ? 0.5 : (cx - line.x1) / span;
  const p = pointAt(line, Math.min(1, Math.max(0, f)));
  return { x: Number(p.x.toFixed(1)), y: Number(p.y.toFixed(1)), turn: Number(turn.toFixed(1)) };
}

export const CALL_FONT = 9.5;
/** How far above a dropped arrow's end its "Dropped" sits (its baseline). */
export const DROP_TEXT_RISE = 12;
/** Half the height of a compressed break's band (AxisBreaks). */
export const BREAK_HALF = 9;
const CALL_HEIGHT = 14;
/** The tag sits this far above the call's time: clear of the arrows leaving at that instant. */
const LIFT = 15;
/** Calls of one owner closer than this stack upward instead of covering each other. */
const STACK = CALL_HEIGHT + 2;
export { CALL_HEIGHT };

/** Half a state pill's height. */
export const PILL_HALF = 8;

/**
 * Where each connection state change's pill is centred (by the change's index): two changes at
 * one instant stack instead of covering each other, and on narrow screens a pill hangs on the
 * lifeline just under its change, clear of the arrows.
 */
export function pillCentres(
  changes: readonly StateChange[],
  y: (t: number) => number,
  layout: Layout,
): Map<number, number> {
  const lastY = { client: -Infinity, server: -Infinity };
  const out = new Map<number, number>();
  for (const change of changes) {
    const side = change.who;
    if (side === 'listener') continue;
    const cy = Math.max(y(change.t) + (layout.narrow ? 12 : 0), lastY[side] + 17);
    lastY[side] = cy;
    out.set(change.index, cy);
  }
  return out;
}

/** A pill's box: its left edge, width, and where its tie meets it. */
export function pillBox(state: string, side: 'client' | 'server', layout: Layout) {
  const w = textWidth(state, layout.narrow ? 8.5 : 9.5) + 10;
  const edge = layout.narrow ? layout.x[side] : layout.x[side] + layout.out[side] * 15;
  const x = layout.narrow ? edge - w / 2 : layout.out[side] < 0 ? edge - w : edge;
  return { x, w, edge };
}

/**
 * Where a tag `width` wide starts. Wide screens: on the inner side of the client's and the server's
 * lifelines (the outer lanes hold the state pills), on the server's side of the listener's line.
 * Narrow ones, where the arrows are short and their labels reach the lifelines: centred on the
 * line (the pills hang below the instant there), kept between the time gutter and the edge.
 */
function tagX(
  layout: Layout,
  who: SocketOwner,
  line: number,
  width: number,
  onPill: boolean,
): number {
  const inner = who === 'client' ? line + 5 : line - 5 - width;
  // A pill stacked under an earlier change would sit under a centred tag: beside it, then.
  if (!layout.narrow || who === 'listener' || onPill) return inner;
  const low = layout.gutter + 2;
  const high = layout.listener - 4 - width;
  return Math.max(low, Math.min(high, line - width / 2));
}

export interface PlacedCall {
  call: AppCallMark;
  /** The call's instant, and the tag's centre line. */
  at: number;
  cy: number;
  x: number;
  width: number;
  text: string;
}

/** Every call's tag, stacked where calls of one owner come at (nearly) one instant. */
export function placeCalls(
  calls: readonly AppCallMark[],
  changes: readonly StateChange[],
  y: (t: number) => number,
  layout: Layout,
  /** Where compressed breaks are drawn: a tag is never on one. */
  breakYs: readonly number[] = [],
): PlacedCall[] {
  const { placed, count } = callPlacer(changes, y, layout, breakYs)(calls);
  return placed.slice(0, count);
}

/**
 * placeCalls for a run shown step by step: a call's tag depends only on the calls before it, so
 * the tags placed so far are kept and a step places only its new calls (a long capture has a call
 * for every segment). Given the calls up to a step (a prefix of the run's, as the view gives them),
 * it returns the tags placed so far, of which the first `count` are theirs (no copy per step); any
 * other list starts afresh.
 */
export function callPlacer(
  changes: readonly StateChange[],
  y: (t: number) => number,
  layout: Layout,
  breakYs: readonly number[] = [],
): CallPlacer {
  const max = layout.narrow ? 15 : 26;
  type Pill = { cy: number; x0: number; x1: number };
  const pills: Record<SocketOwner, Pill[]> = { client: [], server: [], listener: [] };
  if (layout.narrow) {
    const centres = pillCentres(changes, y, layout);
    for (const change of changes) {
      const cy = centres.get(change.index);
      if (cy === undefined) continue;
      const box = change.who === 'listener' ? null : pillBox(change.to, change.who, layout);
      pills[change.who].push({ cy, x0: box?.x ?? 0, x1: box ? box.x + box.w : 0 });
    }
  }
  // In order, so that a tag looks only at the breaks near it.
  const breaksDown = [...breakYs].sort((a, b) => a - b);
  const BREAK_CLEAR = BREAK_HALF + CALL_HEIGHT / 2;
  let taken: Record<SocketOwner, number[]> = { client: [], server: [], listener: [] };
  let placed: PlacedCall[] = [];
  const widths = new Map<string, number>();

  const place = (call: AppCallMark): PlacedCall => {
    const at = y(call.t);
    // Times only grow, so only the last few tags of the owner can be in the way.
    const mine = taken[call.who];
    const nearFrom = Math.max(0, mine.length - 8);
    const inTheWay = (cy: number) => {
      for (let i = nearFrom; i < mine.length; i++) {
        if (Math.abs((mine[i] as number) - cy) < STACK) return true;
      }
      return false;
    };
    let cy = at - LIFT;
    while (inTheWay(cy)) cy -= STACK;
    // A call made right after a break would sit on it: under the break, on the call's side of it.
    // A tag only ever moves down past a break, so the breaks above it never matter again.
    for (
      let i = countBefore(
        breaksDown.length,
        (k) => breaksDown[k] ?? Infinity,
        cy - BREAK_CLEAR,
        true,
      );
      i < breaksDown.length;
      i++
    ) {
      const b = breaksDown[i] ?? Infinity;
      if (b - cy >= BREAK_CLEAR) break;
      if (Math.abs(b - cy) < BREAK_CLEAR) cy = b + BREAK_CLEAR + 1;
    }
    // Narrow screens: a pill stacked under an earlier change may sit where a centred tag goes.
    // Just under it, if that still clears the arrows at this instant; else beside the lifeline.
    let onPill: Pill | null = null;
    for (const pill of pills[call.who]) {
      if (Math.abs(pill.cy - cy) >= PILL_HALF + CALL_HEIGHT / 2 + 1) continue;
      const under = pill.cy + PILL_HALF + CALL_HEIGHT / 2 + 1;
      if (under <= at - CALL_HEIGHT / 2 - 2) cy = under;
      else onPill = pill;
    }
    mine.push(cy);
    const text = appCallTag(call, max);
    // A long run's tags repeat a handful of texts: each is measured once.
    let width = widths.get(text);
    if (width === undefined) widths.set(text, (width = textWidth(text, CALL_FONT) + 10));
    const line = call.who === 'listener' ? layout.listener : layout.x[call.who];
    let x = tagX(layout, call.who, line, width, onPill !== null);
    // Beside the lifeline is still on a pill hung on it: past the pill's inner edge.
    if (onPill && onPill.x1 > onPill.x0) {
      x = call.who === 'client' ? Math.max(x, onPill.x1 + 3) : Math.min(x, onPill.x0 - 3 - width);
    }
    return { call, at, cy, x, width, text };
  };

  const placeFor: CallPlacer = (calls) => {
    const shared = Math.min(calls.length, placed.length);
    // The same run when the last call both lists have is the same one (the view hands out slices
    // of one list).
    if (shared > 0 && calls[shared - 1] !== placed[shared - 1]?.call) {
      taken = { client: [], server: [], listener: [] };
      placed = [];
    }
    for (let i = placed.length; i < calls.length; i++) placed.push(place(calls[i] as AppCallMark));
    return { placed, count: calls.length };
  };
  placeFor.ahead = function* (all) {
    const pause = pauses(256);
    for (let i = placed.length; i < all.length; i++) {
      if (pause()) yield;
      // Started afresh for another run meanwhile, or placed further by a step: stop here.
      if (placed.length !== i || (i > 0 && placed[i - 1]?.call !== all[i - 1])) return;
      placed.push(place(all[i] as AppCallMark));
    }
  };
  return placeFor;
}

/** Tags for the calls up to a step (see callPlacer). */
export interface CallPlacer {
  (calls: readonly AppCallMark[]): { placed: readonly PlacedCall[]; count: number };
  /** Places the run's later calls ahead of the steps that show them, pausing as it goes: run while
   * the page is idle, it makes a later jump cheap. */
  ahead(all: readonly AppCallMark[]): Work<void>;
}

export interface PlacedTimer {
  timer: RunningTimer;
  /** The bar's x, top, due end and how far it has run. */
  x: number;
  y0: number;
  y1: number;
  yNow: number;
  /** The name's lines and the due time, from baseline `ty`, 11 px apart, anchored at `tx`. */
  lines: string[];
  due: string;
  tx: number;
  ty: number;
  anchor: 'start' | 'end';
}

export const TIMER_LINE = 11;

/** Running timers beside their lifelines, each named at its due end (or under its start). */
export function placeTimers(
  timers: readonly RunningTimer[],
  nowT: number,
  y: (t: number) => number,
  layout: Layout,
  labels: DiagramLabels,
  breakYs: readonly number[],
  /** The state changes shown: a timer's name moves down, off their pills. */
  changes: readonly StateChange[] = [],
  /** The application calls shown: off their tags too. */
  calls: readonly AppCallMark[] = [],
  /** Where dropped arrows end (their ✕ and "Dropped" above it): off those too. */
  drops: readonly { x: number; y: number }[] = [],
  /** The calls' tags when placed already (the diagram keeps them as the run goes on). */
  tags?: readonly PlacedCall[],
): PlacedTimer[] {
  const lane = { client: 0, server: 0 };
  const centres = pillCentres(changes, y, layout);
  const pills: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const change of changes) {
    const cy = centres.get(change.index);
    if (change.who === 'listener' || cy === undefined) continue;
    const { x, w } = pillBox(change.to, change.who, layout);
    pills.push({ x0: x, x1: x + w, y0: cy - PILL_HALF, y1: cy + PILL_HALF });
  }
  for (const drop of drops) {
    pills.push({
      x0: drop.x - 28,
      x1: drop.x + 28,
      y0: drop.y - DROP_TEXT_RISE - 10,
      y1: drop.y + 8,
    });
  }
  // A break's band runs across the drawing: a name moves off it too.
  for (const b of breakYs) {
    pills.push({ x0: -Infinity, x1: Infinity, y0: b - BREAK_HALF, y1: b + BREAK_HALF });
  }
  for (const tag of tags ??
    (calls.length > 0 ? placeCalls(calls, changes, y, layout, breakYs) : [])) {
    const half = CALL_HEIGHT / 2;
    pills.push({ x0: tag.x, x1: tag.x + tag.width, y0: tag.cy - half, y1: tag.cy + half });
  }
  const size = layout.narrow ? 8.5 : 9.5;
  return timers.map((timer) => {
    const side = timer.who;
    const i = lane[side]++;
    const out = layout.out[side];
    const x = layout.x[side] + out * (6 + i * 7);
    const y0 = y(timer.setAt);
    const y1 = Math.max(y0 + 4, y(timer.due));
    const yNow = Math.min(y1, Math.max(y0, y(nowT)));
    const name = labels.timers[timer.timer];
    const [first, ...rest] = name.split(' (');
    const lines = rest.length ? [first ?? name, `(${rest.join(' (')}`] : [name];
    const due = interpolate(labels.due, { time: labels.duration(timer.due) });
    // Narrow screens have no room outside the lifelines: the name goes on the inner side.
    const side_ = layout.narrow ? -out : out;
    const tx = layout.x[side] + side_ * 17;
    // Named at its due end, where nothing else is drawn until it fires, unless a break is there.
    let ty = breakYs.some((b) => b > y1 - 50 && b < y1 + 10)
      ? y0 + 24
      : y1 - 6 - lines.length * TIMER_LINE;
    const w = Math.max(...[...lines, due].map((l) => estimateWidth(l, size, true)));
    const [x0, x1] = side_ < 0 ? [tx - w, tx] : [tx, tx + w];
    // From the first line's top (a CJK glyph's ascent) to the due line's descent.
    const extent = (baseline: number) => ({
      y0: baseline - 1.3 * size,
      y1: baseline + lines.length * TIMER_LINE + 0.4 * size,
    });
    const hits = (baseline: number) => {
      const { y0, y1 } = extent(baseline);
      return pills.some((p) => p.x0 < x1 && p.x1 > x0 && p.y0 < y1 && p.y1 > y0);
    };
    // Down a line at a time, off what it covers (then up, should everything below be taken).
    const free = [...Array(24).keys()]
      .flatMap((k) => (k === 0 ? [0] : [k, -Math.ceil(k / 2)]))
      .map((k) => ty + k * TIMER_LINE)
      .find((candidate) => !hits(candidate));
    if (free !== undefined) ty = free;
    // The next timer's name keeps clear of this one's (a phone puts both sides' names between
    // the lifelines, where two timers armed together would meet).
    pills.push({ x0, x1, ...extent(ty) });
    return { timer, x, y0, y1, yNow, lines, due, tx, ty, anchor: side_ < 0 ? 'end' : 'start' };
  });
}

/** Steps of 1, 2 and 5 times a power of ten, in milliseconds, for the scale marks. */
function niceUnit(ms: number): number {
  const power = 10 ** Math.floor(Math.log10(ms));
  for (const m of [1, 2, 5, 10]) if (m * power >= ms) return m * power;
  return 10 * power;
}

/** Marks no closer than this: the gutter stays readable. */
const MARK_GAP = 7;

/**
 * Scale marks down the gutter between the rows the gutter labels: in each gap, a mark every
 * `unit` ms, the unit the smallest round one whose marks are MARK_GAP px apart at that gap's
 * scale. On the warped axis their spacing changes where the scale does; to scale it never does,
 * and `unit` is the one unit of the whole axis. Breaks and the room opened under bursts stand for
 * no time and get no marks.
 */
export function scaleMarks(
  points: readonly { t: number }[],
  y: (t: number) => number,
  breaks: readonly { from: number; to: number }[],
  upToT = Infinity,
): { ys: number[]; unit: number | null } {
  return scaleMarksUpTo(runScaleMarks(points, y, breaks), upToT, null);
}

/** A run's scale marks, worked out once for the whole run; a step takes its part of them. */
export interface RunScaleMarks {
  /** Every mark of the run, in order of time (and so of y). */
  marks: { t: number; y: number }[];
  /** The unit of the first gap that has marks, and that gap's start. */
  firstUnit: number | null;
  firstFrom: number;
  /** Where the first gap with another unit starts (Infinity when the whole run has one). */
  mixedFrom: number;
}

/** The marks of a whole run (see scaleMarks): linear in the run's times and breaks. */
export function runScaleMarks(
  points: readonly { t: number }[],
  y: (t: number) => number,
  breaks: readonly { from: number; to: number }[],
): RunScaleMarks {
  return finish(runScaleMarksWork(points, y, breaks));
}

export function* runScaleMarksWork(
  points: readonly { t: number }[],
  y: (t: number) => number,
  breaks: readonly { from: number; to: number }[],
): Work<RunScaleMarks> {
  const pause = pauses(512);
  const marks: { t: number; y: number }[] = [];
  let firstUnit: number | null = null;
  let firstFrom = Infinity;
  let mixedFrom = Infinity;
  // The gaps come in order of time: the breaks starting before a gap's end only grow, and the
  // gap is under one of them when the furthest of their ends lies past the gap's start.
  const byStart = [...breaks].sort((a, b) => a.from - b.from);
  let started = 0;
  let furthestEnd = -Infinity;
  for (let i = 1; i < points.length; i++) {
    if (pause()) yield;
    const t0 = points[i - 1]?.t ?? 0;
    const t1 = points[i]?.t ?? 0;
    while (started < byStart.length && (byStart[started]?.from ?? Infinity) < t1) {
      furthestEnd = Math.max(furthestEnd, byStart[started]?.to ?? -Infinity);
      started++;
    }
    if (t1 <= t0 || furthestEnd > t0) continue;
    const mid = (t0 + t1) / 2;
    const slope = (y(t1) - y(mid)) / (t1 - mid);
    if (!(slope > 0)) continue;
    const unit = niceUnit(MARK_GAP / slope);
    // Past 2^53 units from 0 (a capture's times can lie that far apart) k++ stops moving k.
    if (!(t1 / unit <= Number.MAX_SAFE_INTEGER)) continue;
    if (firstUnit === null) {
      firstUnit = unit;
      firstFrom = t0;
    } else if (unit !== firstUnit && mixedFrom === Infinity) {
      mixedFrom = t0;
    }
    const first = Math.floor(t0 / unit) + 1;
    for (let k = first; k * unit < t1 && k - first < 60; k++) {
      marks.push({ t: k * unit, y: y(k * unit) });
    }
  }
  return { marks, firstUnit, firstFrom, mixedFrom };
}

/**
 * The marks drawn up to time `upToT` (and, for a long run, only those between `within`'s top and
 * bottom), with the axis's one unit when every gap up to then has the same.
 */
export function scaleMarksUpTo(
  run: RunScaleMarks,
  upToT: number,
  within: { top: number; bottom: number } | null,
): { ys: number[]; unit: number | null } {
  const { marks } = run;
  const end = countBefore(marks.length, (i) => marks[i]?.t ?? Infinity, upToT, true);
  const begin = within ? countBefore(end, (i) => marks[i]?.y ?? Infinity, within.top, false) : 0;
  const stop = within ? countBefore(end, (i) => marks[i]?.y ?? Infinity, within.bottom, true) : end;
  const ys: number[] = [];
  for (let i = begin; i < stop; i++) ys.push(marks[i]?.y ?? 0);
  const unit = run.firstFrom < upToT && !(run.mixedFrom < upToT) ? run.firstUnit : null;
  return { ys, unit };
}
