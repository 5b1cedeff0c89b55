// Thinning what a long run draws down its length: a few items per band, none far from one kept,
// in order, and all of them when the bands have no height.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thinOut } from './thinOut';

type Item = { y: number; lane: string };

const ys = fc
  .array(fc.integer({ min: 0, max: 2_000 }), { maxLength: 300 })
  .map((values) => values.sort((a, b) => a - b));
const items = ys.chain((values) =>
  fc
    .array(fc.constantFrom('client', 'server', 'listener'), {
      minLength: values.length,
      maxLength: values.length,
    })
    .map((lanes) => values.map((y, i): Item => ({ y, lane: lanes[i] ?? 'client' }))),
);
const yOf = (item: Item) => item.y;

describe('thinOut', () => {
  it('keeps the first of each band, and each lane once in it', () => {
    const list: Item[] = [
      { y: 0, lane: 'client' },
      { y: 1, lane: 'client' },
      { y: 2, lane: 'server' },
      { y: 9, lane: 'server' },
      { y: 10, lane: 'client' },
      { y: 25, lane: 'client' },
    ];
    expect(thinOut(list, yOf, 10).map((i) => i.y)).toEqual([0, 10, 25]);
    expect(thinOut(list, yOf, 10, { lane: (i) => i.lane }).map((i) => i.y)).toEqual([0, 2, 10, 25]);
    expect(thinOut(list, yOf, 10, { length: 3 }).map((i) => i.y)).toEqual([0]);
  });

  it('keeps, in order, few items per band and one within a band of each item', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 400 }), fc.boolean(), (list, gap, lanes) => {
        const kept = thinOut(list, yOf, gap, lanes ? { lane: (i) => i.lane } : {});
        // A subsequence of the list, in its order.
        let at = 0;
        for (const item of kept) {
          at = list.indexOf(item, at) + 1;
          expect(at).toBeGreaterThan(0);
        }
        // Each lane's item is never left further than a band below one kept of any lane.
        for (const item of list) {
          expect(kept.some((k) => k.y <= item.y && item.y - k.y < gap)).toBe(true);
        }
        // At most one per lane in each band, and bands at least a gap apart.
        const span = (list.at(-1)?.y ?? 0) - (list[0]?.y ?? 0);
        expect(kept.length).toBeLessThanOrEqual((Math.floor(span / gap) + 1) * (lanes ? 3 : 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps everything when the bands have no height', () => {
    fc.assert(
      fc.property(items, (list) => {
        expect(thinOut(list, yOf, 0)).toEqual(list);
      }),
      { numRuns: 1000 },
    );
  });
});
