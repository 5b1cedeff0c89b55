// Segment arrival, following RFC 9293 section 3.10.7 step by step, with RFC 5961's challenge
// ACKs and the Linux differences the profile names.
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
import {
  cancelTimer,
  deleteTcb,
  type Endpoint,
  makeTcb,
  nextIsn,
  type Segment,
  segSpace,
  setState,
  setTimer,
  showState,
  type Sim,
  type Tcb,
  TIMER_NAMES,
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
  if (seg.flags & RST) return;
  if (seg.flags & ACK) sendRst(sim, ep, seg.ack, null, 'rst-closed');
  else sendRst(sim, ep, 0, seqAdd(seg.seq, segSpace(seg.flags, seg.len)), 'rst-closed');
}

/** 3.10.7.2 */
function onListen(sim: Sim, ep: Endpoint, seg: Segment): void {
  if (seg.flags & RST) return;
  if (seg.flags & ACK) {
    sendRst(sim, ep, seg.ack, null, 'rst-listen');
    return;
  }
  if (!(seg.flags & SYN)) return;
  // The trace shows the last connection's CLOSED until the listener takes a new one.
  showState(sim, ep, 'LISTEN');
  openPassive(sim, ep, seg);
}

/** A SYN reaches a listener (or reopens TIME_WAIT): a new connection in SYN_RCVD. */
function openPassive(sim: Sim, ep: Endpoint, seg: Segment): void {
  const tcb = makeTcb('SYN_RCVD', nextIsn(sim, ep), sim.behaviour.rtoInitialMs, true);
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  tcb.sndWnd = seg.window;
  ep.conn = tcb;
  ep.lastIsn = tcb.iss;
  ep.pendingError = null;
  showState(sim, ep, 'SYN_RCVD');
  sendSyn(sim, ep, tcb, 'passive-open');
  // What if the passive side trusted its own SYN+ACK? (whatIf.twoWayHandshake)
  if (sim.behaviour.twoWayHandshake) established(sim, ep, tcb);
}

/** 3.10.7.3 */
function onSynSent(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): void {
  const hasAck = (seg.flags & ACK) !== 0;
  if (hasAck && (seqLeq(seg.ack, tcb.iss) || seqGt(seg.ack, tcb.sndNxt))) {
    if (!(seg.flags & RST)) sendRst(sim, ep, seg.ack, null, 'rst-bad-ack');
    return;
  }
  if (seg.flags & RST) {
    if (hasAck) refuse(sim, ep, tcb);
    return;
  }
  if (!(seg.flags & SYN)) return;
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  tcb.sndWnd = seg.window;
  if (hasAck) {
    takeAck(sim, ep, tcb, seg.ack);
    established(sim, ep, tcb);
    sendAck(sim, ep, tcb, 'handshake-ack');
    pushOutput(sim, ep, tcb);
    return;
  }
  // Simultaneous open (Figure 7): both SYNs crossed.
  setState(sim, ep, tcb, 'SYN_RCVD');
  sendSyn(sim, ep, tcb, 'simultaneous-open');
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
    sim.emit({ t: sim.now, type: 'app', who: ep.side, call: 'connect', result: error });
  } else if (tcb.attached) {
    ep.pendingError = error;
  }
  deleteTcb(sim, ep, tcb);
}

/** Table 6 of 3.10.7.4: does any of the segment fall in the receive window? */
function acceptable(tcb: Tcb, seq: number, space: number): boolean {
  if (space === 0) return inWindow(tcb, seq);
  return inWindow(tcb, seq) || inWindow(tcb, seqAdd(seq, space - 1));
}

/** Not a closure inside acceptable(): that runs for every segment (see route() in sim.ts). */
function inWindow(tcb: Tcb, n: number): boolean {
  const d = seqDiff(n, tcb.rcvNxt);
  return d >= 0 && d < WINDOW;
}

/** 3.10.7.4: SYN_RCVD and every later state. */
function onSynchronized(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): void {
  if (tcb.state === 'TIME_WAIT' && onTimeWaitSpecial(sim, ep, tcb, seg)) return;
  if (tcb.state === 'SYN_RCVD' && seg.flags & SYN && !(seg.flags & RST) && seg.seq === tcb.irs) {
    if (!(seg.flags & ACK)) {
      // The peer's SYN again: our SYN+ACK was lost, so send it again (as Linux and BSD do).
      retransmitFirst(sim, ep, tcb);
      return;
    }
    // Simultaneous open: the peer's SYN+ACK repeats the SYN we hold; take its ACK alone.
    seg = { ...seg, flags: seg.flags & ~SYN, seq: seqAdd(seg.seq, 1) };
  }

  // First: sequence number check.
  const space = segSpace(seg.flags, seg.len);
  if (!acceptable(tcb, seg.seq, space)) {
    if (seg.flags & RST) return;
    // Only answers to bare ACKs and SYNs are rate-limited: those are what ACK loops are made of
    // (Linux's tcp_oow_rate_limited); data and FINs are answered every time.
    if (space === 0 || seg.flags & SYN) sendLimitedAck(sim, ep, tcb, 'dup-ack');
    else sendAck(sim, ep, tcb, 'dup-ack');
    return;
  }
  // Second: RST (RFC 5961 section 3: reset only on an exact match, else a challenge ACK).
  if (seg.flags & RST) {
    if (seg.seq === tcb.rcvNxt) onReset(sim, ep, tcb);
    else sendLimitedAck(sim, ep, tcb, 'challenge-ack');
    return;
  }
  // Fourth: SYN in a synchronized state.
  if (seg.flags & SYN) {
    if (tcb.state === 'SYN_RCVD' && tcb.passive) {
      if (sim.behaviour.rstOnSynInSynRcvd) {
        sendRst(sim, ep, 0, seqAdd(seg.seq, segSpace(seg.flags, seg.len)), 'rst-syn-in-window');
      }
      deleteTcb(sim, ep, tcb, true);
    } else {
      sendLimitedAck(sim, ep, tcb, 'challenge-ack');
    }
    return;
  }
  // Fifth: ACK.
  if (!(seg.flags & ACK)) return;
  if (!onAckField(sim, ep, tcb, seg)) return;
  // Seventh and eighth: text and FIN.
  onTextAndFin(sim, ep, tcb, seg);
}

/**
 * TIME_WAIT's own rules: a retransmitted FIN is ACKed and restarts 2·MSL; a new SYN with a higher
 * sequence number reopens the connection when someone listens (RFC 9293 3.6.1, RFC 6191).
 */
function onTimeWaitSpecial(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): boolean {
  if (seg.flags & RST) return false;
  if (seg.flags & FIN && seqAdd(seg.seq, seg.len + 1) === tcb.rcvNxt) {
    sendAck(sim, ep, tcb, 'ack');
    setTimer(sim, ep, tcb, 'time-wait', 2 * sim.behaviour.mslMs);
    return true;
  }
  if (seg.flags & SYN && !(seg.flags & ACK) && ep.listening && seqGt(seg.seq, tcb.rcvNxt)) {
    for (const name of TIMER_NAMES) cancelTimer(sim, ep, tcb, name);
    tcb.state = 'CLOSED';
    openPassive(sim, ep, seg);
    return true;
  }
  return false;
}

function onReset(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  switch (tcb.state) {
    case 'SYN_RCVD':
      if (tcb.passive) deleteTcb(sim, ep, tcb, true);
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
      deleteTcb(sim, ep, tcb);
      return;
    default:
      deleteTcb(sim, ep, tcb);
  }
}

/** Returns false when processing stops here. */
function onAckField(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): boolean {
  const ack = seg.ack;
  if (tcb.state === 'SYN_RCVD') {
    if (!(seqGt(ack, tcb.sndUna) && seqLeq(ack, tcb.sndNxt))) {
      sendRst(sim, ep, ack, null, 'rst-bad-ack');
      return false;
    }
    takeAck(sim, ep, tcb, ack);
    tcb.sndWnd = seg.window;
    established(sim, ep, tcb);
    pushOutput(sim, ep, tcb);
    return true;
  }
  if (tcb.state === 'TIME_WAIT') return true;
  if (seqGt(ack, tcb.sndNxt)) {
    sendLimitedAck(sim, ep, tcb, 'dup-ack');
    return false;
  }
  if (seqGt(ack, tcb.sndUna)) takeAck(sim, ep, tcb, ack);
  tcb.sndWnd = seg.window;
  switch (tcb.state) {
    case 'FIN_WAIT_1':
      if (finAcked(tcb)) enterFinWait2(sim, ep, tcb);
      break;
    case 'CLOSING':
      if (finAcked(tcb)) enterTimeWait(sim, ep, tcb);
      return false;
    case 'LAST_ACK':
      if (finAcked(tcb)) deleteTcb(sim, ep, tcb);
      return false;
    default:
      break;
  }
  pushOutput(sim, ep, tcb);
  return true;
}

function enterFinWait2(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  setState(sim, ep, tcb, 'FIN_WAIT_2');
  const limit = sim.behaviour.finWait2Ms;
  if (!tcb.attached && limit > 0) setTimer(sim, ep, tcb, 'fin-wait-2', limit);
}

export function enterTimeWait(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (sim.behaviour.noTimeWait) {
    deleteTcb(sim, ep, tcb);
    return;
  }
  for (const name of TIMER_NAMES) cancelTimer(sim, ep, tcb, name);
  setState(sim, ep, tcb, 'TIME_WAIT');
  setTimer(sim, ep, tcb, 'time-wait', 2 * sim.behaviour.mslMs);
}

function takesText(tcb: Tcb): boolean {
  return tcb.state === 'ESTABLISHED' || tcb.state === 'FIN_WAIT_1' || tcb.state === 'FIN_WAIT_2';
}

function onTextAndFin(sim: Sim, ep: Endpoint, tcb: Tcb, seg: Segment): void {
  const hasFin = (seg.flags & FIN) !== 0;
  if (seg.len === 0 && !hasFin) return;
  if (!takesText(tcb)) {
    // A FIN was received already: anything more is a repeat; say where we are.
    sendAck(sim, ep, tcb, 'dup-ack');
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
    sendRst(sim, ep, seg.ack, null, 'rst-orphan-data');
    deleteTcb(sim, ep, tcb);
    return;
  }
  if (seqGt(seq, tcb.rcvNxt)) {
    // A gap before this segment: hold it and ACK what we have so the peer sees the hole.
    tcb.outOfOrder.push({ seq, len, fin: hasFin });
    sendAck(sim, ep, tcb, 'dup-ack');
    return;
  }
  const filledGap = tcb.outOfOrder.length > 0;
  tcb.rcvNxt = seqAdd(tcb.rcvNxt, len);
  if (len > 0) dataReceived(sim, tcb);
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
  switch (tcb.state) {
    case 'SYN_RCVD':
    case 'ESTABLISHED': {
      setState(sim, ep, tcb, 'CLOSE_WAIT');
      const b = sim.behaviour;
      ackReceived(sim, ep, tcb, filledGap || !(b.delayFinAck && b.delayedAckMs > 0), b.delayFinAck);
      if (ep.closeOnEof && tcb.attached) closeSocket(sim, ep, tcb);
      return;
    }
    case 'FIN_WAIT_1':
      sendAck(sim, ep, tcb, 'ack');
      if (finAcked(tcb)) enterTimeWait(sim, ep, tcb);
      else setState(sim, ep, tcb, 'CLOSING');
      return;
    case 'FIN_WAIT_2':
      sendAck(sim, ep, tcb, 'ack');
      enterTimeWait(sim, ep, tcb);
      return;
    default:
      sendAck(sim, ep, tcb, 'ack');
  }
}
