// What an endpoint puts on the wire of its own accord: data, FIN, ACKs (at once or delayed),
// and retransmissions with the RFC 6298 timer.
import {
  ACK_LOOP_LIMIT_MS,
  ACK_RATE_LIMIT_MS,
  appResult,
  cancelTimer,
  deleteTcb,
  type Endpoint,
  MSS,
  type Sim,
  segSpace,
  setState,
  setTimer,
  type Tcb,
  transmit,
} from './sim';
import { seqAdd, seqDiff, seqGt, seqLeq, seqLt } from './seq';
import { ACK, FIN, PSH, RST, SYN } from './wire/flags';
import type { SendReason } from './types';

/** RFC 6298 clock granularity G, in ms. */
const CLOCK_GRANULARITY_MS = 1;
/** RFC 6298 section 5.7: the RTO after a handshake whose SYN had to be retransmitted. */
const RTO_AFTER_SYN_LOSS_MS = 3000;

export function sendAck(sim: Sim, ep: Endpoint, tcb: Tcb, reason: SendReason): void {
  transmit(sim, ep, {
    flags: ACK,
    seq: tcb.sndNxt,
    ack: tcb.rcvNxt,
    len: 0,
    retransmission: false,
    reason,
  });
  ackSent(sim, ep, tcb);
}

/** Any segment carrying our current ACK settles what we owed. */
function ackSent(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (tcb.ackOwed > 0 && tcb.quickAcks > 0) tcb.quickAcks--; // Linux: tcp_dec_quickack_mode
  tcb.ackOwed = 0;
  cancelTimer(sim, ep, tcb, 'delayed-ack');
}

/**
 * ACKs for unacceptable segments, bad ACKs and RFC 5961 challenges are rate-limited, as Linux
 * does, so that two desynchronized endpoints cannot ACK each other forever.
 */
export function sendLimitedAck(sim: Sim, ep: Endpoint, tcb: Tcb, reason: SendReason): void {
  if (sim.now - tcb.lastRateLimitedAck < ACK_RATE_LIMIT_MS) return;
  if (sim.now - sim.lastProgressAt > ACK_LOOP_LIMIT_MS) return;
  tcb.lastRateLimitedAck = sim.now;
  sendAck(sim, ep, tcb, reason);
}

/** Linux's clock tick (HZ=1000): a timer due "now" fires at the next one. */
const LINUX_TICK_MS = 1;

/** In-order data arrived. Linux (tcp_event_data_recv): the first data starts quick-ACK mode. */
export function dataReceived(sim: Sim, tcb: Tcb): void {
  if (tcb.dataReceived) return;
  tcb.dataReceived = true;
  tcb.quickAcks = sim.behaviour.quickAcks;
}

/**
 * Data or a FIN arrived: ACK at once, or (delayed ACK) within delayedAckMs or every second segment.
 * `pingpong`: Linux's interactive mode (a FIN puts it there), where quick ACKs give way to delay.
 */
export function ackReceived(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  immediately: boolean,
  pingpong = false,
): void {
  const b = sim.behaviour;
  const delay = b.delayedAckMs;
  tcb.ackOwed++;
  const quick = tcb.quickAcks > 0 && !pingpong;
  if (immediately || delay <= 0 || tcb.ackOwed >= 2 || quick) {
    sendAck(sim, ep, tcb, 'ack');
    return;
  }
  // Linux's delayed-ACK timeout (ato) stays zero until the first data arrives.
  const timeout = b.quickAcks > 0 && !tcb.dataReceived ? Math.min(LINUX_TICK_MS, delay) : delay;
  if (tcb.timerDue['delayed-ack'] < 0) setTimer(sim, ep, tcb, 'delayed-ack', timeout);
}

export function onDelayedAckTimer(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (tcb.ackOwed > 0) sendAck(sim, ep, tcb, 'delayed-ack');
}

function canSendData(tcb: Tcb): boolean {
  return tcb.state === 'ESTABLISHED' || tcb.state === 'CLOSE_WAIT';
}

/** Sends what the app has queued (data, then its FIN) as far as the peer's window allows. */
export function pushOutput(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (canSendData(tcb)) {
    while (tcb.unsent > 0) {
      const windowLeft = tcb.sndWnd - seqDiff(tcb.sndNxt, tcb.sndUna);
      const len = Math.min(tcb.unsent, MSS, windowLeft);
      if (len <= 0) break;
      tcb.unsent -= len;
      const flags = ACK | (tcb.unsent === 0 ? PSH : 0);
      sendNew(sim, ep, tcb, flags, len, 'data');
    }
  }
  const finAllowed = canSendData(tcb) || tcb.state === 'SYN_RCVD';
  if (finAllowed && tcb.finQueued && tcb.finSeq === null && tcb.unsent === 0) {
    tcb.finSeq = tcb.sndNxt;
    const next = tcb.state === 'CLOSE_WAIT' ? 'LAST_ACK' : 'FIN_WAIT_1';
    setState(sim, ep, tcb, next);
    sendNew(sim, ep, tcb, FIN | ACK, 0, 'fin');
  }
}

function sendNew(sim: Sim, ep: Endpoint, tcb: Tcb, flags: number, len: number, reason: SendReason) {
  const seq = tcb.sndNxt;
  transmit(sim, ep, { flags, seq, ack: tcb.rcvNxt, len, retransmission: false, reason });
  ackSent(sim, ep, tcb);
  tcb.inFlight.push({ seq, len, flags, sentAt: sim.now, retransmitted: false });
  tcb.sndNxt = seqAdd(seq, segSpace(flags, len));
  if (tcb.timerDue.retransmit < 0) setTimer(sim, ep, tcb, 'retransmit', tcb.rto);
}

/** Sends a SYN (active open) or SYN+ACK (passive open) and starts the retransmission timer. */
export function sendSyn(sim: Sim, ep: Endpoint, tcb: Tcb, reason: SendReason): void {
  const withAck = tcb.state !== 'SYN_SENT';
  transmit(sim, ep, {
    flags: withAck ? SYN | ACK : SYN,
    seq: tcb.iss,
    ack: tcb.rcvNxt,
    len: 0,
    retransmission: false,
    reason,
  });
  if (tcb.inFlight.length === 0) {
    tcb.inFlight.push({ seq: tcb.iss, len: 0, flags: SYN, sentAt: sim.now, retransmitted: false });
  }
  if (tcb.timerDue.retransmit < 0) setTimer(sim, ep, tcb, 'retransmit', tcb.rto);
}

/** Resends the oldest unacknowledged segment, trimmed to what the peer has not yet acknowledged. */
export function retransmitFirst(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  const first = tcb.inFlight[0];
  if (first === undefined) return;
  let { seq, len, flags } = first;
  if (flags & SYN) {
    flags = tcb.state === 'SYN_SENT' ? SYN : SYN | ACK;
    tcb.synRetransmitted = true;
  } else {
    const acked = seqDiff(tcb.sndUna, seq);
    if (acked > 0 && acked <= len) {
      seq = tcb.sndUna;
      len -= acked;
    }
    flags |= ACK;
  }
  first.retransmitted = true;
  transmit(sim, ep, {
    flags,
    seq,
    ack: tcb.rcvNxt,
    len,
    retransmission: true,
    reason: 'retransmit',
  });
  if (flags & ACK) ackSent(sim, ep, tcb);
}

function retryLimit(sim: Sim, tcb: Tcb): number {
  const b = sim.behaviour;
  if (tcb.state === 'SYN_SENT') return b.synRetries;
  if (tcb.state === 'SYN_RCVD') return tcb.passive ? b.synAckRetries : b.synRetries;
  return b.dataRetries;
}

export function onRetransmitTimer(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (tcb.inFlight.length === 0) return;
  if (tcb.retries >= retryLimit(sim, tcb)) {
    giveUp(sim, ep, tcb);
    return;
  }
  tcb.retries++;
  tcb.rto = Math.min(tcb.rto * 2, sim.behaviour.rtoMaxMs);
  tcb.recoverHigh = tcb.sndNxt;
  retransmitFirst(sim, ep, tcb);
  setTimer(sim, ep, tcb, 'retransmit', tcb.rto);
}

/** Retries exhausted (RFC 9293 3.8.3, R2): the connection is dropped without a RST. */
function giveUp(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (tcb.connectPending) {
    tcb.connectPending = false;
    appResult(sim, ep, 'connect', 'ETIMEDOUT');
  } else if (tcb.attached) {
    ep.pendingError = 'ETIMEDOUT';
  }
  deleteTcb(sim, ep, tcb, tcb.passive && tcb.state === 'SYN_RCVD');
}

/**
 * Processes an acceptable, new acknowledgement (SND.UNA < ack ≤ SND.NXT): frees what it covers,
 * takes an RTT sample if Karn's rule allows, and restarts or stops the timer.
 */
export function takeAck(sim: Sim, ep: Endpoint, tcb: Tcb, ack: number): void {
  let sample = -1;
  let karn = false;
  while (tcb.inFlight.length > 0) {
    const first = tcb.inFlight[0]!; // length checked above
    const end = seqAdd(first.seq, segSpace(first.flags, first.len));
    if (seqGt(end, ack)) break;
    tcb.inFlight.shift();
    if (first.retransmitted) karn = true;
    else sample = sim.now - first.sentAt;
  }
  tcb.sndUna = ack;
  tcb.retries = 0;
  if (sample >= 0 && !karn) updateRto(sim, tcb, sample);
  if (tcb.inFlight.length === 0) {
    cancelTimer(sim, ep, tcb, 'retransmit');
    tcb.recoverHigh = null;
    return;
  }
  setTimer(sim, ep, tcb, 'retransmit', tcb.rto);
  if (tcb.recoverHigh !== null && seqLt(tcb.sndUna, tcb.recoverHigh)) {
    retransmitFirst(sim, ep, tcb);
  } else {
    tcb.recoverHigh = null;
  }
}

function updateRto(sim: Sim, tcb: Tcb, r: number): void {
  if (!tcb.hasRtt) {
    tcb.srtt = r;
    tcb.rttvar = r / 2;
    tcb.hasRtt = true;
  } else {
    tcb.rttvar = 0.75 * tcb.rttvar + 0.25 * Math.abs(tcb.srtt - r);
    tcb.srtt = 0.875 * tcb.srtt + 0.125 * r;
  }
  const b = sim.behaviour;
  const rto = tcb.srtt + Math.max(CLOCK_GRANULARITY_MS, 4 * tcb.rttvar);
  tcb.rto = Math.min(Math.max(rto, b.rtoMinMs), b.rtoMaxMs);
}

/** The handshake completed: RFC 6298 5.7 when the SYN was lost, then the app learns of it. */
export function established(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  setState(sim, ep, tcb, 'ESTABLISHED');
  const b = sim.behaviour;
  if (tcb.synRetransmitted && !tcb.hasRtt && b.rtoInitialMs < RTO_AFTER_SYN_LOSS_MS) {
    // Never past the configured ceiling (timers.rtoMaxMs may be under 3 s).
    tcb.rto = Math.min(RTO_AFTER_SYN_LOSS_MS, Math.max(b.rtoMaxMs, b.rtoInitialMs));
  }
  if (tcb.connectPending) {
    tcb.connectPending = false;
    appResult(sim, ep, 'connect', 'ok');
  }
}

/** Sends a RST with the given numbers (ACK set when `ack` is given). */
export function sendRst(
  sim: Sim,
  ep: Endpoint,
  seq: number,
  ack: number | null,
  reason: SendReason,
): void {
  transmit(sim, ep, {
    flags: ack === null ? RST : RST | ACK,
    seq,
    ack: ack ?? 0,
    len: 0,
    retransmission: false,
    reason,
  });
}

export function finAcked(tcb: Tcb): boolean {
  return tcb.finSeq !== null && seqLeq(seqAdd(tcb.finSeq, 1), tcb.sndUna);
}
