import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeAxis } from './timeAxis';

const opts = { minGapPx: 28, maxGapPx: 140, breakAfterMs: 5000, breakPx: 56 };

describe('buildTimeAxis', () => {
  it('gives a 1 ms gap at least the minimum and caps long gaps', () => {
    const axis = buildTimeAxis([150, 151, 300, 4_000], opts);
    expect(axis.y(150)).toBe(0);
    expect(axis.y(151) - axis.y(150)).toBeGreaterThanOrEqual(28);
    expect(axis.y(300) - axis.y(151)).toBeGreaterThan(axis.y(151) - axis.y(150));
    expect(axis.y(4000) - axis.y(300)).toBeLessThanOrEqual(140);
    expect(axis.breaks).toEqual([]);
    expect(axis.height).toBe(axis.y(4000));
    expect(axis.points.map((p) => p.t)).toEqual([150, 151, 300, 4000]);
  });

  it('draws a 4 min TIME_WAIT as a break', () => {
    const axis = buildTimeAxis([0, 601, 601, 240_601], { ...opts, topPx: 10, bottomPx: 20 });
    expect(axis.breaks).toEqual([{ from: 601, to: 240_601, y: axis.y(601) + 28 }]);
    expect(axis.y(240_601) - axis.y(601)).toBeCloseTo(56);
    expect(axis.y(0)).toBe(10);
    expect(axis.height).toBe(axis.y(240_601) + 20);
    // A time inside the break lies inside it.
    expect(axis.y(120_000)).toBeGreaterThan(axis.y(601));
    expect(axis.y(120_000)).toBeLessThan(axis.y(240_601));
  });

  it('handles no times and a single time', () => {
    expect(buildTimeAxis([]).y(5)).toBe(0);
    expect(buildTimeAxis([]).height).toBe(0);
    const one = buildTimeAxis([7], { topPx: 4 });
    expect(one.y(7)).toBe(4);
    expect(one.y(8)).toBeGreaterThan(4);
  });

  it('is monotone everywhere and strictly increasing across known times', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: -1000, max: 700_000, noNaN: true }), { maxLength: 30 }),
        (times, probes) => {
          const axis = buildTimeAxis(times, opts);
          const known = [...new Set(times)].sort((a, b) => a - b);
          for (let i = 1; i < known.length; i++) {
            const gap = axis.y(known[i] ?? 0) - axis.y(known[i - 1] ?? 0);
            expect(gap).toBeGreaterThanOrEqual(28 - 1e-9);
            expect(gap).toBeLessThanOrEqual(140 + 1e-9);
          }
          const sorted = [...probes, ...known].sort((a, b) => a - b);
          for (let i = 1; i < sorted.length; i++) {
            expect(axis.y(sorted[i] ?? 0)).toBeGreaterThanOrEqual(axis.y(sorted[i - 1] ?? 0));
          }
          expect(axis.y(known.at(-1) ?? 0)).toBeLessThanOrEqual(axis.height);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('buildTimeAxis to scale', () => {
  it('is linear in time between breaks, and cuts idle gaps that nothing flies across', () => {
    const axis = buildTimeAxis([0, 150, 151, 152, 1150, 1151], {
      scale: 'linear',
      flights: [
        [150, 151],
        [1150, 1151],
      ],
    });
    expect(axis.pxPerMs).toBe(28);
    expect(axis.y(151) - axis.y(150)).toBeCloseTo(28);
    expect(axis.y(152) - axis.y(150)).toBeCloseTo(56);
    expect(axis.y(150.5) - axis.y(150)).toBeCloseTo(14);
    expect(axis.breaks.map((b) => [b.from, b.to])).toEqual([
      [0, 150],
      [152, 1150],
    ]);
  });

  it('never cuts a gap a segment is flying across', () => {
    const axis = buildTimeAxis([0, 20], { scale: 'linear', flights: [[0, 20]], minGapPx: 28 });
    expect(axis.breaks).toEqual([]);
    expect(axis.y(20) - axis.y(0)).toBeCloseTo(28);
  });

  it('opens room under a burst that stands for no time', () => {
    const room = new Map([[10, 22]]);
    const axis = buildTimeAxis([10, 11], { scale: 'linear', room });
    expect(axis.y(10, 22)).toBe(axis.y(10) + 22);
    expect(axis.y(11) - axis.y(10)).toBeCloseTo(22 + 28);
    const warped = buildTimeAxis([10, 11], { room });
    expect(warped.y(11) - warped.y(10)).toBeCloseTo(22 + 28);
  });
});
