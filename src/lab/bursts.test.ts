import { describe, expect, it } from 'vitest';
import { BURST_ROW_PX, burstRoom, fanOutBursts } from './bursts';
import { deriveRun } from './derive';
import { runWithCauses } from './run';
import { lessonById } from '../scenarios/all';
import type { SegmentInfo } from './types';

function seg(id: number, from: 'client' | 'server', sentAt: number, arrival: number): SegmentInfo {
  return {
    id,
    from,
    to: from === 'client' ? 'server' : 'client',
    flags: ['ACK'],
    seq: 0,
    ack: 0,
    len: 0,
    window: 0,
    relSeq: 0,
    relAck: 0,
    sentAt,
    sentStep: 1,
    deliveredAt: arrival,
    deliveredStep: 2,
    droppedAt: null,
    droppedStep: null,
    dropReason: null,
    copies: [],
    delayedMs: 0,
    retransmission: false,
    injected: false,
    reason: 'data' as SegmentInfo['reason'],
    old: false,
  };
}

describe('bursts', () => {
  it('gives each segment one side sends at one instant a sub-row, at both ends', () => {
    const segs = [seg(1, 'client', 10, 11), seg(2, 'client', 10, 11), seg(3, 'server', 10, 11)];
    segs[1]!.retransmission = true;
    fanOutBursts(segs);
    expect(segs.map((s) => s.sendOffset)).toEqual([0, BURST_ROW_PX.badged, 0]);
    // Parallel: each arrives as far below its instant as it left.
    expect(segs.map((s) => s.arriveOffset)).toEqual([0, BURST_ROW_PX.badged, 0]);
    expect(burstRoom(segs)).toEqual(
      new Map([
        [10, BURST_ROW_PX.badged],
        [11, BURST_ROW_PX.badged],
      ]),
    );
  });

  it('draws the identical SYN+ACKs of lost-syn-ack apart', () => {
    const derived = deriveRun(runWithCauses(lessonById('lost-syn-ack')!.scenario as never));
    const ends = derived.segments.map((s) => {
      const arrival = s.deliveredAt ?? s.droppedAt ?? s.sentAt;
      return `${s.from} ${derived.axis.y(s.sentAt, s.sendOffset)} ${derived.axis.y(arrival, s.arriveOffset)}`;
    });
    expect(new Set(ends).size).toBe(derived.segments.length);
  });
});
