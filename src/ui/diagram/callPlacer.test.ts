// A long run's tags are placed as the steps go: whatever order the steps are shown in, each
// step's tags must be those placed for its calls from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SocketOwner } from '../../engine/types';
import type { AppCallMark } from '../../lab/types';
import { layoutFor } from './geometry';
import { callPlacer, placeCalls } from './place';

const OWNERS: SocketOwner[] = ['client', 'server', 'listener'];

const runs = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 2 })), {
    minLength: 1,
    maxLength: 60,
  })
  .map((gaps) => {
    let t = 0;
    return gaps.map(
      ([gap, owner], index): AppCallMark =>
        ({
          index,
          step: index + 1,
          t: (t += gap),
          who: OWNERS[owner] ?? 'client',
          call: 'send',
          result: 'ok',
        }) as AppCallMark,
    );
  });

describe('callPlacer', () => {
  it('gives every step’s calls, in any order of steps, the tags placed from scratch', () => {
    fc.assert(
      fc.property(
        runs,
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 8 }),
        (calls, counts, narrow, breaks) => {
          const layout = layoutFor(narrow ? 360 : 900);
          const y = (t: number) => 40 + t * 3;
          const breakYs = breaks.map((b) => b + 40);
          const placer = callPlacer([], y, layout, breakYs);
          for (const asked of counts) {
            const upTo = calls.slice(0, asked % (calls.length + 1));
            const { placed, count } = placer(upTo);
            expect(placed.slice(0, count)).toEqual(placeCalls(upTo, [], y, layout, breakYs));
          }
          // Another run starts afresh.
          const other = calls.map((call) => ({ ...call, t: call.t + 5 }));
          const again = placer(other);
          expect(again.placed.slice(0, again.count)).toEqual(
            placeCalls(other, [], y, layout, breakYs),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps a tag clear of every break near it, in whatever order the breaks are given', () => {
    fc.assert(
      fc.property(
        runs,
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 12 }),
        (calls, breaks) => {
          const layout = layoutFor(900);
          const y = (t: number) => 40 + t * 3;
          const ys = breaks.map((b) => b + 40);
          for (const tag of placeCalls(calls, [], y, layout, ys)) {
            for (const b of ys) expect(Math.abs(b - tag.cy)).toBeGreaterThanOrEqual(9 + 7);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
