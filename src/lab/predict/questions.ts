// Predict mode's questions, read off a run: before each step that sends a segment starting a phase
// of the connection (a SYN, the SYN+ACK, the handshake's ACK, a FIN, the ACK of a FIN, a RST, a
// retransmission), the student predicts that segment's flags, its seq and ack numbers, and the state
// each side is in after the step. Every expected value is the engine's: nothing here is typed in by
// hand, so a question can never disagree with the arrow that follows it.
import type { Flag, Side, TcpState } from '../../engine/types';
import type { SegmentInfo, Step, StepView } from '../types';

/** Which part of the connection's story a question's segment starts. */
export type Phase =
  'syn' | 'syn-ack' | 'handshake-ack' | 'fin' | 'fin-ack' | 'rst' | 'retransmission';

/** A number as each numbering shows it (the page's relative/absolute switch). */
export interface Numbered {
  relative: number;
  absolute: number;
}

export interface SegmentQuestion {
  /** The step that sends the segment: the question is open while step `step - 1` is shown. */
  step: number;
  segmentId: number;
  from: Side;
  phase: Phase;
  expected: {
    flags: readonly Flag[];
    seq: Numbered;
    /** Null when the segment carries no ACK flag (a bare SYN, a RST without ACK). */
    ack: Numbered | null;
    /** Each side's state once the step has played. */
    states: Readonly<Record<Side, TcpState>>;
  };
}

export interface QuestionRun {
  steps: readonly Step[];
  segments: readonly SegmentInfo[];
  viewAt(step: number): Pick<StepView, 'states'>;
}

/** The phase a segment sent at its step starts, or null when it only continues one (data, an ACK of data). */
export function phaseOf(seg: SegmentInfo, deliveredWithIt: readonly SegmentInfo[]): Phase | null {
  const has = (flag: Flag) => seg.flags.includes(flag);
  if (has('RST')) return 'rst';
  if (seg.retransmission) return 'retransmission';
  if (has('SYN')) return has('ACK') ? 'syn-ack' : 'syn';
  if (has('FIN')) return 'fin';
  if (!has('ACK') || seg.len > 0) return null;
  // A bare ACK answers what arrived at the same step: a SYN+ACK (the handshake's third segment)
  // or a FIN.
  const answered = deliveredWithIt.filter((other) => other.to === seg.from);
  if (answered.some((other) => other.flags.includes('SYN'))) return 'handshake-ack';
  if (answered.some((other) => other.flags.includes('FIN'))) return 'fin-ack';
  return null;
}

/**
 * The questions of a run, in step order: at most one per step (its first segment that starts a
 * phase), so the student predicts one arrow at a time.
 */
export function questionsOf(run: QuestionRun): SegmentQuestion[] {
  const sentAt = new Map<number, SegmentInfo[]>();
  const deliveredAt = new Map<number, SegmentInfo[]>();
  for (const seg of run.segments) {
    sentAt.set(seg.sentStep, [...(sentAt.get(seg.sentStep) ?? []), seg]);
    if (seg.deliveredStep !== null) {
      deliveredAt.set(seg.deliveredStep, [...(deliveredAt.get(seg.deliveredStep) ?? []), seg]);
    }
  }
  const out: SegmentQuestion[] = [];
  for (const step of run.steps) {
    const delivered = deliveredAt.get(step.number) ?? [];
    for (const seg of sentAt.get(step.number) ?? []) {
      const phase = phaseOf(seg, delivered);
      if (phase === null) continue;
      const states = run.viewAt(step.number).states;
      const hasAck = seg.flags.includes('ACK');
      out.push({
        step: step.number,
        segmentId: seg.id,
        from: seg.from,
        phase,
        expected: {
          flags: seg.flags,
          seq: { relative: seg.relSeq, absolute: seg.seq },
          ack: hasAck ? { relative: seg.relAck ?? 0, absolute: seg.ack } : null,
          states: { client: states.client, server: states.server },
        },
      });
      break;
    }
  }
  return out;
}
