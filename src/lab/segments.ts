// What the page draws and says about each segment, computed once per run in one pass.
import {
  Incarnations,
  type IncarnationSnapshot,
  type RelativeNumbers,
} from '../engine/incarnations';
import { peerOf, type SendEvent, type TraceEvent } from '../engine/types';
import { fanOutBurstsWork } from './bursts';
import { finish, pauses, type Work } from './slices';
import { stepOfEvents } from './steps';
import type { SegmentInfo, Step } from './types';

/**
 * One entry per segment sent, ordered by id.
 *
 * Relative numbers and `old` follow the conformance rule (CONTRACT.md section 3), as
 * ../engine/incarnations.ts applies it: `relSeq` is relative to the ISN of the sender's current
 * incarnation, `relAck` to the receiver's, and `old` marks a segment that outlived its connection
 * (delivered after its sender, or for an ACK its receiver, had started a newer incarnation).
 */
export function describeSegments(
  run: { readonly events: readonly TraceEvent[] },
  steps: readonly Step[],
): SegmentInfo[] {
  return finish(segmentsWork(run, steps));
}

export function* segmentsWork(
  run: { readonly events: readonly TraceEvent[] },
  steps: readonly Step[],
): Work<SegmentInfo[]> {
  const stepOf = stepOfEvents(run.events.length, steps);
  const numbering = new Incarnations();
  const byId = new Map<number, SegmentInfo>();
  // Incarnations of both sides when each segment was sent, to decide `old` at delivery.
  const sentIn = new Map<number, IncarnationSnapshot>();
  const pause = pauses();

  for (let index = 0; index < run.events.length; index++) {
    if (pause()) yield;
    const event = run.events[index] as TraceEvent;
    const step = stepOf[index] ?? 0;
    switch (event.type) {
      case 'send': {
        const numbered = numbering.send(event);
        byId.set(event.id, newSegment(event, numbered, step));
        sentIn.set(event.id, numbered.sentIn);
        break;
      }
      case 'deliver': {
        const seg = byId.get(event.id);
        if (!seg) break;
        if (event.duplicate === true || seg.deliveredAt !== null) {
          seg.copies.push({ t: event.t, step });
          break;
        }
        seg.deliveredAt = event.t;
        seg.deliveredStep = step;
        seg.delayedMs = event.delayedMs ?? 0;
        const was = sentIn.get(event.id);
        if (was) seg.old = numbering.isOld({ who: seg.from, flags: seg.flags }, was);
        break;
      }
      case 'drop': {
        const seg = byId.get(event.id);
        if (!seg) break;
        seg.droppedAt = event.t;
        seg.droppedStep = step;
        seg.dropReason = event.reason;
        break;
      }
      default:
        break;
    }
  }
  const segments = [...byId.values()];
  // Ids are handed out as segments are sent, so they are almost always in order already.
  let sorted = true;
  for (let i = 1; i < segments.length && sorted; i++) {
    sorted = (segments[i - 1] as SegmentInfo).id < (segments[i] as SegmentInfo).id;
  }
  if (!sorted) segments.sort((a, b) => a.id - b.id);
  yield;
  yield* fanOutBurstsWork(segments);
  return segments;
}

function newSegment(event: SendEvent, numbers: RelativeNumbers, step: number): SegmentInfo {
  return {
    id: event.id,
    from: event.who,
    to: peerOf(event.who),
    flags: event.flags,
    seq: event.seq,
    ack: event.ack,
    len: event.len,
    window: event.window,
    relSeq: numbers.relSeq,
    relAck: numbers.relAck,
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
