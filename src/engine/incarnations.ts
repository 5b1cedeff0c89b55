// Relative sequence numbers and connection incarnations: the one rule every reader of a trace uses
// (the lab's segments and explanations, the conformance check, the packetdrill-style tests).
//
// The rule (CONTRACT.md section 3): a side's numbers are relative to the ISN of its current
// incarnation, the one its last SYN started; a side that has sent no SYN yet (a RST from a closed
// port, a segment injected "from" a side that never opened) has no ISN the trace can show, so its
// numbers stay absolute. A SYN with a new ISN starts a new incarnation; a retransmitted SYN (same
// ISN) does not.
import { u32 } from './seq';
import { peerOf, type Flag, type Side } from './types';

/** The other end of the connection. */

/** What the rule reads of a segment sent. */
export interface SentSegment {
  who: Side;
  flags: readonly Flag[];
  seq: number;
  ack: number;
}

/** How many incarnations each side has started: 0 before its first SYN. */
export type IncarnationSnapshot = Readonly<Record<Side, number>>;

export interface RelativeNumbers {
  /** Relative to the sender's ISN in use. */
  relSeq: number;
  /** Relative to the receiver's ISN in use; null without the ACK flag. */
  relAck: number | null;
}

export interface NumberedSegment extends RelativeNumbers {
  /** Both sides' incarnations when it was sent (its own SYN counted). */
  sentIn: IncarnationSnapshot;
}

/**
 * Feed it the segments of a trace in the order they were sent (`send`); it numbers each one and
 * says, when one is delivered, whether it outlived its connection (`isOld`).
 */
export class Incarnations {
  private readonly isn: Record<Side, number | null>;
  private readonly count: Record<Side, number> = { client: 0, server: 0 };
  // Shared by every segment sent between two SYNs: a long run keeps one object per incarnation,
  // not one per segment.
  private snapshot: IncarnationSnapshot = Object.freeze({ client: 0, server: 0 });

  /**
   * `initialIsn`: numbers to count from before a side's first SYN, where the caller knows them
   * (a scripted endpoint's configured ISN); by the rule, none.
   */
  constructor(initialIsn: Partial<Record<Side, number>> = {}) {
    this.isn = { client: initialIsn.client ?? null, server: initialIsn.server ?? null };
  }

  /** Records a segment sent: a SYN with a new ISN starts its sender's next incarnation. */
  send(segment: SentSegment): NumberedSegment {
    if (segment.flags.includes('SYN') && segment.seq !== this.isn[segment.who]) {
      this.isn[segment.who] = segment.seq;
      this.count[segment.who]++;
      this.snapshot = Object.freeze({ ...this.count });
    }
    return { ...this.relative(segment), sentIn: this.snapshot };
  }

  /** The segment's numbers relative to the ISNs in use now, recording nothing. */
  relative(segment: SentSegment): RelativeNumbers {
    return {
      relSeq: relativeTo(segment.seq, this.isn[segment.who]),
      relAck: segment.flags.includes('ACK')
        ? relativeTo(segment.ack, this.isn[peerOf(segment.who)])
        : null,
    };
  }

  /** The ISN `side` counts from now, or null before its first SYN. */
  isnOf(side: Side): number | null {
    return this.isn[side];
  }

  /** Both sides' incarnations now. */
  current(): IncarnationSnapshot {
    return this.snapshot;
  }

  /**
   * Whether a segment sent in `sentIn` and delivered now is old: its sender has started a newer
   * incarnation since, or its receiver has and the segment carries an ACK (which belongs to one of
   * the receiver's incarnations). A bare SYN belongs to none of the receiver's, so the crossing
   * SYNs of a simultaneous open are not old.
   */
  isOld(segment: Pick<SentSegment, 'who' | 'flags'>, sentIn: IncarnationSnapshot): boolean {
    const from = segment.who;
    const to = peerOf(from);
    return (
      this.count[from] > sentIn[from] ||
      (this.count[to] > sentIn[to] && segment.flags.includes('ACK'))
    );
  }
}

/** `n` relative to `isn` modulo 2^32; `n` itself when there is no ISN yet. */
function relativeTo(n: number, isn: number | null): number {
  return isn === null ? n : u32(n - isn);
}
