// What an endpoint puts on the wire of its own accord: data, FIN, ACKs (at once or delayed),
// and retransmissions: RFC 6298's timer, with Linux's tail loss probe and SYN timeouts.
import type { RuleId } from './rules';
import {
  ACK_LOOP_LIMIT_MS,
  ACK_RATE_LIMIT_MS,
  appResult,
  cancelTimer,
  DEFAULT_SEND_MSS,
  deleteTcb,
  type Endpoint,
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
/** Linux's clock tick (HZ=1000): a timer due "now" fires at the next one. */
const LINUX_TICK_MS = 1;
/** Linux's TCP_TIMEOUT_MIN (2 jiffies): a loss probe's margin with several segments in flight. */
const LOSS_PROBE_MARGIN_MS = 2;
/** Linux's TCP_TIMEOUT_INIT: the loss probe timeout before any RTT sample. */
const LOSS_PROBE_NO_RTT_MS = 1000;

export function sendAck(sim: Sim, ep: Endpoint, tcb: Tcb, reason: SendReason, rule: RuleId): void {
  transmit(sim, ep, {
    flags: ACK,
    seq: tcb.sndNxt,
    ack: tcb.rcvNxt,
    len: 0,
    retransmission: false,
    reason,
    rule,
    tcb,
  });
  ackSent(sim, ep, tcb);
}

/** Any segment carrying our current ACK settles what we owed. */
function ackSent(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (tcb.ackOwed > 0 && tcb.quickAcks > 0) tcb.quickAcks--; // Linux: tcp_dec_quickack_mode
  tcb.ackOwed = 0;
  cancelTimer(sim, ep, tcb, 'delayed-ack', 'ack-at-once');
}

/**
 * ACKs for unacceptable segments, bad ACKs and RFC 5961 challenges are rate-limited, as Linux
 * does, so that two desynchronized endpoints cannot ACK each other forever.
 */
export function sendLimitedAck(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  reason: SendReason,
  rule: RuleId,
): void {
  if (sim.now - tcb.lastRateLimitedAck < ACK_RATE_LIMIT_MS) return;
  if (sim.now - sim.lastProgressAt > ACK_LOOP_LIMIT_MS) return;
  tcb.lastRateLimitedAck = sim.now;
  sendAck(sim, ep, tcb, reason, rule);
}

/**
 * In-order data arrived. Linux (tcp_event_data_recv): the first data starts quick-ACK mode; the
 * time and size feed the interactive-mode test and the every-second-segment rule.
 */
export function dataReceived(sim: Sim, tcb: Tcb, len: number): void {
  tcb.lastDataAt = sim.now;
  // tcp_measure_rcv_mss(): the largest segment seen, up to what we announced.
  tcb.rcvMss = Math.max(tcb.rcvMss, Math.min(len, tcb.offered.mss ?? DEFAULT_SEND_MSS));
  if (tcb.dataReceived) return;
  tcb.dataReceived = true;
  tcb.quickAcks = sim.behaviour.quickAcks;
}

/**
 * Data or a FIN arrived: ACK at once, or (delayed ACK) within delayedAckMs or once more than one
 * full-sized segment is unacknowledged (RFC 9293 3.8.6.3; Linux __tcp_ack_snd_check()). In Linux's
 * interactive mode (tcb.pingpong) quick ACKs give way to the delay.
 */
export function ackReceived(sim: Sim, ep: Endpoint, tcb: Tcb, immediately: boolean): void {
  const b = sim.behaviour;
  const delay = b.delayedAckMs;
  tcb.ackOwed++;
  const quick = tcb.quickAcks > 0 && !tcb.pingpong;
  const unacked = seqDiff(tcb.rcvNxt, tcb.lastAckSent);
  if (immediately || delay <= 0) {
    sendAck(sim, ep, tcb, 'ack', 'ack-at-once');
    return;
  }
  if (quick) {
    sendAck(sim, ep, tcb, 'ack', 'quick-ack');
    return;
  }
  if (unacked > tcb.rcvMss) {
    sendAck(sim, ep, tcb, 'ack', 'ack-at-once');
    return;
  }
  // Linux's delayed-ACK timeout (ato) stays zero until the first data arrives.
  const timeout = b.quickAcks > 0 && !tcb.dataReceived ? Math.min(LINUX_TICK_MS, delay) : delay;
  if (tcb.timerDue['delayed-ack'] < 0) {
    setTimer(sim, ep, tcb, 'delayed-ack', timeout, tcb.pingpong ? 'pingpong' : 'delayed-ack');
  }
}

export function onDelayedAckTimer(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  // Linux (tcp_delack_timer_handler()): a delayed ACK that had to wait for its timer ends
  // interactive mode.
  tcb.pingpong = false;
  if (tcb.ackOwed > 0) sendAck(sim, ep, tcb, 'delayed-ack', 'delayed-ack-expired');
}

function canSendData(tcb: Tcb): boolean {
  return tcb.state === 'ESTABLISHED' || tcb.state === 'CLOSE_WAIT';
}

/** Sends what the app has queued (data, then its FIN) as far as the peer's window allows. */
export function pushOutput(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (canSendData(tcb)) {
    const mss = tcb.negotiated?.sendMss ?? DEFAULT_SEND_MSS;
    while (tcb.unsent > 0) {
      const windowLeft = tcb.sndWnd - seqDiff(tcb.sndNxt, tcb.sndUna);
      const len = Math.min(tcb.unsent, mss, windowLeft);
      if (len <= 0) break;
      tcb.unsent -= len;
      const flags = ACK | (tcb.unsent === 0 ? PSH : 0);
      enterPingpongOnReply(sim, tcb);
      sendNew(sim, ep, tcb, flags, len, 'data', 'send-data');
    }
  }
  const finAllowed = canSendData(tcb) || tcb.state === 'SYN_RCVD';
  if (finAllowed && tcb.finQueued && tcb.finSeq === null && tcb.unsent === 0) {
    tcb.finSeq = tcb.sndNxt;
    const passive = tcb.state === 'CLOSE_WAIT';
    const rule: RuleId = passive ? 'passive-close' : 'close-call';
    setState(sim, ep, tcb, passive ? 'LAST_ACK' : 'FIN_WAIT_1', rule);
    sendNew(sim, ep, tcb, FIN | ACK, 0, 'fin', rule);
  }
}

/**
 * Linux (tcp_event_data_sent()): data sent within the delayed-ACK timeout of data received
 * means an interactive exchange, where the ACK can wait to ride on the reply.
 */
function enterPingpongOnReply(sim: Sim, tcb: Tcb): void {
  const ato = sim.behaviour.pingpongAtoMs;
  if (ato > 0 && tcb.lastDataAt >= 0 && sim.now - tcb.lastDataAt < ato) tcb.pingpong = true;
}

function sendNew(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  flags: number,
  len: number,
  reason: SendReason,
  rule: RuleId,
) {
  const seq = tcb.sndNxt;
  transmit(sim, ep, { flags, seq, ack: tcb.rcvNxt, len, retransmission: false, reason, rule, tcb });
  ackSent(sim, ep, tcb);
  const wasIdle = tcb.inFlight.length === 0;
  tcb.inFlight.push({
    seq,
    len,
    flags,
    sentAt: sim.now,
    lastSentAt: sim.now,
    retransmitted: false,
  });
  tcb.sndNxt = seqAdd(seq, segSpace(flags, len));
  // tcp_event_new_data_sent(): the RTO starts with the first segment in flight (or again when a
  // loss probe was pending); then tcp_write_xmit() schedules a probe if one may go earlier.
  if (wasIdle || tcb.timerDue['loss-probe'] >= 0) tcb.rtoDeadline = sim.now + tcb.rto;
  armTransmitTimer(sim, ep, tcb);
}

/**
 * Linux's tail loss probe may go (tcp_schedule_loss_probe()): on a connection that negotiated
 * SACK, with data in flight, not in loss recovery after a timeout, and no probe outstanding.
 */
function mayProbe(sim: Sim, tcb: Tcb): boolean {
  return (
    sim.behaviour.lossProbe &&
    tcb.negotiated?.sack === true &&
    tcb.inFlight.length > 0 &&
    // Not while our SYN is unacknowledged: the handshake's own timer covers it.
    !((tcb.inFlight[0]?.flags ?? 0) & SYN) &&
    tcb.retries === 0 &&
    tcb.tlpHigh === null &&
    tcb.state !== 'SYN_SENT' &&
    tcb.state !== 'SYN_RCVD'
  );
}

/**
 * Arms the one transmission timer. Where a loss probe may go, Linux arms it in place of the RTO
 * (tcp_schedule_loss_probe()): PTO = 2·SRTT, plus rto_min when a single segment is in flight to
 * allow for a delayed ACK (RFC 8985 section 7.2), but never later than the RTO would fire, so the
 * probe, not a backed-off retransmission, is what goes first. Otherwise the RTO timer runs.
 */
function armTransmitTimer(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  restartedBy: RuleId | null = null,
): void {
  const rtoLeft = Math.max(tcb.rtoDeadline - sim.now, 0);
  if (mayProbe(sim, tcb)) {
    const margin = tcb.inFlight.length === 1 ? sim.behaviour.rtoMinMs : LOSS_PROBE_MARGIN_MS;
    const pto = tcb.hasRtt ? 2 * tcb.srtt + margin : LOSS_PROBE_NO_RTT_MS;
    cancelTimer(sim, ep, tcb, 'retransmit', restartedBy ?? 'loss-probe');
    setTimer(sim, ep, tcb, 'loss-probe', Math.min(pto, rtoLeft), restartedBy ?? 'loss-probe');
    return;
  }
  const rtoRule: RuleId = sim.behaviour.linuxRto ? 'rto-linux' : 'rto';
  cancelTimer(sim, ep, tcb, 'loss-probe', restartedBy ?? rtoRule);
  if (restartedBy !== null || tcb.timerDue.retransmit !== tcb.rtoDeadline) {
    setTimer(sim, ep, tcb, 'retransmit', rtoLeft, restartedBy ?? rtoRule);
  }
}

/** Sends a SYN (active open) or SYN+ACK (passive open) and starts the retransmission timer. */
export function sendSyn(sim: Sim, ep: Endpoint, tcb: Tcb, reason: SendReason, rule: RuleId): void {
  const withAck = tcb.state !== 'SYN_SENT';
  transmit(sim, ep, {
    flags: withAck ? SYN | ACK : SYN,
    seq: tcb.iss,
    ack: tcb.rcvNxt,
    len: 0,
    retransmission: false,
    reason,
    rule,
    tcb,
  });
  if (tcb.inFlight.length === 0) {
    tcb.inFlight.push({
      seq: tcb.iss,
      len: 0,
      flags: SYN,
      sentAt: sim.now,
      lastSentAt: sim.now,
      retransmitted: false,
    });
  }
  if (tcb.timerDue.retransmit < 0) {
    tcb.rtoDeadline = sim.now + tcb.rto;
    setTimer(sim, ep, tcb, 'retransmit', tcb.rto, 'rto');
  }
}

/** Resends a segment in flight (the oldest by default), trimmed to what is not yet acknowledged. */
export function retransmitFirst(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  rule: RuleId,
  which: 'first' | 'last' = 'first',
): void {
  const segment = which === 'first' ? tcb.inFlight[0] : tcb.inFlight[tcb.inFlight.length - 1];
  if (segment === undefined) return;
  let { seq, len, flags } = segment;
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
  segment.retransmitted = true;
  segment.lastSentAt = sim.now;
  transmit(sim, ep, {
    flags,
    seq,
    ack: tcb.rcvNxt,
    len,
    retransmission: true,
    reason: rule === 'loss-probe-sent' ? 'loss-probe' : 'retransmit',
    rule,
    tcb,
  });
  if (flags & ACK) ackSent(sim, ep, tcb);
}

function retryLimit(sim: Sim, tcb: Tcb): number {
  const b = sim.behaviour;
  // Linux's tcp_write_timeout(): the linear SYN timeouts come on top of tcp_syn_retries.
  if (tcb.state === 'SYN_SENT') return b.synRetries + b.synLinearTimeouts;
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
  tcb.tlpHigh = null;
  const b = sim.behaviour;
  // Linux (tcp_retransmit_timer()): while a SYN has timed out no more than tcp_syn_linear_timeouts
  // times, its timeout stays the same; otherwise it doubles (RFC 6298 section 5.5).
  const linear = tcb.state === 'SYN_SENT' && tcb.retries <= b.synLinearTimeouts;
  if (!linear) tcb.rto = Math.min(tcb.rto * 2, b.rtoMaxMs);
  tcb.recoverHigh = tcb.sndNxt;
  retransmitFirst(sim, ep, tcb, 'rto-expired');
  tcb.rtoDeadline = sim.now + tcb.rto;
  setTimer(sim, ep, tcb, 'retransmit', tcb.rto, linear ? 'syn-linear-timeout' : 'rto-backoff');
}

/**
 * Linux's tail loss probe fires (tcp_send_loss_probe()): the last segment in flight goes again so
 * that its ACK, or a SACK, reveals a loss at the tail without waiting for the RTO; the RTO is
 * then armed again from now, not backed off.
 */
export function onLossProbeTimer(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (tcb.inFlight.length === 0) return;
  retransmitFirst(sim, ep, tcb, 'loss-probe-sent', 'last');
  tcb.tlpHigh = tcb.sndNxt;
  // tcp_rearm_rto(): the RTO counts from the oldest segment's last transmission.
  const head = tcb.inFlight[0]!; // checked above
  tcb.rtoDeadline = Math.max(head.lastSentAt + tcb.rto, sim.now + LINUX_TICK_MS);
  setTimer(sim, ep, tcb, 'retransmit', tcb.rtoDeadline - sim.now, 'rto-linux');
}

/** Retries exhausted (RFC 9293 3.8.3, R2): the connection is dropped without a RST. */
function giveUp(sim: Sim, ep: Endpoint, tcb: Tcb): void {
  if (tcb.connectPending) {
    tcb.connectPending = false;
    appResult(sim, ep.side, 'connect', 'ETIMEDOUT', 'retries-exhausted');
  } else if (tcb.attached && !(tcb.passive && !tcb.accepted)) {
    ep.pendingError = 'ETIMEDOUT';
  }
  deleteTcb(sim, ep, tcb, 'retries-exhausted');
}

/**
 * Processes an acceptable, new acknowledgement (SND.UNA < ack ≤ SND.NXT): frees what it covers,
 * takes an RTT sample if Karn's rule allows (or from the echoed timestamp, which needs no such
 * rule: RFC 7323 section 4.1, Linux tcp_ack_update_rtt()), and restarts or stops the timer.
 */
export function takeAck(sim: Sim, ep: Endpoint, tcb: Tcb, ack: number, tsecr = 0): void {
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
  if (tcb.tlpHigh !== null && seqLeq(tcb.tlpHigh, ack)) tcb.tlpHigh = null;
  if (karn && tsecr !== 0 && tcb.negotiated?.timestamps === true) {
    // Our timestamp clock reads now + 1 (tsClock), so the echo of one sent at t is t + 1.
    sample = Math.max(Math.floor(sim.now) + 1 - tsecr, 0);
    karn = false;
  }
  if (sample >= 0 && !karn) updateRto(sim, tcb, sample);
  if (tcb.inFlight.length === 0) {
    cancelTimer(sim, ep, tcb, 'retransmit', 'all-acked');
    cancelTimer(sim, ep, tcb, 'loss-probe', 'all-acked');
    tcb.recoverHigh = null;
    tcb.tlpHigh = null;
    return;
  }
  // tcp_set_xmit_timer(): an ACK that advances restarts the RTO from now (RFC 6298 5.3).
  tcb.rtoDeadline = sim.now + tcb.rto;
  armTransmitTimer(sim, ep, tcb, 'ack-partial');
  if (tcb.recoverHigh !== null && seqLt(tcb.sndUna, tcb.recoverHigh)) {
    retransmitFirst(sim, ep, tcb, 'retransmit-go-back');
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
  // Linux (tcp_set_rto(), tcp_rtt_estimator()): the floor applies to the variance term, so the
  // RTO is SRTT + max(4·RTTVAR, rto_min); RFC 6298 (2.4) floors the whole RTO.
  const rto = b.linuxRto
    ? tcb.srtt + Math.max(4 * tcb.rttvar, b.rtoMinMs)
    : Math.max(tcb.srtt + Math.max(CLOCK_GRANULARITY_MS, 4 * tcb.rttvar), b.rtoMinMs);
  tcb.rto = Math.min(rto, b.rtoMaxMs);
}

/** The handshake completed: RFC 6298 5.7 when the SYN was lost, then the app learns of it. */
export function established(sim: Sim, ep: Endpoint, tcb: Tcb, rule: RuleId): void {
  setState(sim, ep, tcb, 'ESTABLISHED', rule);
  const b = sim.behaviour;
  if (tcb.synRetransmitted && !tcb.hasRtt && b.rtoInitialMs < RTO_AFTER_SYN_LOSS_MS) {
    // Never past the configured ceiling (timers.rtoMaxMs may be under 3 s).
    tcb.rto = Math.min(RTO_AFTER_SYN_LOSS_MS, Math.max(b.rtoMaxMs, b.rtoInitialMs));
  }
  if (tcb.connectPending) {
    tcb.connectPending = false;
    tcb.connected = true;
    appResult(sim, ep.side, 'connect', 'ok', rule);
  }
  if (tcb.passive && !tcb.accepted) {
    // The server app waits in accept(), which returns the connection once it is established.
    tcb.accepted = true;
    appResult(sim, ep.side, 'accept', 'ok', 'accept');
  }
}

/** Sends a RST with the given numbers (ACK set when `ack` is given). */
export function sendRst(
  sim: Sim,
  ep: Endpoint,
  seq: number,
  ack: number | null,
  reason: SendReason,
  rule: RuleId,
  tcb: Tcb | null = null,
): void {
  transmit(sim, ep, {
    flags: ack === null ? RST : RST | ACK,
    seq,
    ack: ack ?? 0,
    len: 0,
    retransmission: false,
    reason,
    rule,
    tcb,
  });
}

export function finAcked(tcb: Tcb): boolean {
  return tcb.finSeq !== null && seqLeq(seqAdd(tcb.finSeq, 1), tcb.sndUna);
}
