// The diagram's vertical axis, in one of two scales. Simulated time spans 1 ms delays and 4 min
// TIME_WAITs, so one linear scale would either squash the handshake into one pixel or make the
// page kilometres long.
// - `warped` (the default): each distinct time gets a row; a gap between rows grows with the
//   logarithm of its length, from a floor that keeps a 1 ms flight visibly slanted, and a gap
//   longer than `breakAfterMs` is cut to a fixed height that the diagram marks as a break.
// - `linear` ("to scale"): y is proportional to time, at one scale for the whole run (the shortest
//   gap between two times gets `minGapPx`), so an arrow's slant is its delay; an idle gap taller
//   than `linearBreakPx` that no segment is flying across is cut to a marked break.
// In both, an instant where a burst of segments is sent gets the room the burst needs under its
// row (`room`, see ./bursts.ts): those pixels stand for no time, and the diagram says so.
import { finish, pauses, type Work } from './slices';
import type { TimeAxis } from './types';

export type TimeScale = 'warped' | 'linear';

export interface TimeAxisOptions {
  scale?: TimeScale;
  /** Height of the shortest gap (1 ms and below; in `linear`, the run's shortest gap). */
  minGapPx?: number;
  /** Height of a gap of `breakAfterMs`; longer gaps become breaks. */
  maxGapPx?: number;
  breakAfterMs?: number;
  /** `linear`: idle gaps taller than this become breaks. */
  linearBreakPx?: number;
  /** `linear`: the most pixels one millisecond gets. */
  maxPxPerMs?: number;
  /** Height of a break. */
  breakPx?: number;
  /** Space above the first time and below the last. */
  topPx?: number;
  bottomPx?: number;
  /** Extra pixels under an instant's row (a burst's sub-rows): they stand for no time. */
  room?: ReadonlyMap<number, number>;
  /** `linear`: segments' flights [sent, arrived]; a gap inside one is never cut. */
  flights?: readonly (readonly [number, number])[];
}

export interface WarpedTimeAxis extends TimeAxis {
  scale: TimeScale;
  /** Each distinct time and its y, ascending: where the diagram can put time labels. */
  points: { t: number; y: number }[];
  /** `linear`: pixels per millisecond between breaks (and outside the room of bursts). */
  pxPerMs: number | null;
}

const DEFAULTS = {
  scale: 'warped' as TimeScale,
  minGapPx: 28,
  maxGapPx: 140,
  breakAfterMs: 5_000,
  linearBreakPx: 224,
  maxPxPerMs: 28,
  breakPx: 56,
  topPx: 0,
  bottomPx: 0,
};

export function buildTimeAxis(
  times: readonly number[],
  options: TimeAxisOptions = {},
): WarpedTimeAxis {
  return finish(timeAxisWork(times, options));
}

export function* timeAxisWork(
  times: readonly number[],
  options: TimeAxisOptions = {},
): Work<WarpedTimeAxis> {
  const o = { ...DEFAULTS, ...options };
  const room = options.room ?? new Map<number, number>();
  const logSpan = Math.log1p(Math.max(1, o.breakAfterMs));
  const pause = pauses();
  // Distinct times in order (a typed array sorts numbers far faster than an array of them).
  const finite = new Set<number>();
  for (const t of times) {
    if (pause()) yield;
    if (Number.isFinite(t)) finite.add(t);
  }
  const ts = [...finite];
  yield;
  // A run's events come in time order, so its times mostly are already.
  let ordered = true;
  for (let i = 1; i < ts.length && ordered; i++)
    ordered = (ts[i - 1] as number) < (ts[i] as number);
  yield;
  if (!ordered) {
    const sorted = Float64Array.from(ts).sort();
    yield;
    for (let i = 0; i < sorted.length; i++) ts[i] = sorted[i] as number;
  }
  const linear = o.scale === 'linear';
  let shortest = Infinity;
  for (let i = 1; i < ts.length; i++) {
    if (pause()) yield;
    shortest = Math.min(shortest, (ts[i] ?? 0) - (ts[i - 1] ?? 0));
  }
  const pxPerMs = Number.isFinite(shortest) ? Math.min(o.maxPxPerMs, o.minGapPx / shortest) : 1;
  // Whether a segment flies across a gap. Gaps are asked in order of time, so the flights that
  // start before a gap's end only grow: one sweep, not every flight for every gap.
  const flights = [...(options.flights ?? [])].sort((a, b) => a[0] - b[0]);
  let started = 0;
  let furthestLanding = -Infinity;
  const flying = (from: number, to: number): boolean => {
    while (started < flights.length && (flights[started]?.[0] ?? Infinity) < to) {
      furthestLanding = Math.max(furthestLanding, flights[started]?.[1] ?? -Infinity);
      started++;
    }
    return furthestLanding > from;
  };
  const gapPx = (from: number, to: number): number | null => {
    const ms = to - from;
    if (linear) {
      const px = ms * pxPerMs;
      // Asked for every gap, so that the sweep above sees them all in order.
      const across = flying(from, to);
      return px > o.linearBreakPx && !across ? null : px;
    }
    if (ms > o.breakAfterMs) return null;
    return (
      o.minGapPx +
      (o.maxGapPx - o.minGapPx) * Math.min(1, Math.log1p(Math.max(0, ms - 1)) / logSpan)
    );
  };

  // ys[i]: the row of ts[i]; ends[i]: the bottom of the room under it, where its gap starts.
  const ys: number[] = [];
  const ends: number[] = [];
  const breaks: TimeAxis['breaks'] = [];
  let y = o.topPx;
  for (let i = 0; i < ts.length; i++) {
    if (pause()) yield;
    const t = ts[i] as number;
    const prev = ts[i - 1];
    if (prev !== undefined) {
      const gap = gapPx(prev, t);
      if (gap === null) {
        breaks.push({ from: prev, to: t, y: y + o.breakPx / 2 });
        y += o.breakPx;
      } else {
        y += gap;
      }
    }
    ys.push(y);
    y += room.get(t) ?? 0;
    ends.push(y);
  }
  const points: { t: number; y: number }[] = [];
  for (let i = 0; i < ts.length; i++) {
    if (pause()) yield;
    points.push({ t: ts[i] as number, y: ys[i] ?? 0 });
  }
  const last = ends.at(-1) ?? o.topPx;
  // Beyond the known times the axis keeps growing (slower and capped) so that y stays monotone.
  const outside = (ms: number): number =>
    linear
      ? Math.min(o.maxGapPx, ms * pxPerMs)
      : o.maxGapPx * Math.min(1, Math.log1p(Math.max(0, ms)) / logSpan);

  const rowY = (t: number): number => {
    const first = ts[0];
    const lastT = ts.at(-1);
    if (first === undefined || lastT === undefined || Number.isNaN(t)) return o.topPx;
    if (t < first) return (ys[0] ?? o.topPx) - outside(first - t);
    if (t > lastT) return last + outside(t - lastT);
    // Binary search for the row at or before t, then interpolate linearly within the gap.
    let lo = 0;
    let hi = ts.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((ts[mid] ?? 0) <= t) lo = mid;
      else hi = mid;
    }
    const t0 = ts[lo] ?? 0;
    if (t === t0) return ys[lo] ?? 0;
    const t1 = ts[hi] ?? t0;
    if (t === t1) return ys[hi] ?? 0;
    const y0 = ends[lo] ?? 0;
    const y1 = ys[hi] ?? y0;
    return t1 === t0 ? y0 : y0 + ((t - t0) / (t1 - t0)) * (y1 - y0);
  };

  return {
    y: (t, offset = 0) => rowY(t) + offset,
    height: last + o.bottomPx,
    breaks,
    points,
    scale: o.scale,
    pxPerMs: linear ? pxPerMs : null,
  };
}
