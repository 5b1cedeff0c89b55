import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBefore } from './sortedSearch';

describe('countBefore', () => {
  it('counts the entries below a value, or at most it, in any sorted list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 })),
        fc.integer({ min: -25, max: 25 }),
        fc.boolean(),
        (values, value, orEqual) => {
          const sorted = [...values].sort((a, b) => a - b);
          const expected = sorted.filter((v) => v < value || (orEqual && v === value)).length;
          expect(countBefore(sorted.length, (i) => sorted[i] ?? NaN, value, orEqual)).toBe(
            expected,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('puts a value before or after its equals', () => {
    const sorted = [1, 2, 2, 2, 5];
    const at = (i: number) => sorted[i] ?? NaN;
    expect(countBefore(sorted.length, at, 2, false)).toBe(1);
    expect(countBefore(sorted.length, at, 2, true)).toBe(4);
    expect(countBefore(0, at, 2, true)).toBe(0);
  });
});
