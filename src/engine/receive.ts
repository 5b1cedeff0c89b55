// Segment arrival, following RFC 9293 section 3.10.7 step by step, with RFC 5961's challenge
// ACKs, RFC 7323's PAWS and the Linux differences the profile names.
import { closeSocket } from './app';
import {
  ackReceived,
  dataReceived,
  established,
  finAcked,
  pushOutput,
  retransmitFirst,
  sendLimitedAck,
  sendAck,
  sendRst,
  sendSyn,
  takeAck,
} from './output';
import type { RuleId } from './rules';
import {
  appResult,
  cancelTimer,
  deleteTcb,
  discard,
  type Endpoint,
  noteArrival,
  makeTcb,
  negotiate,
  nextIsn,
  type Segment,
  segSpace,
  setState,
  setTimer,
  showNewPassive,
  showState,
  type Sim,
  type Tcb,
  TIMER_NAMES,
  timestampOf,
  WINDOW,
} from './sim';
import { seqAdd, seqDiff, seqGt, seqLeq, seqLt } from './seq';
import { ACK, FIN, RST, SYN } from './wire/flags';

export function receive(sim: Sim, ep: Endpoint, seg: Segment): void {
  if (ep.scripted) return;
  const tcb = ep.conn;
  if (tcb === null) {
    if (ep.listening) onListen(sim, ep, seg);
    else onClosed(sim, ep, seg);
  } else if (tcb.state === 'SYN_SENT') {
    onSynSent(sim, ep, tcb, seg);
  } else {
    onSynchronized(sim, ep, tcb, seg);
  }
}

/** 3.10.7.1: no connection and no listener. */
function onClosed(sim: Sim, ep: Endpoint, seg: Segment): void {
  discard(sim, 'no-connection', 'no-connection');
  if (seg.flags & RST) return;
  if (seg.flags & ACK) sendRst(sim, ep, seg.ack, null, 'rst-closed', 'rst-closed');
  else {
    const ack = seqAdd(seg.seq, segSpace(seg.flags, seg.len));
    sendRst(sim, ep, 0, ack, 'rst-closed', 'rst-closed');
  }
}

/** 3.10.7.2: the listening socket. It never changes state for a segment. */
function onListen(sim: Sim, ep: Endpoint, seg: Segment): void {
  if (seg.flags & RST) {
    discard(sim, 'no-connection', 'no-connection');
    return;
  }
  if (seg.flags & ACK) {
    discard(sim, 'no-connection', 'listener-gets-ack');
    sendRst(sim, ep, seg.ack, null, 'rst-listen', 'rst-listen');
    return;
  }
  if (!(seg.flags & SYN)) {
    discard(sim, 'no-connection', 'no-connection');
    return;
  }
  openPassive(sim, ep, seg, nextIsn(sim, ep));
}

/** A SYN reaches the listener: it makes a new socket for the connection, in SYN_RCVD. */
function openPassive(sim: Sim, ep: Endpoint, seg: Segment, iss: number): void {
  const tcb = makeTcb(sim, ep, 'SYN_RCVD', iss, true);
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  tcb.sndWnd = seg.window; // a SYN's window is never scaled (RFC 7323 section 2.2)
  negotiate(tcb, seg);
  ep.conn = tcb;
  ep.lastIsn = tcb.iss;
  ep.pendingError = null;
  showNewPassive(sim, ep, 'syn-to-listener');
  sendSyn(sim, ep, tcb, 'passive-open', 'syn-options');
  // What if the passive side trusted its own SYN+ACK? (whatIf.twoWayHandshake)
  if (sim.behaviour.twoWayHandshake) established(sim, ep, tcb, 'two-way-handshake');
}

/** The timestamp a segment echoes, when the connection uses timestamps (0: none). */
function tsecrOf(tcb: Tcb, seg: Segment): number {
  return tcb.negotiated?.timestamps === true ? (timestampOf(seg)?.tsecr ?? 0) : 0;
}

/** 3.10.7.3 */
function onSynSent(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): void {
  const hasAck = (seg.flags & ACK) !== 0;
  if (hasAck && (seqLeq(seg.ack, tcb.iss) || seqGt(seg.ack, tcb.sndNxt))) {
    discard(sim, 'ignored', 'rst-bad-ack');
    if (!(seg.flags & RST)) sendRst(sim, ep, seg.ack, null, 'rst-bad-ack', 'rst-bad-ack');
    return;
  }
  if (seg.flags & RST) {
    if (hasAck) refuse(sim, ep, tcb);
    else discard(sim, 'ignored', 'rst-without-ack');
    return;
  }
  if (!(seg.flags & SYN)) {
    discard(sim, 'ignored', 'syn-sent-no-syn');
    return;
  }
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  tcb.sndWnd = seg.window;
  negotiate(tcb, seg);
  if (hasAck) {
    takeAck(sim, ep, tcb, seg.ack, tsecrOf(tcb, seg));
    established(sim, ep, tcb, 'syn-ack-received');
    sendAck(sim, ep, tcb, 'handshake-ack', 'syn-ack-received');
    pushOutput(sim, ep, tcb);
    return;
  }
  // Simultaneous open (Figure 7): both SYNs crossed.
  setState(sim, ep, tcb, 'SYN_RCVD', 'simultaneous-open');
  sendSyn(sim, ep, tcb, 'simultaneous-open', 'simultaneous-open');
}

/** A RST answered our SYN: "connection refused". */
function refuse(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  error: 'ECONNREFUSED' | 'ECONNRESET' = 'ECONNREFUSED',
): void {
  if (tcb.connectPending) {
    tcb.connectPending = false;
    appResult(sim, ep.side, 'connect', error, 'rst-refused');
  } else if (tcb.attached) {
    ep.pendingError = error;
  }
  deleteTcb(sim, ep, tcb, 'rst-refused');
}

/** Table 6 of 3.10.7.4: does any of the segment fall in the receive window? */
function acceptable(tcb: Tcb, seq: number, space: number): boolean {
  if (space === 0) return inWindow(tcb, seq);
  return inWindow(tcb, seq) || inWindow(tcb, seqAdd(seq, space - 1));
}

/** Not a closure inside acceptable(): that runs for every segment (see route() in sim.ts). */
function inWindow(tcb: Tcb, n: number): boolean {
  const d = seqDiff(n, tcb.rcvNxt);
  // The window we advertise: with scaling, what the scaled field can say (RFC 7323 section 2.3).
  const shift = tcb.negotiated?.rcvShift ?? 0;
  return d >= 0 && d < (WINDOW >> shift) << shift;
}

/**
 * RFC 7323 section 5.3 R1 (Linux tcp_paws_discard()): a segment whose timestamp is older than
 * TS.Recent is an old duplicate, however well its sequence number fits. A RST is never refused
 * this way (RFC 7323 section 5.3; Linux tcp_validate_incoming()).
 */
function pawsRejects(tcb: Tcb, seg: Segment): boolean {
  if (tcb.noPaws || tcb.negotiated?.timestamps !== true || tcb.tsRecent === null) return false;
  if (seg.flags & RST) return false;
  const ts = timestampOf(seg);
  // Timestamps compare modulo 2^32 like sequence numbers (RFC 7323 section 5.2).
  return ts !== null && seqLt(ts.tsval, tcb.tsRecent);
}

/** RFC 7323 section 4.3: TS.Recent follows segments that reach the left edge of the window. */
function updateTsRecent(tcb: Tcb, seg: Segment): void {
  if (tcb.negotiated?.timestamps !== true) return;
  const ts = timestampOf(seg);
  if (ts !== null && seqLeq(seg.seq, tcb.lastAckSent)) tcb.tsRecent = ts.tsval;
}

/** 3.10.7.4: SYN_RCVD and every later state. */
function onSynchronized(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): void {
  if (tcb.state === 'TIME_WAIT' && onTimeWaitSpecial(sim, ep, tcb, seg)) return;
  if (tcb.state === 'SYN_RCVD' && seg.flags & SYN && !(seg.flags & RST) && seg.seq === tcb.irs) {
    if (!(seg.flags & ACK)) {
      if (sim.behaviour.synAckOnRepeatedSyn) {
        // Linux (tcp_check_req()) and BSD: the peer's SYN again means our SYN+ACK was lost, so
        // send it again at once.
        retransmitFirst(sim, ep, tcb, 'syn-repeated');
      } else {
        // RFC 9293: the SYN lies below the window (its number is RCV.NXT - 1), so the first
        // check answers it with an ACK and drops it.
        discard(sim, 'out-of-window', 'duplicate-syn');
        sendLimitedAck(sim, ep, tcb, 'dup-ack', 'duplicate-syn');
      }
      return;
    }
    // Simultaneous open: the peer's SYN+ACK repeats the SYN we hold; take its ACK alone.
    seg = { ...seg, flags: seg.flags & ~SYN, seq: seqAdd(seg.seq, 1) };
  }

  if (pawsRejects(tcb, seg)) {
    discard(sim, 'paws', 'paws');
    sendLimitedAck(sim, ep, tcb, 'paws-ack', 'paws');
    return;
  }
  // First: sequence number check.
  const space = segSpace(seg.flags, seg.len);
  if (!acceptable(tcb, seg.seq, space)) {
    discard(sim, 'out-of-window', 'out-of-window');
    if (seg.flags & RST) return;
    // Only answers to bare ACKs and SYNs are rate-limited: those are what ACK loops are made of
    // (Linux's tcp_oow_rate_limited); data and FINs are answered every time.
    if (space === 0 || seg.flags & SYN) sendLimitedAck(sim, ep, tcb, 'dup-ack', 'out-of-window');
    else sendAck(sim, ep, tcb, 'dup-ack', 'out-of-window');
    return;
  }
  updateTsRecent(tcb, seg);
  // Second: RST (RFC 5961 section 3: reset only on an exact match, else a challenge ACK).
  if (seg.flags & RST) {
    if (seg.seq === tcb.rcvNxt) onReset(sim, ep, tcb);
    else sendLimitedAck(sim, ep, tcb, 'challenge-ack', 'rst-challenge');
    return;
  }
  // Fourth: SYN in a synchronized state.
  if (seg.flags & SYN) {
    if (tcb.state === 'SYN_RCVD' && tcb.passive) {
      // RFC 9293: the embryonic connection goes (the listener stays); Linux also resets the peer.
      if (sim.behaviour.rstOnSynInSynRcvd) {
        const ack = seqAdd(seg.seq, segSpace(seg.flags, seg.len));
        sendRst(sim, ep, 0, ack, 'rst-syn-in-window', 'rst-syn-in-window');
        deleteTcb(sim, ep, tcb, 'rst-syn-in-window');
      } else {
        deleteTcb(sim, ep, tcb, 'syn-in-window');
      }
    } else {
      sendLimitedAck(sim, ep, tcb, 'challenge-ack', 'challenge-ack');
    }
    return;
  }
  // Fifth: ACK.
  if (!(seg.flags & ACK)) {
    discard(sim, 'ignored', 'no-ack-bit');
    return;
  }
  if (!onAckField(sim, ep, tcb, seg)) return;
  // Seventh and eighth: text and FIN.
  onTextAndFin(sim, ep, tcb, seg);
}

/**
 * TIME_WAIT's own rules: a retransmitted FIN is ACKed and restarts 2·MSL; a new SYN with a higher
 * sequence number or a newer timestamp reopens the connection when someone listens (RFC 9293
 * 3.10.7.4 and RFC 6191; Linux tcp_timewait_state_process()); with tcp_rfc1337 a RST is ignored.
 */
function onTimeWaitSpecial(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): boolean {
  if (seg.flags & RST) {
    if (!sim.behaviour.rfc1337) return false;
    discard(sim, 'ignored', 'rfc1337-ignore-rst');
    return true;
  }
  if (seg.flags & FIN && seqAdd(seg.seq, seg.len + 1) === tcb.rcvNxt) {
    sendAck(sim, ep, tcb, 'ack', 'time-wait-restart');
    setTimer(sim, ep, tcb, 'time-wait', 2 * sim.behaviour.mslMs, 'time-wait-restart');
    return true;
  }
  if (seg.flags & SYN && !(seg.flags & ACK) && ep.listening && newerSyn(tcb, seg)) {
    const linux = sim.behaviour.profile === 'linux';
    const rule: RuleId = linux ? 'time-wait-reopen-linux' : 'time-wait-reopen';
    for (const name of TIMER_NAMES) cancelTimer(sim, ep, tcb, name, rule);
    tcb.state = 'CLOSED';
    ep.conn = null;
    showState(sim, ep, 'CLOSED', rule);
    // Linux starts the new connection past anything the old one sent (tw_snd_nxt + 65537).
    openPassive(sim, ep, seg, linux ? seqAdd(tcb.sndNxt, 65535 + 2) : nextIsn(sim, ep));
    return true;
  }
  return false;
}

/** A SYN that cannot belong to the old connection: a higher sequence number or a newer timestamp. */
function newerSyn(tcb: Tcb, seg: Segment): boolean {
  if (seqGt(seg.seq, tcb.rcvNxt)) return true;
  const ts = timestampOf(seg);
  return (
    tcb.negotiated?.timestamps === true &&
    tcb.tsRecent !== null &&
    ts !== null &&
    seqGt(ts.tsval, tcb.tsRecent)
  );
}

function onReset(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  switch (tcb.state) {
    case 'SYN_RCVD':
      // A passive open's connection goes; the listener, never out of LISTEN, takes the next SYN.
      if (tcb.passive) deleteTcb(sim, ep, tcb, 'rst-embryonic');
      else refuse(sim, ep, tcb, sim.behaviour.linuxResetErrors ? 'ECONNRESET' : 'ECONNREFUSED');
      return;
    case 'ESTABLISHED':
    case 'FIN_WAIT_1':
    case 'FIN_WAIT_2':
    case 'CLOSE_WAIT':
      if (tcb.attached) {
        const linuxEpipe = tcb.state === 'CLOSE_WAIT' && sim.behaviour.linuxResetErrors;
        ep.pendingError = linuxEpipe ? 'EPIPE' : 'ECONNRESET';
      }
      deleteTcb(sim, ep, tcb, 'rst-received');
      return;
    case 'TIME_WAIT':
      // tcp_rfc1337=0 (Linux's default) and RFC 9293 alike: an acceptable RST ends TIME_WAIT.
      deleteTcb(sim, ep, tcb, 'rst-in-time-wait');
      return;
    default:
      deleteTcb(sim, ep, tcb, 'rst-received');
  }
}

/** Returns false when processing stops here. */
function onAckField(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): boolean {
  const ack = seg.ack;
  const shift = tcb.negotiated?.sndShift ?? 0;
  if (tcb.state === 'SYN_RCVD') {
    if (!(seqGt(ack, tcb.sndUna) && seqLeq(ack, tcb.sndNxt))) {
      sendRst(sim, ep, ack, null, 'rst-bad-ack', 'rst-bad-ack');
      return false;
    }
    takeAck(sim, ep, tcb, ack, tsecrOf(tcb, seg));
    tcb.sndWnd = seg.window << shift;
    established(sim, ep, tcb, 'handshake-ack');
    pushOutput(sim, ep, tcb);
    return true;
  }
  if (tcb.state === 'TIME_WAIT') return true;
  if (seqGt(ack, tcb.sndNxt)) {
    // It acknowledges something never sent: answer with what we did send, and drop it.
    discard(sim, 'ignored', 'ack-of-unsent');
    sendLimitedAck(sim, ep, tcb, 'dup-ack', 'ack-of-unsent');
    return false;
  }
  if (seqGt(ack, tcb.sndUna)) takeAck(sim, ep, tcb, ack, tsecrOf(tcb, seg));
  else if (seg.len === 0 && !(seg.flags & FIN)) {
    // A bare ACK that acknowledges nothing new: a duplicate ACK while data is outstanding
    // (RFC 5681's definition), otherwise nothing at all. Nothing is emitted for it, so the
    // arrival itself carries the rule.
    noteArrival(sim, tcb.inFlight.length > 0 ? 'dup-ack-received' : 'ack-nothing-new');
  }
  tcb.sndWnd = seg.window << shift;
  switch (tcb.state) {
    case 'FIN_WAIT_1':
      if (finAcked(tcb)) enterFinWait2(sim, ep, tcb);
      break;
    case 'CLOSING':
      if (finAcked(tcb)) enterTimeWait(sim, ep, tcb, 'fin-acked');
      return false;
    case 'LAST_ACK':
      if (finAcked(tcb)) deleteTcb(sim, ep, tcb, 'fin-acked');
      return false;
    default:
      break;
  }
  pushOutput(sim, ep, tcb);
  return true;
}

function enterFinWait2(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  setState(sim, ep, tcb, 'FIN_WAIT_2', 'fin-acked');
  const limit = sim.behaviour.finWait2Ms;
  if (!tcb.attached && limit > 0) setTimer(sim, ep, tcb, 'fin-wait-2', limit, 'fin-wait-2-timeout');
}

export function enterTimeWait(sim: Sim, ep: Endpoint, tcb: Tcb, rule: RuleId): void {
  if (sim.behaviour.noTimeWait) {
    deleteTcb(sim, ep, tcb, 'no-time-wait');
    return;
  }
  const timerRule: RuleId = sim.behaviour.profile === 'linux' ? 'linux-time-wait' : 'time-wait';
  for (const name of TIMER_NAMES) cancelTimer(sim, ep, tcb, name, timerRule);
  setState(sim, ep, tcb, 'TIME_WAIT', rule);
  setTimer(sim, ep, tcb, 'time-wait', 2 * sim.behaviour.mslMs, timerRule);
}

function takesText(tcb: Tcb): boolean {
  return tcb.state === 'ESTABLISHED' || tcb.state === 'FIN_WAIT_1' || tcb.state === 'FIN_WAIT_2';
}

function onTextAndFin(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): void {
  const hasFin = (seg.flags & FIN) !== 0;
  if (seg.len === 0 && !hasFin) return;
  if (!takesText(tcb)) {
    // A FIN was received already: anything more is a repeat; say where we are.
    sendAck(sim, ep, tcb, 'dup-ack', 'after-fin');
    return;
  }
  // Drop what we already have from the front of the segment.
  let seq = seg.seq;
  let len = seg.len;
  const old = seqDiff(tcb.rcvNxt, seq);
  if (old > 0) {
    seq = tcb.rcvNxt;
    len = Math.max(0, len - old);
  }
  if (len > 0 && !tcb.attached && sim.behaviour.rstOnOrphanData) {
    // Linux: nobody will ever read this, so tell the peer at once (tcp_rcv_state_process). The RST
    // answers the segment (tcp_v4_send_reset): SEQ = SEG.ACK, no ACK bit (step five let only
    // segments with ACK through).
    sendRst(sim, ep, seg.ack, null, 'rst-orphan-data', 'rst-orphan-data');
    deleteTcb(sim, ep, tcb, 'rst-orphan-data');
    return;
  }
  if (seqGt(seq, tcb.rcvNxt)) {
    // A gap before this segment: hold it and ACK what we have so the peer sees the hole.
    tcb.outOfOrder.push({ seq, len, fin: hasFin });
    sendAck(sim, ep, tcb, 'dup-ack', 'out-of-order');
    return;
  }
  const filledGap = tcb.outOfOrder.length > 0;
  tcb.rcvNxt = seqAdd(tcb.rcvNxt, len);
  if (len > 0) dataReceived(sim, tcb, len);
  // Nothing follows a FIN: with one here, held data (all of it redundant or beyond the FIN) is
  // not drained but dropped with the queue (onFin), as Linux's tcp_fin purges its ofo queue.
  let fin = hasFin;
  if (filledGap && !hasFin) fin = drainOutOfOrder(tcb);
  if (fin) {
    onFin(sim, ep, tcb, filledGap);
  } else if (len > 0) {
    ackReceived(sim, ep, tcb, filledGap);
  }
}

/** Moves RCV.NXT over held segments that now follow on; true when a held FIN is reached. */
function drainOutOfOrder(tcb: Tcb): boolean {
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const held of tcb.outOfOrder) {
      const end = seqAdd(held.seq, held.len);
      if (seqLeq(held.seq, tcb.rcvNxt) && seqGt(end, tcb.rcvNxt)) {
        tcb.rcvNxt = end;
        progressed = true;
      }
      if (held.fin && end === tcb.rcvNxt) return true; // the FIN ends the stream: stop here
    }
  }
  tcb.outOfOrder = tcb.outOfOrder.filter((held) => seqLt(tcb.rcvNxt, seqAdd(held.seq, held.len)));
  return false;
}

/** Eighth step: the peer's FIN, in order. */
function onFin(sim: Sim, ep: Endpoint, tcb: Tcb, filledGap: boolean): void {
  tcb.rcvNxt = seqAdd(tcb.rcvNxt, 1);
  tcb.outOfOrder = [];
  tcb.finReceived = true;
  switch (tcb.state) {
    case 'SYN_RCVD':
    case 'ESTABLISHED': {
      setState(sim, ep, tcb, 'CLOSE_WAIT', 'fin-received');
      // Linux's tcp_fin() enters interactive mode: the ACK waits, hoping to ride on our FIN.
      if (sim.behaviour.delayFinAck) tcb.pingpong = true;
      ackReceived(sim, ep, tcb, filledGap);
      if (ep.closeOnEof && tcb.attached) {
        // The application reads end-of-file and calls close(): its call shows like any other.
        appResult(sim, ep.side, 'close', 'ok', 'app-close');
        closeSocket(sim, ep, tcb);
      }
      return;
    }
    case 'FIN_WAIT_1':
      sendAck(sim, ep, tcb, 'ack', 'fin-received');
      if (finAcked(tcb)) enterTimeWait(sim, ep, tcb, 'fin-received');
      else setState(sim, ep, tcb, 'CLOSING', 'fin-received');
      return;
    case 'FIN_WAIT_2':
      sendAck(sim, ep, tcb, 'ack', 'fin-received');
      enterTimeWait(sim, ep, tcb, 'fin-received');
      return;
    default:
      sendAck(sim, ep, tcb, 'ack', 'fin-received');
  }
}
