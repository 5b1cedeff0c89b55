// Strokes as a few paths: each distinct rounded stroke once, in its kind's path, whatever the keys
// (numbers for a small grid, text for a wide one) the helper uses to find the repeats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strokePaths, type Stroke } from './strokePaths';

type Item = Stroke & { kind: 'a' | 'b' | null };

const of = (item: Item, out: Stroke) => {
  Object.assign(out, { x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2 });
  return item.kind;
};

/** The same paths the obvious way: every stroke's rounded ends as text, each text once. */
function naive(items: readonly Item[], grid: number): Record<'a' | 'b', string> {
  const at = (v: number) => String(Math.round(Math.round(v / grid) * grid * 100) / 100);
  const seen = { a: new Set<string>(), b: new Set<string>() };
  for (const { kind, x1, y1, x2, y2 } of items) {
    if (kind === null || ![x1, y1, x2, y2].every(Number.isFinite)) continue;
    seen[kind].add(`M${at(x1)} ${at(y1)}L${at(x2)} ${at(y2)}`);
  }
  return { a: [...seen.a].join(''), b: [...seen.b].join('') };
}

const item = (kind: Item['kind'], x1: number, y1: number, x2: number, y2: number): Item => ({
  kind,
  x1,
  y1,
  x2,
  y2,
});

describe('strokePaths', () => {
  it('draws a stroke once however often it is given, each kind in its own path', () => {
    const paths = strokePaths(
      [
        item('a', 0, 0, 10, 20),
        item('a', 0.2, 0, 10, 20.1),
        item('b', 0, 0, 10, 20),
        item('a', 0, 40, 10, 60),
        item(null, 5, 5, 5, 5),
      ],
      ['a', 'b'],
      of,
      0.5,
    );
    expect(paths).toEqual({ a: 'M0 0L10 20M0 40L10 60', b: 'M0 0L10 20' });
  });

  it('rounds to the grid without float noise, and leaves out strokes with an end nowhere', () => {
    const paths = strokePaths(
      [item('a', 0.31, 0.29, 1e9, 3), item('a', 0, NaN, 1, 1), item('b', 0, 0, Infinity, 1)],
      ['a', 'b'],
      of,
      0.1,
    );
    expect(paths).toEqual({ a: 'M0.3 0.3L1000000000 3', b: '' });
  });

  it('is the obvious text-keyed dedup, on any strokes and grid', () => {
    const coordinate = fc.oneof(
      fc.integer({ min: -50, max: 50 }).map((v) => v / 4),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.constantFrom(NaN, Infinity),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom<Item['kind']>('a', 'b', null),
            x1: coordinate,
            y1: coordinate,
            x2: coordinate,
            y2: coordinate,
          }),
          { maxLength: 60 },
        ),
        fc.constantFrom(0.5, 1, 3, 250),
        (items, grid) => {
          expect(strokePaths(items, ['a', 'b'], of, grid)).toEqual(naive(items, grid));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps a long run small when drawn small: a stroke per pair of cells its ends round to', () => {
    const items = Array.from({ length: 200_000 }, (_, i) =>
      item(i % 2 ? 'a' : 'b', i % 2 ? 100 : 800, i * 30, i % 2 ? 800 : 100, i * 30 + 20),
    );
    // 6,000,000 units tall shown 600 px tall: half a pixel is 5,000 units, and a stroke 20 units
    // tall ends in its start's cell or the next one.
    const paths = strokePaths(items, ['a', 'b'], of, 5_000);
    const strokes = (d: string) => d.split('M').length - 1;
    expect(strokes(paths.a)).toBeLessThanOrEqual(2 * 1_201);
    expect(strokes(paths.b)).toBeLessThanOrEqual(2 * 1_201);
    expect(strokes(paths.a)).toBeGreaterThan(1_000);
  });
});
