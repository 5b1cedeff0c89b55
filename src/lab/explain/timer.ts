// A timer firing: retransmission (and giving up), Linux's tail loss probe, TIME_WAIT's end,
// FIN_WAIT_2's, a delayed ACK.
import { peerOf } from '../../engine/types';
import { explanation, flagLabel, type ExplainKey, type Explanation } from './explanation';
import type { StepView } from './step';

export function explainTimer(step: StepView): Explanation | undefined {
  const first = step.events[0];
  if (first?.type !== 'timer' || first.action !== 'fire') return undefined;
  const who = first.who;
  const span = step.span(who);
  switch (first.timer) {
    case 'retransmit': {
      const rtx = step.sendsBy(who).find((s) => s.retransmission);
      if (rtx) {
        const next = step.timer(who, 'retransmit', 'set');
        const params = {
          who,
          peer: peerOf(who),
          flags: flagLabel(rtx.flags),
          seq: rtx.relSeq,
          len: rtx.len,
          rto: { ms: next?.due !== undefined ? next.due - next.t : 0 },
        };
        const key: ExplainKey = rtx.flags.includes('SYN')
          ? rtx.flags.includes('ACK')
            ? 'timer.retransmitSynAck'
            : 'timer.retransmitSyn'
          : rtx.flags.includes('FIN') && rtx.len === 0
            ? 'timer.retransmitFin'
            : 'timer.retransmitData';
        return explanation(key, 'RFC 6298 §5', params);
      }
      const failed = step.apps.find((a) => a.who === who && a.result === 'ETIMEDOUT');
      if (failed?.call === 'connect')
        return explanation('timer.connectTimeout', '3.8.3', { who, peer: peerOf(who) });
      if (span.to === 'CLOSED' || failed)
        return explanation('timer.giveUp', '3.8.3', { who, peer: peerOf(who), state: span.from });
      return explanation('timer.retransmitNothing', '3.8.1', { who });
    }
    case 'loss-probe': {
      const probe =
        step.sendsBy(who).find((s) => s.reason === 'loss-probe') ?? step.sendsBy(who)[0];
      if (!probe) return explanation('timer.lossProbeNothing', 'RFC 8985 §7', { who });
      return explanation('timer.lossProbe', 'RFC 8985 §7', {
        who,
        peer: peerOf(who),
        flags: flagLabel(probe.flags),
        seq: probe.relSeq,
        len: probe.len,
      });
    }
    case 'time-wait':
      return explanation('timer.timeWait', '3.10.8', {
        who,
        duration: { ms: step.before.timeWaitMs[who] },
      });
    case 'fin-wait-2':
      return explanation('timer.finWait2', '3.6', { who, peer: peerOf(who) });
    case 'delayed-ack': {
      const ack = step.sendsBy(who)[0];
      if (!ack) return explanation('timer.delayedAckNothing', '3.8.6.3', { who });
      return explanation('timer.delayedAck', '3.8.6.3', {
        who,
        peer: peerOf(who),
        ack: ack.relAck ?? 0,
      });
    }
  }
}
