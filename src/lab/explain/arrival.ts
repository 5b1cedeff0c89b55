// A segment arriving: what the receiver made of it, from what it did (its state changes and its
// reply), with old segments of an earlier connection and injected ones told apart first.
import type { DiscardKind, Flag, Side, TcpState } from '../../engine/types';
import type { SegmentInfo } from '../types';
import { explanation, flagLabel, type ExplainKey, type Explanation } from './explanation';
import type { StepView } from './step';

export function explainArrival(step: StepView): Explanation | undefined {
  const { deliver } = step;
  if (!deliver) return undefined;
  const seg = step.segment(deliver.id);
  if (!seg) return undefined;
  const me = seg.to;
  // A hand-made segment, sent and delivered in this one step.
  const injectedNow = seg.injected && step.sends.some((s) => s.id === seg.id);
  const replies = step.sendsBy(me);
  const reply = replies[0];
  const span = step.span(me);
  const base = {
    who: me,
    peer: seg.from,
    flags: flagLabel(seg.flags),
    seq: seg.relSeq,
    ack: seg.relAck ?? 0,
    len: seg.len,
    from: span.from,
    to: span.to,
    replyAck: reply?.relAck ?? 0,
    replyFlags: reply ? flagLabel(reply.flags) : '',
  };
  const a = (key: ExplainKey, rfc: string, extra: Explanation['params'] = {}): Explanation =>
    explanation(key, rfc, { ...base, ...extra });

  // Thrown away on arrival, as the receiver's rules say: that is the whole story of a copy too.
  const discarded = discardKind(deliver.discarded, reply);
  if (discarded) return a(discarded[0], discarded[1]);
  if (deliver.duplicate === true) {
    return a(replies.length > 0 ? 'arrive.duplicateAnswered' : 'arrive.duplicateIgnored', '3.4');
  }
  if (injectedNow) {
    // Say what it was and what it caused.
    const inner = arrivalKind(step, me, seg, span, reply, false);
    return a(
      inner?.[0] === 'arrive.nothing' ? 'arrive.injectedIgnored' : 'arrive.injected',
      '3.10.7',
      { reaction: reply?.reason ?? '' },
    );
  }
  const kind = arrivalKind(step, me, seg, span, reply, seg.old);
  if (kind) return a(kind[0], kind[1]);
  return a('arrive.nothing', '3.10.7.4');
}

/** A segment the receiver discarded (CONTRACT.md section 0.6), by why and by its answer. */
function discardKind(
  discarded: DiscardKind | undefined,
  reply: SegmentInfo | undefined,
): [ExplainKey, string] | undefined {
  const acked = reply !== undefined && !reply.flags.includes('RST');
  switch (discarded) {
    case 'paws':
      return acked ? ['arrive.pawsAcked', 'RFC 7323 §5.3'] : ['arrive.paws', 'RFC 7323 §5.3'];
    case 'out-of-window':
      return acked ? ['arrive.outOfWindowAcked', '3.10.7.4'] : ['arrive.outOfWindow', '3.10.7.4'];
    case 'no-connection':
      // Answered by a RST, the other explanations say why; nobody answers a RST, for one.
      return reply ? undefined : ['arrive.noConnectionSilent', '3.10.7.1'];
    case 'ignored':
      // A rule ignores it (a RST in TIME_WAIT, say): the explanations below name that rule.
      return undefined;
    default:
      return undefined;
  }
}

function arrivalKind(
  step: StepView,
  me: Side,
  seg: SegmentInfo,
  span: { from: TcpState; to: TcpState },
  reply: SegmentInfo | undefined,
  old: boolean,
): [ExplainKey, string] | undefined {
  const has = (f: Flag): boolean => seg.flags.includes(f);
  const went = (from: TcpState | null, to: TcpState): boolean => step.went(me, from, to);
  const reason = reply?.reason;
  const app = step.apps.find((e) => e.who === me);

  // Old segments of an earlier connection.
  const late = (step.deliver?.delayedMs ?? 0) > 0;
  if (late && (reason === 'rst-listen' || reason === 'rst-closed'))
    return ['arrive.oldNoConnection', '3.4.3'];
  if (old) {
    if (seg.len > 0 && reason === 'ack' && span.from === span.to)
      return ['arrive.oldDataAccepted', '3.4.3'];
    if (reason === 'rst-listen' || reason === 'rst-closed')
      return ['arrive.oldNoConnection', '3.4.3'];
    if (has('SYN') && went('LISTEN', 'SYN_RCVD')) {
      return went('SYN_RCVD', 'ESTABLISHED')
        ? ['arrive.oldSynTwoWay', '3.5']
        : ['arrive.oldSyn', '3.5'];
    }
    if (step.transitions(me).length === 0) return ['arrive.oldIgnored', '3.4.3'];
  }

  // RST.
  if (has('RST')) {
    if (app?.result === 'ECONNREFUSED') return ['arrive.rstRefused', '3.10.7.3'];
    if (went('SYN_RCVD', 'LISTEN')) return ['arrive.rstBackToListen', '3.5.1'];
    // A connection the listener made, reset before accept() took it: only its socket goes.
    if (me === 'server' && went('SYN_RCVD', 'CLOSED')) return ['arrive.rstEmbryonic', '3.10.7.4'];
    if (span.to === 'CLOSED' && span.from !== 'CLOSED') {
      return span.from === 'LAST_ACK' || span.from === 'CLOSING' || span.from === 'TIME_WAIT'
        ? ['arrive.rstWhileClosing', '3.10.7.4']
        : ['arrive.rstReset', '3.5.3'];
    }
    if (reason === 'challenge-ack') return ['arrive.rstChallenge', 'RFC 5961 §3'];
    return span.from === 'TIME_WAIT'
      ? ['arrive.rstTimeWait', 'RFC 1337']
      : ['arrive.rstIgnored', '3.5.3'];
  }

  // SYN.
  if (has('SYN') && !has('ACK')) {
    if (went(null, 'SYN_RCVD') && went('SYN_RCVD', 'ESTABLISHED'))
      return ['arrive.synListenTwoWay', '3.5'];
    if (went('SYN_SENT', 'SYN_RCVD')) return ['arrive.synSimultaneous', '3.10.7.3'];
    if (went('TIME_WAIT', 'CLOSED') || (span.from === 'TIME_WAIT' && went(null, 'SYN_RCVD')))
      return ['arrive.synReopensTimeWait', 'RFC 6191'];
    if (went(null, 'SYN_RCVD')) {
      return me === 'server' && step.newSocket()
        ? ['arrive.synNewSocket', '3.10.7.2']
        : ['arrive.synListen', '3.10.7.2'];
    }
    if (reason === 'rst-closed') return ['arrive.synClosedPort', '3.10.7.1'];
    if (reason === 'retransmit' && span.from === 'SYN_RCVD') return ['arrive.synAgain', '3.10.7.4'];
    if (reason === 'challenge-ack') return ['arrive.synChallenge', 'RFC 5961 §4'];
    if (reason === 'rst-syn-in-window') return ['arrive.synInWindow', '3.10.7.4'];
    return undefined;
  }
  if (has('SYN') && has('ACK')) {
    if (went('SYN_SENT', 'ESTABLISHED')) return ['arrive.synAck', '3.10.7.3'];
    if (went('SYN_RCVD', 'ESTABLISHED')) return ['arrive.synAckSimultaneous', '3.10.7.4'];
    if (reason === 'rst-closed' || reason === 'rst-listen')
      return ['arrive.synAckNoConnection', '3.10.7.1'];
    if (reason === 'dup-ack' || reason === 'ack') return ['arrive.synAckAgain', '3.10.7.4'];
    if (reason === 'rst-bad-ack') return ['arrive.badAck', '3.10.7.3'];
    return undefined;
  }

  // Everything else carries an ACK: state changes first.
  if (
    went('FIN_WAIT_2', 'CLOSED') ||
    (went(null, 'CLOSED') && (span.from === 'FIN_WAIT_1' || span.from === 'FIN_WAIT_2'))
  )
    return ['arrive.finNoTimeWait', '3.6'];
  if (went(null, 'CLOSE_WAIT')) {
    if (went('CLOSE_WAIT', 'LAST_ACK')) {
      return step.timer(me, 'delayed-ack', 'set') !== undefined
        ? ['arrive.finDelayedAckClose', '3.8.6.3']
        : ['arrive.finAndClose', '3.6'];
    }
    return ['arrive.fin', '3.6'];
  }
  if (went(null, 'CLOSING')) return ['arrive.finSimultaneous', '3.6'];
  if (went('CLOSING', 'TIME_WAIT')) return ['arrive.ackOfFinClosing', '3.6'];
  if (went(null, 'TIME_WAIT')) return ['arrive.finTimeWait', '3.6'];
  if (went('SYN_RCVD', 'ESTABLISHED')) {
    const accepted = step.apps.some(
      (e) => e.who === me && e.call === 'accept' && e.result === 'ok',
    );
    return accepted
      ? ['arrive.handshakeAckAccepted', '3.10.7.4']
      : ['arrive.handshakeAck', '3.10.7.4'];
  }
  if (went('FIN_WAIT_1', 'FIN_WAIT_2')) return ['arrive.ackOfFin', '3.6'];
  if (went('LAST_ACK', 'CLOSED')) return ['arrive.lastAck', '3.6'];
  if (span.from === 'TIME_WAIT' && has('FIN')) {
    return step.timer(me, 'time-wait', 'set')
      ? ['arrive.finAgainTimeWait', '3.10.7.4']
      : ['arrive.finAgainTimeWaitNoRestart', '3.10.7.4'];
  }

  // No state change.
  switch (reason) {
    case 'rst-closed':
      return has('FIN')
        ? ['arrive.finNoConnection', '3.10.7.1']
        : ['arrive.noConnection', '3.10.7.1'];
    case 'rst-listen':
      return ['arrive.ackAtListen', '3.10.7.2'];
    case 'rst-orphan-data':
      return ['arrive.dataAfterClose', 'RFC 1122 §4.2.2.13'];
    case 'rst-bad-ack':
      return ['arrive.badAck', '3.10.7.4'];
    case 'rst-syn-in-window':
      return ['arrive.synInWindow', '3.10.7.4'];
    case 'challenge-ack':
      return ['arrive.challenge', 'RFC 5961 §5'];
    default:
      break;
  }
  if (seg.len > 0 || has('FIN')) {
    if (reason === 'ack') return ['arrive.data', '3.10.7.4'];
    if (reason === 'dup-ack' && reply) {
      const expected = (reply.ack - seg.seq) | 0; // > 0: the segment starts below what is expected
      return expected > 0
        ? ['arrive.dataDuplicate', '3.10.7.4']
        : ['arrive.outOfOrder', '3.10.7.4'];
    }
    if (step.timer(me, 'delayed-ack', 'set')) return ['arrive.dataDelayedAck', '3.8.6.3'];
    return ['arrive.dataNoAck', '3.8.6.3'];
  }
  // A pure ACK.
  if (reason === 'dup-ack') return ['arrive.ackUnacceptable', '3.10.7.4'];
  // What the ACK did to the timers: stopped them (all acknowledged), or restarted them for the rest.
  for (const name of ['retransmit', 'loss-probe'] as const) {
    if (!step.timer(me, name, 'cancel')) continue;
    const again = step.timer(me, name, 'set') !== undefined;
    if (name === 'retransmit')
      return again ? ['arrive.ackRestart', 'RFC 6298 §5.3'] : ['arrive.ack', '3.10.7.4'];
    return again ? ['arrive.ackProbeAgain', 'RFC 8985 §7'] : ['arrive.ackProbe', 'RFC 8985 §7'];
  }
  if (seg.reason === 'dup-ack') return ['arrive.dupAckIgnored', '3.10.7.4'];
  return ['arrive.ackNothing', '3.10.7.4'];
}
