import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentWindow } from './segmentWindow';
import type { SegmentInfo } from './types';

/** Segments in the order sent, as a run describes them: steps and times never go back. */
const segmentsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 3 }),
      flightSteps: fc.integer({ min: 0, max: 12 }),
      flightMs: fc.integer({ min: 0, max: 500 }),
      end: fc.constantFrom('delivered', 'dropped', 'never'),
      copies: fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 2 }),
    }),
    { maxLength: 60 },
  )
  .map((list) => {
    let step = 1;
    return list.map((s, id) => {
      step += s.gap;
      const t = step * 100;
      const endStep = step + s.flightSteps;
      const endT = t + s.flightMs;
      return {
        id,
        sentStep: step,
        sentAt: t,
        deliveredStep: s.end === 'delivered' ? endStep : null,
        deliveredAt: s.end === 'delivered' ? endT : null,
        droppedStep: s.end === 'dropped' ? endStep : null,
        droppedAt: s.end === 'dropped' ? endT : null,
        copies: s.copies.map((k) => ({ step: step + k, t: t + k * 50 })),
      } as unknown as SegmentInfo;
    });
  });

const ids = (segments: readonly SegmentInfo[]) => segments.map((s) => s.id);

describe('segmentWindow', () => {
  it('gives exactly the segments a step changes or leaves in flight, in sent order', () => {
    fc.assert(
      fc.property(segmentsArb, fc.integer({ min: 0, max: 200 }), (segments, step) => {
        const expected = segments.filter((seg) => {
          if (seg.sentStep > step) return false;
          const end = Math.min(seg.deliveredStep ?? Infinity, seg.droppedStep ?? Infinity);
          return end >= step || seg.copies.some((copy) => copy.step === step);
        });
        expect(ids(segmentWindow(segments).active(step))).toEqual(ids(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives exactly the segments sent by a step whose time meets a stretch', () => {
    fc.assert(
      fc.property(
        segmentsArb,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (segments, step, from, length) => {
          const to = from + length;
          const expected = segments.filter((seg) => {
            const last = Math.max(
              seg.deliveredAt ?? seg.droppedAt ?? seg.sentAt,
              ...seg.copies.map((copy) => copy.t),
            );
            return seg.sentStep <= step && seg.sentAt <= to && last >= from;
          });
          const window = segmentWindow(segments);
          expect(ids(window.meeting(step, from, to))).toEqual(ids(expected));
          const drawn = new Set([...window.active(step), ...expected]);
          expect(ids(window.drawn(step, from, to))).toEqual(
            ids(segments.filter((seg) => drawn.has(seg))),
          );
          expect(window.sentBy(step)).toBe(segments.filter((s) => s.sentStep <= step).length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('answers for a step of a 300,000-segment run with only the few it concerns', () => {
    const segments = Array.from({ length: 300_000 }, (_, id) => ({
      id,
      sentStep: id + 1,
      sentAt: id * 10,
      deliveredStep: id + 3,
      deliveredAt: id * 10 + 25,
      droppedStep: null,
      droppedAt: null,
      copies: [],
    })) as unknown as SegmentInfo[];
    const window = segmentWindow(segments);
    expect(ids(window.active(150_000))).toEqual([149_997, 149_998, 149_999]);
    expect(ids(window.meeting(300_000, 1_000_000, 1_000_050))).toEqual([
      99_998, 99_999, 100_000, 100_001, 100_002, 100_003, 100_004, 100_005,
    ]);
  });
});
