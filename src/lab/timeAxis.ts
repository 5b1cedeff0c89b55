// The diagram's vertical axis. Simulated time spans 1 ms delays and 4 min TIME_WAITs, so a linear
// axis would either squash the handshake into one pixel or make the page kilometres long. Each
// distinct time gets a row; a gap between rows grows with the logarithm of its length, from a floor
// that keeps a 1 ms flight visibly slanted, and a gap longer than `breakAfterMs` is cut to a fixed
// height that the diagram marks as a break ("≈ 4 min").
import type { TimeAxis } from './types';

export interface TimeAxisOptions {
  /** Height of the shortest gap (1 ms and below). */
  minGapPx?: number;
  /** Height of a gap of `breakAfterMs`; longer gaps become breaks. */
  maxGapPx?: number;
  breakAfterMs?: number;
  /** Height of a break. */
  breakPx?: number;
  /** Space above the first time and below the last. */
  topPx?: number;
  bottomPx?: number;
}

export interface WarpedTimeAxis extends TimeAxis {
  /** Each distinct time and its y, ascending: where the diagram can put time labels. */
  points: { t: number; y: number }[];
}

const DEFAULTS: Required<TimeAxisOptions> = {
  minGapPx: 28,
  maxGapPx: 140,
  breakAfterMs: 5_000,
  breakPx: 56,
  topPx: 0,
  bottomPx: 0,
};

export function buildTimeAxis(
  times: readonly number[],
  options: TimeAxisOptions = {},
): WarpedTimeAxis {
  const o = { ...DEFAULTS, ...options };
  const logSpan = Math.log1p(Math.max(1, o.breakAfterMs));
  /** Height of a gap of `ms` > 0 that is not a break. */
  const gapPx = (ms: number): number =>
    o.minGapPx + (o.maxGapPx - o.minGapPx) * Math.min(1, Math.log1p(Math.max(0, ms - 1)) / logSpan);

  const ts = [...new Set(times.filter(Number.isFinite))].sort((a, b) => a - b);
  const ys: number[] = [];
  const breaks: TimeAxis['breaks'] = [];
  let y = o.topPx;
  ts.forEach((t, i) => {
    const prev = ts[i - 1];
    if (prev !== undefined) {
      const gap = t - prev;
      if (gap > o.breakAfterMs) {
        breaks.push({ from: prev, to: t, y: y + o.breakPx / 2 });
        y += o.breakPx;
      } else {
        y += gapPx(gap);
      }
    }
    ys.push(y);
  });
  const last = ys.at(-1) ?? o.topPx;
  // Beyond the known times the axis keeps growing (slower and capped) so that y stays monotone.
  const outside = (ms: number): number =>
    o.maxGapPx * Math.min(1, Math.log1p(Math.max(0, ms)) / logSpan);

  const yOf = (t: number): number => {
    const first = ts[0];
    const lastT = ts.at(-1);
    if (first === undefined || lastT === undefined || Number.isNaN(t)) return o.topPx;
    if (t <= first) return (ys[0] ?? o.topPx) - outside(first - t);
    if (t >= lastT) return last + outside(t - lastT);
    // Binary search for the row at or before t, then interpolate linearly within the gap.
    let lo = 0;
    let hi = ts.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((ts[mid] ?? 0) <= t) lo = mid;
      else hi = mid;
    }
    const t0 = ts[lo] ?? 0;
    const t1 = ts[hi] ?? t0;
    const y0 = ys[lo] ?? 0;
    const y1 = ys[hi] ?? y0;
    return t1 === t0 ? y0 : y0 + ((t - t0) / (t1 - t0)) * (y1 - y0);
  };

  return {
    y: yOf,
    height: last + o.bottomPx,
    breaks,
    points: ts.map((t, i) => ({ t, y: ys[i] ?? 0 })),
  };
}
