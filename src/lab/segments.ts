// What the page draws and says about each segment, computed once per run in one pass.
import { u32 } from '../engine/seq';
import type { SendEvent, Side } from '../engine/types';
import { stepOfEvents } from './steps';
import type { Run, SegmentInfo, Step } from './types';

const peerOf = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/**
 * One entry per segment sent, ordered by id.
 *
 * Relative numbers follow the conformance rule (CONTRACT.md section 3): `relSeq` is relative to the
 * ISN of the sender's current incarnation (the last SYN it sent, this one included), `relAck` to the
 * receiver's. A side that has sent no SYN yet (a RST from a closed port, an injected segment "from"
 * a side that never opened) has no ISN the trace can show, so its number is given absolute.
 *
 * `old` marks a segment that outlived its connection: between its sending and its delivery the
 * sender started a newer incarnation (a SYN with a new ISN), or the receiver did and the segment
 * carries an ACK (so it belongs to a receiver's incarnation). A bare SYN belongs to no receiver
 * incarnation, which keeps the SYNs of a simultaneous open from counting as old.
 */
export function describeSegments(run: Run, steps: readonly Step[]): SegmentInfo[] {
  const stepOf = stepOfEvents(run.events.length, steps);
  const isn: Record<Side, number | null> = { client: null, server: null };
  const incarnation: Record<Side, number> = { client: 0, server: 0 };
  const byId = new Map<number, SegmentInfo>();
  // Incarnations of both sides when each segment was sent, to decide `old` at delivery.
  const sentIn = new Map<number, Record<Side, number>>();

  run.events.forEach((event, index) => {
    const step = stepOf[index] ?? 0;
    switch (event.type) {
      case 'send': {
        const from = event.who;
        const to = peerOf(from);
        if (event.flags.includes('SYN') && event.seq !== isn[from]) {
          isn[from] = event.seq;
          incarnation[from]++;
        }
        byId.set(event.id, newSegment(event, to, isn, step));
        sentIn.set(event.id, { ...incarnation });
        return;
      }
      case 'deliver': {
        const seg = byId.get(event.id);
        if (!seg) return;
        if (event.duplicate === true || seg.deliveredAt !== null) {
          seg.copies.push({ t: event.t, step });
          return;
        }
        seg.deliveredAt = event.t;
        seg.deliveredStep = step;
        seg.delayedMs = event.delayedMs ?? 0;
        const was = sentIn.get(event.id);
        if (was) {
          const senderMoved = incarnation[seg.from] > was[seg.from];
          const receiverMoved = incarnation[seg.to] > was[seg.to];
          seg.old = senderMoved || (receiverMoved && seg.flags.includes('ACK'));
        }
        return;
      }
      case 'drop': {
        const seg = byId.get(event.id);
        if (!seg) return;
        seg.droppedAt = event.t;
        seg.droppedStep = step;
        seg.dropReason = event.reason;
        return;
      }
      default:
        return;
    }
  });
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function newSegment(
  event: SendEvent,
  to: Side,
  isn: Record<Side, number | null>,
  step: number,
): SegmentInfo {
  const senderIsn = isn[event.who];
  const receiverIsn = isn[to];
  return {
    id: event.id,
    from: event.who,
    to,
    flags: event.flags,
    seq: event.seq,
    ack: event.ack,
    len: event.len,
    window: event.window,
    relSeq: senderIsn === null ? event.seq : u32(event.seq - senderIsn),
    relAck: !event.flags.includes('ACK')
      ? null
      : receiverIsn === null
        ? event.ack
        : u32(event.ack - receiverIsn),
    sentAt: event.t,
    sentStep: step,
    deliveredAt: null,
    deliveredStep: null,
    droppedAt: null,
    droppedStep: null,
    dropReason: null,
    copies: [],
    delayedMs: 0,
    retransmission: event.retransmission,
    injected: event.injected === true,
    reason: event.reason,
    old: false,
  };
}
