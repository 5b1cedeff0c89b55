import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentInfo } from '../../lab/types';
import { crossingIds } from './arrowsMeet';

/**
 * The pairwise check the diagram used before: every server arrow against every client arrow (with
 * each line's end kept, not recomputed from a dropped arrow's midpoint, which rounding can move).
 */
function crossingIdsByPairs(
  segments: readonly SegmentInfo[],
  y: (t: number, offset?: number) => number,
): Set<number> {
  const out = new Set<number>();
  const ends = (s: SegmentInfo) => {
    const a = y(s.sentAt, s.sendOffset);
    const arrival = s.deliveredAt ?? s.droppedAt;
    const end = arrival === null ? a + 28 : y(arrival, s.arriveOffset);
    return { a, b: s.deliveredAt === null ? (a + end) / 2 : end, end };
  };
  const right = segments.filter((s) => s.from === 'client').map(ends);
  for (const seg of segments) {
    if (seg.from !== 'server') continue;
    const l = ends(seg);
    const hit = right.some((r) => {
      if (r.b < l.a - 1 || r.a > l.end + 1) return false;
      // At the client's lifeline r is at r.a and l at its end; at the server's, r at its end and l
      // at l.a: they cross where the order swaps.
      return (r.a - l.end) * (r.end - l.a) < 0;
    });
    if (hit) out.add(seg.id);
  }
  return out;
}

/** Segments as the diagram gets them: sent before they arrive (or are dropped), or never arrive. */
const segmentsArb = fc
  .array(
    fc.record({
      from: fc.constantFrom('client' as const, 'server' as const),
      sentAt: fc.integer({ min: 0, max: 60 }),
      flight: fc.integer({ min: 0, max: 40 }),
      end: fc.constantFrom('delivered', 'dropped', 'lost'),
      sendOffset: fc.constantFrom(undefined, 0, 6, 12),
      arriveOffset: fc.constantFrom(undefined, 0, 6, 12),
    }),
    { maxLength: 40 },
  )
  .map((list) =>
    list.map(
      (s, id) =>
        ({
          id,
          from: s.from,
          sentAt: s.sentAt,
          deliveredAt: s.end === 'delivered' ? s.sentAt + s.flight : null,
          droppedAt: s.end === 'dropped' ? s.sentAt + s.flight : null,
          sendOffset: s.sendOffset,
          // Sent and arrived at one instant: the arrival's row is not above the sending's.
          arriveOffset:
            s.flight === 0 ? Math.max(s.arriveOffset ?? 0, s.sendOffset ?? 0) : s.arriveOffset,
        }) as unknown as SegmentInfo,
    ),
  );

// A warped axis: times spread unevenly, as a run's are; offsets are a burst's rows below an instant
// (fewer pixels than a time step, so that every arrow runs down the drawing, as on the page).
const y = (t: number, offset = 0) => Math.sqrt(t) * 40 + t * 20 + offset;

describe('crossingIds', () => {
  it('finds exactly the arrows the pairwise check finds', () => {
    fc.assert(
      fc.property(segmentsArb, (segments) => {
        expect([...crossingIds(segments, y)].sort()).toEqual(
          [...crossingIdsByPairs(segments, y)].sort(),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a long run in one pass: 200,000 arrows, none crossing', () => {
    // Data one way, acknowledgements the other, each after the one before: the pairwise check
    // compared all 10^10 pairs here.
    const segments = Array.from({ length: 200_000 }, (_, id) => ({
      id,
      from: id % 2 === 0 ? 'client' : 'server',
      sentAt: id * 10,
      deliveredAt: id * 10 + 5,
      droppedAt: null,
    })) as unknown as SegmentInfo[];
    expect(crossingIds(segments, (t) => t).size).toBe(0);
  });
});
