// The gutter of a long run is worked out once and cut per step: the cut must be what the whole
// computation up to that step gave, and a visible part must keep exactly what lies in it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tickTimes, ticksShown } from './geometry';
import { runScaleMarks, scaleMarks, scaleMarksUpTo } from './place';

/** The marks as defined: every gap up to `upToT` on its own, each break checked against each. */
function marksByDefinition(
  points: readonly { t: number }[],
  y: (t: number) => number,
  breaks: readonly { from: number; to: number }[],
  upToT: number,
): { ys: number[]; unit: number | null } {
  const ys: number[] = [];
  const units = new Set<number>();
  for (let i = 1; i < points.length; i++) {
    const t0 = points[i - 1]?.t ?? 0;
    const t1 = points[i]?.t ?? 0;
    if (t1 <= t0 || t0 >= upToT || breaks.some((b) => b.from < t1 && b.to > t0)) continue;
    // One gap alone, through the run's computation: its marks and unit do not depend on others.
    const one = runScaleMarks([{ t: t0 }, { t: t1 }], y, []);
    if (one.firstUnit === null) continue;
    units.add(one.firstUnit);
    for (const mark of one.marks) if (mark.t <= upToT) ys.push(mark.y);
  }
  return { ys, unit: units.size === 1 ? ([...units][0] ?? null) : null };
}

const runs = fc
  .record({
    gaps: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
    breaks: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 1, max: 900 })),
      {
        maxLength: 6,
      },
    ),
    warp: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ gaps, breaks, warp }) => {
    let t = 0;
    const points = [{ t: 0 }];
    for (const gap of gaps) points.push({ t: (t += gap) });
    // A warped axis, as the lab's never going up: its scale changes at `warp` hundred ms.
    const y = (time: number) => 40 + time + 2 * Math.max(0, time - warp * 100);
    return { points, y, breaks: breaks.map(([from, length]) => ({ from, to: from + length })) };
  });

describe('a run’s scale marks, cut per step', () => {
  it('are the marks of every gap up to the step, with one unit only when all agree', () => {
    fc.assert(
      fc.property(runs, fc.integer({ min: -10, max: 9000 }), ({ points, y, breaks }, upToT) => {
        const run = runScaleMarks(points, y, breaks);
        const byDefinition = marksByDefinition(points, y, breaks, upToT);
        expect(scaleMarksUpTo(run, upToT, null)).toEqual(byDefinition);
        expect(scaleMarks(points, y, breaks, upToT)).toEqual(byDefinition);
      }),
      { numRuns: 1500 },
    );
  });

  it('keep, within a visible part, exactly the marks that lie in it', () => {
    fc.assert(
      fc.property(
        runs,
        fc.integer({ min: 0, max: 9000 }),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 0, max: 3000 }),
        ({ points, y, breaks }, upToT, top, height) => {
          const run = runScaleMarks(points, y, breaks);
          const all = scaleMarksUpTo(run, upToT, null);
          const within = { top, bottom: top + height };
          const shown = scaleMarksUpTo(run, upToT, within);
          expect(shown.ys).toEqual(all.ys.filter((v) => v >= top && v <= top + height));
          expect(shown.unit).toBe(all.unit);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('the time labels shown', () => {
  const points = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 80 }).map((steps) => {
    let y = 0;
    return steps.map((step, t) => ({ t, y: (y += step) }));
  });

  it('are the labels chosen down to now, cut to the visible part', () => {
    fc.assert(
      fc.property(
        points,
        fc.integer({ min: -10, max: 3500 }),
        fc.option(fc.tuple(fc.integer({ min: -100, max: 3500 }), fc.integer({ min: 0, max: 900 }))),
        (run, upToY, part) => {
          const all = tickTimes(run, Infinity);
          const upToNow = tickTimes(run, upToY);
          const within = part && { top: part[0], bottom: part[0] + part[1] };
          expect(ticksShown(all, upToY, within)).toEqual(
            within ? upToNow.filter((p) => p.y >= within.top && p.y <= within.bottom) : upToNow,
          );
        },
      ),
      { numRuns: 1500 },
    );
  });
});
