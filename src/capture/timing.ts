// When each captured segment reached the other side. A capture has one timestamp per packet: the
// lab takes it as the sending time, and puts the arrival one inferred one-way delay later, held
// between what the segments themselves prove: a reply that acknowledges a segment came after it
// arrived, and a segment sent without acknowledging it (after everything before it) went before.
import type { Side } from '../engine/types';
import { firstAfter, has, pureAck, type SegmentIndex } from './segmentIndex';

/**
 * A point on the merged timeline: time, then a tie-break. Sends sit at (t, position); an arrival
 * just before send j at (t_j, j − 0.5), just after it at (t_j, j + 0.5), and anywhere else at
 * (t, −1): before any send of that instant.
 */
export interface TimelineKey {
  t: number;
  k: number;
}

export function compareKeys(a: TimelineKey, b: TimelineKey): number {
  return a.t - b.t || a.k - b.k;
}

const maxKey = (a: TimelineKey, b: TimelineKey): TimelineKey => (compareKeys(a, b) >= 0 ? a : b);
const minKey = (a: TimelineKey, b: TimelineKey): TimelineKey => (compareKeys(a, b) <= 0 ? a : b);

/** The smallest one-way delay used: any positive gap gets its own row on the diagram's axis. */
export const MIN_DELAY_MS = 0.001;
/** The delay when nothing in the capture measures one (as the simulator's default network). */
export const DEFAULT_DELAY_MS = 1;
/**
 * How far ahead (in segments of the receiver) the evidence about one segment is looked for: far
 * enough for any handshake or teardown, and it keeps a long bulk transfer linear.
 */
const LOOK_AHEAD = 256;

/**
 * A capture time from the first segment: to the nanosecond when the file's exact time was kept,
 * else to the microsecond (a time in ms since 1970 held in a double keeps about a quarter of a
 * µs). Float noise must not make rows of its own on the diagram.
 */
export function roundCaptureTime(ms: number, exactNs: boolean): number {
  const per = exactNs ? 1e6 : 1e3;
  return Math.round(ms * per) / per;
}

/** Inferred times: half a round trip of whole nanoseconds is exact at a tenth of one. */
export function roundTime(ms: number): number {
  return Math.round(ms * 1e7) / 1e7;
}

/**
 * Half the round trip: per direction, the shortest time from a segment to the ACK that covers it
 * at the capture point (a copy sent again later gives no sample), summed over both directions so
 * that the capture point's place on the path does not matter (at the client, SYN → SYN+ACK is the
 * whole trip and SYN+ACK → ACK nothing; at the server, the reverse).
 */
export function oneWayDelay(index: SegmentIndex): { delayMs: number; measured: boolean } {
  const shortest: Record<Side, number> = { client: Infinity, server: Infinity };
  index.segs.forEach((seg, i) => {
    const cover = index.covers[i];
    const reply = cover === null || cover === undefined ? undefined : index.segs[cover];
    if (reply === undefined || seg.nextCopy !== null) return;
    shortest[seg.from] = Math.min(shortest[seg.from], reply.t - seg.t);
  });
  const parts = [shortest.client, shortest.server].filter(Number.isFinite);
  if (parts.length === 0) return { delayMs: DEFAULT_DELAY_MS, measured: false };
  const rtt = parts.reduce((sum, part) => sum + part, 0);
  return { delayMs: roundTime(Math.max(MIN_DELAY_MS, rtt / 2)), measured: true };
}

/** A reply this soon after a segment is taken as caused by it, and drawn at the same instant. */
export function snapWindowMs(delayMs: number): number {
  return Math.max(3 * delayMs, 1);
}

interface Arrival {
  key: TimelineKey;
  /** What proves it arrived no sooner. */
  floor: TimelineKey;
  /** Held at the time of the receiver's answer to it. */
  answered: boolean;
}

/** Where on the timeline each segment arrives (same order as the segments). */
export function deliveryKeys(index: SegmentIndex, delayMs: number): TimelineKey[] {
  const { segs } = index;
  const snap = snapWindowMs(delayMs);
  const claimed = new Set<number>();
  const found = segs.map((_, i) => arrival(index, i, delayMs, snap, claimed));
  const keys = found.map((f) => f.key);
  // Segments from one sender arrive in the order sent. An earlier one due later than a later one
  // arrives with it when neither an answer holds it at its time nor anything proves it came
  // after...
  const next: Record<Side, number | null> = { client: null, server: null };
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i];
    const here = found[i];
    if (seg === undefined || here === undefined) continue;
    const laterAt = next[seg.from];
    const later = laterAt === null ? undefined : keys[laterAt];
    const key = keys[i] ?? here.key;
    if (
      !here.answered &&
      later !== undefined &&
      compareKeys(later, key) < 0 &&
      compareKeys(here.floor, later) <= 0
    ) {
      keys[i] = { ...later };
    }
    next[seg.from] = i;
  }
  // ...else the later one waits for it, unless what proves its arrival (the reply covering it)
  // comes first: then the two crossed, as reordered segments do.
  const last: Record<Side, TimelineKey | null> = { client: null, server: null };
  segs.forEach((seg, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const before = last[seg.from];
    if (before !== null && compareKeys(key, before) < 0) {
      const cover = index.covers[i] ?? null;
      const bound = cover === null ? null : sendKey(index, cover, -0.5);
      if (bound === null || compareKeys(before, bound) <= 0) keys[i] = { ...before };
    }
    last[seg.from] = keys[i] ?? key;
  });
  return keys;
}

function sendKey(index: SegmentIndex, j: number, offset: number): TimelineKey {
  return { t: index.segs[j]?.t ?? 0, k: j + offset };
}

/** The receiver's segments after position i, up to `stop` (exclusive) and LOOK_AHEAD of them. */
function* receiverSegments(index: SegmentIndex, i: number, stop: number): Generator<number> {
  const to = index.segs[i]?.to;
  if (to === undefined) return;
  let j = index.nextFrom[to][i] ?? -1;
  for (let seen = 0; j >= 0 && j < stop && seen < LOOK_AHEAD; seen++) {
    yield j;
    j = index.nextFrom[to][j] ?? -1;
  }
}

function arrival(
  index: SegmentIndex,
  i: number,
  delayMs: number,
  snap: number,
  /** Duplicate ACKs already taken as the answer to an earlier segment. */
  claimed: Set<number>,
): Arrival {
  const { segs } = index;
  const seg = segs[i];
  const own = sendKey(index, i, 0.5);
  if (seg === undefined) return { key: own, floor: own, answered: false };
  const seqAt = (j: number): number => index.seq[j] ?? NaN;
  const ackAt = (j: number): number => index.ack[j] ?? NaN;
  let strongUpper: TimelineKey | null = null;
  let softUpper: TimelineKey | null = null;
  let evidence: TimelineKey | null = null;
  /** The receiver's segment that answers this one, if it is plain which. */
  let answer: TimelineKey | null = null;
  /** The answer is one TCP sends the moment the segment arrives (RST, the handshake's). */
  let immediate = false;

  if (seg.space > 0) {
    const cover = index.covers[i] ?? null;
    if (cover !== null) strongUpper = sendKey(index, cover, -0.5);
    const end = index.end[i] ?? NaN;
    // The receiver's segments before the cover that stop right at this one, or that are not yet
    // synchronized at all, were sent before it arrived. Not so for a segment sent again later:
    // the first copy may have been lost, so nothing can be said about it.
    let dup: number | null = null;
    for (const j of receiverSegments(index, i, cover ?? segs.length)) {
      const other = segs[j];
      if (other === undefined || has(other, 'RST')) continue;
      const acked = ackAt(j);
      const stopsHere = has(other, 'ACK') ? acked >= seqAt(i) && acked < end : true;
      if (stopsHere && seg.nextCopy === null) evidence = sendKey(index, j, 0.5);
      // A duplicate ACK for a hole before this segment answers its early arrival (one each).
      if (dup === null && pureAck(other) && acked < seqAt(i) && !claimed.has(j)) dup = j;
    }
    const first = index.nextFrom[seg.to][i] ?? -1;
    const back = segs[first];
    if (back !== undefined && first === cover) {
      answer = strongUpper;
      immediate = has(back, 'RST') || has(seg, 'SYN');
    } else if (back !== undefined && has(back, 'RST')) {
      answer = sendKey(index, first, -0.5);
      immediate = true;
    } else if (dup !== null) {
      claimed.add(dup);
      answer = sendKey(index, dup, -0.5);
    }
    answer ??= strongUpper;
  } else {
    // A bare ACK or a RST changes the receiver only through what it does next with data, a FIN
    // or a RST (a bare ACK does not answer a bare ACK).
    const next = index.nextNotPureFrom[seg.to][i] ?? -1;
    const other = segs[next];
    if (other !== undefined) {
      softUpper = sendKey(index, next, -0.5);
      immediate = has(other, 'RST');
    }
    answer = softUpper;
  }
  // An ACK that covers something its receiver sends again afterwards had not arrived by then.
  if (has(seg, 'ACK')) {
    const copies = index.retransmissions[seg.to];
    const from = firstAfter(copies, i);
    for (let c = from; c < copies.length && c < from + LOOK_AHEAD; c++) {
      const j = copies[c] ?? -1;
      if ((index.end[j] ?? Infinity) <= ackAt(i)) {
        evidence = maxKey(evidence ?? own, sendKey(index, j, 0.5));
      }
    }
  }

  let key: TimelineKey = { t: roundTime(seg.t + delayMs), k: -1 };
  const answered = answer !== null && (immediate || answer.t <= seg.t + snap);
  if (answer !== null && answered) key = answer;
  if (strongUpper !== null) key = minKey(key, strongUpper);
  if (softUpper !== null && evidence === null) key = minKey(key, softUpper);
  const provable =
    evidence !== null && (strongUpper === null || compareKeys(evidence, strongUpper) <= 0);
  if (evidence !== null && provable && compareKeys(key, evidence) < 0) {
    // It arrived after the receiver's segment that shows it had not: a one-way delay after it,
    // or at the reply that shows it had, whichever comes first.
    const later: TimelineKey = { t: roundTime(evidence.t + delayMs), k: -1 };
    key = strongUpper === null ? later : maxKey(evidence, minKey(later, strongUpper));
  }
  const floor = evidence !== null && provable ? maxKey(evidence, own) : own;
  return { key: maxKey(key, own), floor, answered };
}
