// Which segments a step of a long run has to look at: those it changes or leaves in flight, and
// those drawn near a stretch of time. A run of hundreds of thousands of segments is stepped,
// scrubbed and jumped through without visiting them all: each answer costs O((k + 1) log n) for
// the k segments it gives, from trees built once per run.
import { countBefore } from './sortedSearch';
import type { SegmentInfo } from './types';

/** Reports, among the first `count` values, the indices of those >= `threshold`, ascending. */
class MaxTree {
  private readonly size: number;
  private readonly max: Float64Array;

  constructor(values: ArrayLike<number>) {
    let size = 1;
    while (size < values.length) size *= 2;
    this.size = size;
    this.max = new Float64Array(2 * size).fill(-Infinity);
    for (let i = 0; i < values.length; i++) this.max[size + i] = values[i] ?? -Infinity;
    for (let i = size - 1; i >= 1; i--) {
      this.max[i] = Math.max(this.max[2 * i] ?? -Infinity, this.max[2 * i + 1] ?? -Infinity);
    }
  }

  report(count: number, threshold: number, out: number[]): void {
    if (count <= 0) return;
    // Depth-first, left to right, skipping every subtree whose largest value is below the bar.
    const stack = [1];
    const lows = [0];
    const spans = [this.size];
    while (stack.length > 0) {
      const node = stack.pop() ?? 1;
      const low = lows.pop() ?? 0;
      const span = spans.pop() ?? 0;
      if (low >= count || (this.max[node] ?? -Infinity) < threshold) continue;
      if (span === 1) {
        out.push(low);
        continue;
      }
      const half = span / 2;
      stack.push(2 * node + 1, 2 * node);
      lows.push(low + half, low);
      spans.push(half, half);
    }
  }
}

export interface SegmentWindow {
  /** How many segments are sent by `step` (they come first: segments are in the order sent). */
  sentBy(step: number): number;
  /**
   * The segments sent by `step` that it changes or that are still in flight after it: sent,
   * delivered, dropped or copied at `step`, or sent before and not arrived yet. In sent order.
   */
  active(step: number): SegmentInfo[];
  /**
   * The segments sent by `step` whose time on the drawing meets [from, to]: sent by `to` and last
   * drawn (arrived, dropped, or a copy delivered) at `from` or later. In sent order.
   */
  meeting(step: number, from: number, to: number): SegmentInfo[];
  /** `active(step)` and `meeting(step, from, to)` together, each segment once, in sent order. */
  drawn(step: number, from: number, to: number): SegmentInfo[];
}

/** The index of a run's segments (given in the order they were sent). */
export function segmentWindow(segments: readonly SegmentInfo[]): SegmentWindow {
  const n = segments.length;
  const sentStep = new Float64Array(n);
  const sentAt = new Float64Array(n);
  const lastAt = new Float64Array(n);
  const endStep = new Float64Array(n);
  const lastCopyStep = new Float64Array(n);
  segments.forEach((seg, i) => {
    sentStep[i] = seg.sentStep;
    sentAt[i] = seg.sentAt;
    let last = seg.deliveredAt ?? seg.droppedAt ?? seg.sentAt;
    let copyStep = -Infinity;
    for (const copy of seg.copies) {
      last = Math.max(last, copy.t);
      copyStep = Math.max(copyStep, copy.step);
    }
    lastAt[i] = last;
    endStep[i] = Math.min(seg.deliveredStep ?? Infinity, seg.droppedStep ?? Infinity);
    lastCopyStep[i] = copyStep;
  });
  const byLastAt = new MaxTree(lastAt);
  const byEndStep = new MaxTree(endStep);
  const byCopyStep = new MaxTree(lastCopyStep);

  /** How many of `sorted` are <= value. */
  const countUpTo = (sorted: Float64Array, value: number) =>
    countBefore(sorted.length, (i) => sorted[i] ?? Infinity, value, true);
  const sentBy = (step: number) => countUpTo(sentStep, step);
  const inOrder = (indices: number[]): SegmentInfo[] => {
    indices.sort((a, b) => a - b);
    const out: SegmentInfo[] = [];
    let previous = -1;
    for (const i of indices) {
      const seg = segments[i];
      if (i !== previous && seg) out.push(seg);
      previous = i;
    }
    return out;
  };

  const active = (step: number, found: number[]) => {
    const count = sentBy(step);
    // In flight or ended at this step (a segment sent at it ends at it or later: it is in too).
    byEndStep.report(count, step, found);
    const copies: number[] = [];
    byCopyStep.report(count, step, copies);
    for (const i of copies) {
      if (segments[i]?.copies.some((copy) => copy.step === step)) found.push(i);
    }
  };
  const meeting = (step: number, from: number, to: number, found: number[]) => {
    byLastAt.report(Math.min(sentBy(step), countUpTo(sentAt, to)), from, found);
  };

  return {
    sentBy,
    active(step) {
      const found: number[] = [];
      active(step, found);
      return inOrder(found);
    },
    meeting(step, from, to) {
      const found: number[] = [];
      meeting(step, from, to, found);
      return inOrder(found);
    },
    drawn(step, from, to) {
      const found: number[] = [];
      active(step, found);
      meeting(step, from, to, found);
      return inOrder(found);
    },
  };
}
