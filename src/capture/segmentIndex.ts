// Look-ups the inference makes for every segment of a connection, prepared once so that a
// connection of a hundred thousand segments takes a moment, not minutes: the ACK that covers each
// segment, the next segment from each side, and each side's retransmissions.
import { seqDiff } from '../engine/seq';
import type { Flag, Side, TcpOption } from '../engine/types';

/** A captured segment of one connection, as the inference sees it. */
export interface ObservedSegment {
  /** Index in CaptureFile.segments. */
  index: number;
  from: Side;
  to: Side;
  /** Capture time, ms from the connection's first segment. */
  t: number;
  flags: Flag[];
  seq: number;
  ack: number;
  len: number;
  window: number;
  /** The options the trace carries (SACK blocks and unknown kinds left out), in wire order. */
  options: TcpOption[];
  /** Sequence space: data plus one for SYN and one for FIN. */
  space: number;
  /** seq + space (mod 2^32). */
  end: number;
  /** A copy of an earlier segment of its sender (same seq, len, SYN/FIN/RST). */
  retransmission: boolean;
  /** Position of the previous copy, for a retransmission. */
  previousCopy: number | null;
  /** Position of the next copy, when this one is sent again later. */
  nextCopy: number | null;
  /** Sent after three duplicate ACKs asked for it: no timer expired. */
  fastRetransmit: boolean;
}

export const has = (seg: ObservedSegment, flag: Flag): boolean => seg.flags.includes(flag);
/** No sequence space and no RST: an ACK (or a window update) and nothing else. */
export const pureAck = (seg: ObservedSegment): boolean => seg.space === 0 && !has(seg, 'RST');

export interface SegmentIndex {
  readonly segs: readonly ObservedSegment[];
  /** Sequence numbers unwrapped into plain numbers, each in its sender's space. */
  readonly seq: Float64Array;
  readonly end: Float64Array;
  /** The acknowledgement unwrapped in its receiver's space; NaN without the ACK flag. */
  readonly ack: Float64Array;
  /** The first later segment from the receiver that acknowledges all of a segment, or null. */
  readonly covers: readonly (number | null)[];
  /** First position after i whose sender is `side` (−1: none). */
  readonly nextFrom: Readonly<Record<Side, Int32Array>>;
  /** First position after i whose sender is `side`, with data, SYN, FIN or RST (−1: none). */
  readonly nextNotPureFrom: Readonly<Record<Side, Int32Array>>;
  /** Positions of each side's retransmissions, ascending. */
  readonly retransmissions: Readonly<Record<Side, number[]>>;
}

/**
 * Unwraps 32-bit sequence numbers of one space in capture order: each value is taken as the one
 * nearest the last (RFC 9293's comparisons are the same signed distance). RSTs do not move the
 * reference: a RST from a closed port carries 0 or whatever it was answering.
 */
class Unwrapper {
  private last: number | null = null;

  at(value: number, move: boolean): number {
    const unwrapped = this.last === null ? value : this.last + seqDiff(value, this.last >>> 0);
    if (move) this.last = unwrapped;
    return unwrapped;
  }
}

/** Over a fixed array: the first index at or after `from` whose value is at least `x`. */
class FirstAtLeast {
  private readonly size: number;
  private readonly max: Float64Array;

  constructor(values: Float64Array) {
    let size = 1;
    while (size < values.length) size *= 2;
    this.size = size;
    this.max = new Float64Array(2 * size).fill(-Infinity);
    values.forEach((v, i) => (this.max[size + i] = Number.isNaN(v) ? -Infinity : v));
    for (let node = size - 1; node >= 1; node--) {
      this.max[node] = Math.max(
        this.max[2 * node] ?? -Infinity,
        this.max[2 * node + 1] ?? -Infinity,
      );
    }
  }

  find(from: number, x: number): number {
    return this.search(1, 0, this.size - 1, from, x);
  }

  private search(node: number, lo: number, hi: number, from: number, x: number): number {
    if (hi < from || (this.max[node] ?? -Infinity) < x) return -1;
    if (lo === hi) return lo;
    const mid = (lo + hi) >> 1;
    const left = this.search(2 * node, lo, mid, from, x);
    return left >= 0 ? left : this.search(2 * node + 1, mid + 1, hi, from, x);
  }
}

export function indexSegments(segs: readonly ObservedSegment[]): SegmentIndex {
  const n = segs.length;
  const seq = new Float64Array(n);
  const end = new Float64Array(n);
  const ack = new Float64Array(n).fill(NaN);
  const spaces: Record<Side, Unwrapper> = { client: new Unwrapper(), server: new Unwrapper() };
  segs.forEach((seg, i) => {
    const moves = !has(seg, 'RST');
    seq[i] = spaces[seg.from].at(seg.seq, moves);
    end[i] = (seq[i] ?? 0) + seg.space;
    if (has(seg, 'ACK')) ack[i] = spaces[seg.to].at(seg.ack, moves);
  });

  // Per receiving side, its acknowledgements at their positions (−∞ at the other side's).
  const acksFrom = (side: Side): FirstAtLeast =>
    new FirstAtLeast(ack.map((a, i) => (segs[i]?.from === side ? a : -Infinity)));
  const trees: Record<Side, FirstAtLeast> = {
    client: acksFrom('client'),
    server: acksFrom('server'),
  };
  const covers = segs.map((seg, i) => {
    if (seg.space === 0) return null;
    const j = trees[seg.to].find(i + 1, end[i] ?? Infinity);
    return j >= 0 && j < n ? j : null;
  });

  const nextFrom = { client: new Int32Array(n), server: new Int32Array(n) };
  const nextNotPureFrom = { client: new Int32Array(n), server: new Int32Array(n) };
  const after: Record<Side, number> = { client: -1, server: -1 };
  const afterNotPure: Record<Side, number> = { client: -1, server: -1 };
  for (let i = n - 1; i >= 0; i--) {
    for (const side of ['client', 'server'] as const) {
      nextFrom[side][i] = after[side];
      nextNotPureFrom[side][i] = afterNotPure[side];
    }
    const seg = segs[i];
    if (seg === undefined) continue;
    after[seg.from] = i;
    if (!pureAck(seg)) afterNotPure[seg.from] = i;
  }

  const retransmissions: Record<Side, number[]> = { client: [], server: [] };
  segs.forEach((seg, i) => {
    if (seg.retransmission) retransmissions[seg.from].push(i);
  });
  return { segs, seq, end, ack, covers, nextFrom, nextNotPureFrom, retransmissions };
}

/** First position in an ascending list greater than `i` (the list's length when none). */
export function firstAfter(list: readonly number[], i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? Infinity) > i) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
