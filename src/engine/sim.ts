// The simulation's shared data and the primitives every part uses: emitting trace events,
// changing states, timers and putting segments on the wire.
import type { Agenda, Scheduled } from './heap';
import { type Behaviour, DEFAULT_MSS, type SideOptions } from './profile';
import type { Rng } from './rng';
import { type RuleId, why } from './rules';
import { seqAdd } from './seq';
import { checkTransition } from './transitions';
import { ACK, FIN, flagsOf, PSH, RST, SYN } from './wire/flags';
import type {
  Action,
  AppCall,
  AppResult,
  DeliverEvent,
  DiscardKind,
  Fault,
  Injection,
  SendReason,
  Side,
  SocketOwner,
  TcpOption,
  TcpState,
  TimerName,
  TraceEvent,
} from './types';

/** The receive buffer each side advertises, in bytes (the largest unscaled window). */
export const WINDOW = 65535;
/** RFC 9293 section 3.7.1: what a side may send to a peer that announced no MSS. */
export const DEFAULT_SEND_MSS = 536;
/** Bytes a timestamps option takes in every segment once negotiated (with its two NOPs). */
export const TIMESTAMPS_OPTION_BYTES = 12;
/** RFC 5961 section 7 and Linux's tcp_invalid_ratelimit: at most one such ACK per half second. */
export const ACK_RATE_LIMIT_MS = 500;
/**
 * Two endpoints put out of step (an injected segment) can answer each other's ACKs forever, as
 * real stacks do when the round trip exceeds the rate limit. A simulation must end, so once they
 * have done nothing else for this long, the engine stops answering: a safeguard, not a TCP rule.
 */
export const ACK_LOOP_LIMIT_MS = 10 * 60 * 1000;

/** Events that do not count as progress when looking for an ACK loop. */
export function isProgress(event: TraceEvent): boolean {
  if (event.type === 'deliver' || event.type === 'drop') return false;
  return !(
    event.type === 'send' &&
    (event.reason === 'dup-ack' || event.reason === 'challenge-ack' || event.reason === 'paws-ack')
  );
}

export interface Segment {
  id: number;
  from: Side;
  flags: number;
  seq: number;
  ack: number;
  len: number;
  window: number;
  /** The options it carries (undefined: none). */
  options: TcpOption[] | undefined;
}

/** A sent segment not yet acknowledged (SYN and FIN count as one sequence number each). */
export interface InFlight {
  seq: number;
  len: number;
  flags: number;
  /** When first sent: the RTT sample's start (Karn's rule skips retransmitted ones). */
  sentAt: number;
  /** When last sent: Linux measures the RTO's remaining time from here (tcp_rto_delta_us()). */
  lastSentAt: number;
  retransmitted: boolean;
}

/** What the two SYNs agreed (RFC 9293 3.7.1, RFC 7323, RFC 2018). */
export interface Negotiated {
  /** Both sides sent timestamps: every later segment carries one (RFC 7323 section 3.2). */
  timestamps: boolean;
  sack: boolean;
  /** Shift applied to the window fields the peer sends (its window-scale option). */
  sndShift: number;
  /** Shift applied to the window fields this side sends. */
  rcvShift: number;
  /** Largest payload per segment: the peer's MSS (536 without one), less the option bytes. */
  sendMss: number;
}

export interface Tcb {
  state: TcpState;
  /** Made by the listener rather than by connect(). */
  passive: boolean;
  /** The number of the connect() call that made it (0: made by the listener). */
  connectCall: number;
  /** connect() returned ok (an `after: "connected"` action may run). */
  connected: boolean;
  /** The server app's accept() returned this connection. */
  accepted: boolean;
  /** The peer's FIN arrived in order (end of file for the app). */
  finReceived: boolean;
  /** The options this side offered in its SYN or SYN+ACK. */
  offered: SideOptions;
  /** The options the peer's SYN or SYN+ACK carried; null before one arrived. */
  peerSyn: SideOptions | null;
  /** Null until the handshake's SYNs were exchanged. */
  negotiated: Negotiated | null;
  /** RFC 7323 TS.Recent: the timestamp to echo; null before one was taken. */
  tsRecent: number | null;
  /** PAWS (RFC 7323 section 5) is off: the what-if takeover of a TIME_WAIT 4-tuple. */
  noPaws: boolean;
  /** RCV.NXT when an ACK last left (Last.ACK.sent in RFC 7323, rcv_wup in Linux). */
  lastAckSent: number;
  /** Largest segment received so far (Linux's icsk_ack.rcv_mss estimate). */
  rcvMss: number;
  /** Linux's interactive mode (icsk_ack.pingpong): ACKs are delayed, not quick. */
  pingpong: boolean;
  /** When in-order data last arrived (Linux's icsk_ack.lrcvtime); -1: never. */
  lastDataAt: number;
  /** SND.NXT when a tail loss probe went out; null while none is outstanding (tlp_high_seq). */
  tlpHigh: number | null;
  /** When the retransmission timeout would fire, also while a loss probe is armed instead. */
  rtoDeadline: number;
  iss: number;
  irs: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  rcvNxt: number;
  inFlight: InFlight[];
  /** Bytes the app wrote that are not yet on the wire. */
  unsent: number;
  finQueued: boolean;
  finSeq: number | null;
  /** The app still holds the socket (it has not called close). */
  attached: boolean;
  /** The app has called connect and awaits its result. */
  connectPending: boolean;
  srtt: number;
  rttvar: number;
  hasRtt: boolean;
  rto: number;
  /** Consecutive timeouts of the retransmission timer. */
  retries: number;
  /** After a timeout, segments below this point are resent one per ACK (go-back-N). */
  recoverHigh: number | null;
  synRetransmitted: boolean;
  /** Segments received that we owe an ACK for (delayed ACK). */
  ackOwed: number;
  /** ACKs still to send at once in Linux's quick-ACK mode (icsk_ack.quick). */
  quickAcks: number;
  /** Data has arrived (Linux: ato is no longer zero). */
  dataReceived: boolean;
  lastRateLimitedAck: number;
  /** Out-of-order segments held for later (RFC 9293 3.10.7.4 seventh, SHOULD). */
  outOfOrder: { seq: number; len: number; fin: boolean }[];
  timerDue: Record<TimerName, number>;
  timerGen: Record<TimerName, number>;
}

export interface Endpoint {
  side: Side;
  peer: Side;
  port: number;
  scripted: boolean;
  closeOnEof: boolean;
  /** The server's listening socket is open (CONTRACT.md section 0.1). */
  listening: boolean;
  conn: Tcb | null;
  /** The state the trace reports for this side's connection (CONTRACT section 2). */
  shown: TcpState;
  /** connect() calls made so far. */
  connectCalls: number;
  firstIsn: number;
  firstIsnAt: number | null;
  /** An error the next app call reports (a socket's SO_ERROR). */
  pendingError: AppResult | null;
  /** The ISN of the last SYN this side sent, for `inject` (relative numbers). */
  lastIsn: number;
}

// Plain numbers rather than a TS enum: bundlers compile each module on its own.
export const ItemKind = { Action: 0, Inject: 1, Arrive: 2, Drop: 3, Timer: 4 } as const;

export type Item = Scheduled &
  (
    | { kind: typeof ItemKind.Action; action: Action; index: number }
    | { kind: typeof ItemKind.Inject; injection: Injection }
    | {
        kind: typeof ItemKind.Arrive;
        seg: Segment;
        duplicate: boolean;
        delayedMs: number;
      }
    | { kind: typeof ItemKind.Drop; seg: Segment; reason: 'fault' | 'loss' }
    | { kind: typeof ItemKind.Timer; side: Side; tcb: Tcb; timer: TimerName; gen: number }
  );

export interface FaultCounter {
  fault: Fault;
  flags: number;
  seen: number;
}

export interface Sim {
  now: number;
  order: number;
  nextId: number;
  behaviour: Behaviour;
  delayMs: number;
  lossRate: number;
  rng: Rng;
  agenda: Agenda<Item>;
  endpoints: Record<Side, Endpoint>;
  faults: FaultCounter[];
  emit: (event: TraceEvent) => void;
  /** When something other than duplicate or challenge ACKs last happened (see ACK_LOOP_LIMIT_MS). */
  lastProgressAt: number;
  /**
   * The arrival being handled, not yet reported: the receiver decides whether it discards it
   * (`discard`); anything else it emits first reports it as taken (see the emit in engine.ts).
   */
  pendingDeliver: DeliverEvent | null;
}

export function schedule(sim: Sim, item: Item): void {
  sim.agenda.push(item);
}

export function runtimeOrder(sim: Sim): number {
  return sim.order++;
}

// ---- states ----

/** Emits a state change of `who`'s socket; `from` is where that socket comes from. */
export function emitState(
  sim: Sim,
  who: SocketOwner,
  from: TcpState,
  to: TcpState,
  rule: RuleId,
): void {
  checkTransition('engine', from, to);
  sim.emit({ t: sim.now, type: 'state', who, from, to, why: why(rule) });
}

export function showState(sim: Sim, ep: Endpoint, to: TcpState, rule: RuleId): void {
  if (ep.shown === to) return;
  emitState(sim, ep.side, ep.shown, to, rule);
  ep.shown = to;
}

/**
 * The listener makes a new socket for a SYN (RFC 9293 Figure 5's passive path): the server's
 * connection starts in SYN_RCVD coming from LISTEN, whatever the last connection showed.
 */
export function showNewPassive(sim: Sim, ep: Endpoint, rule: RuleId): void {
  emitState(sim, ep.side, 'LISTEN', 'SYN_RCVD', rule);
  ep.shown = 'SYN_RCVD';
}

export function setState(sim: Sim, ep: Endpoint, tcb: Tcb, to: TcpState, rule: RuleId): void {
  tcb.state = to;
  if (ep.conn === tcb) showState(sim, ep, to, rule);
}

/** Deletes the TCB: every timer stops and the endpoint's connection shows CLOSED. */
export function deleteTcb(sim: Sim, ep: Endpoint, tcb: Tcb, rule: RuleId): void {
  for (const name of TIMER_NAMES) cancelTimer(sim, ep, tcb, name, 'connection-gone');
  tcb.state = 'CLOSED';
  if (ep.conn !== tcb) return;
  ep.conn = null;
  showState(sim, ep, 'CLOSED', rule);
}

// ---- app results ----

export function appResult(
  sim: Sim,
  who: SocketOwner,
  call: AppCall,
  result: AppResult,
  rule: RuleId,
): void {
  sim.emit({ t: sim.now, type: 'app', who, call, result, why: why(rule) });
}

// ---- arrivals ----

/** Reports the arrival being handled as thrown away, for `rule`'s reason. */
export function discard(sim: Sim, kind: DiscardKind, rule: RuleId): void {
  const event = sim.pendingDeliver;
  if (event === null) return;
  sim.pendingDeliver = null;
  event.discarded = kind;
  event.why = why(rule);
  sim.emit(event);
}

/**
 * Gives the arrival being handled its rule when the receiver takes it but does nothing that would
 * say why (no state change, no segment, no timer): a duplicate ACK, say.
 */
export function noteArrival(sim: Sim, rule: RuleId): void {
  const event = sim.pendingDeliver;
  if (event !== null) event.why = why(rule);
}

// ---- timers ----

export const TIMER_NAMES: readonly TimerName[] = [
  'retransmit',
  'loss-probe',
  'time-wait',
  'fin-wait-2',
  'delayed-ack',
];

export function setTimer(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  timer: TimerName,
  delay: number,
  rule: RuleId,
): void {
  const due = sim.now + delay;
  if (tcb.timerDue[timer] >= 0) cancelTimer(sim, ep, tcb, timer, rule);
  const gen = ++tcb.timerGen[timer];
  tcb.timerDue[timer] = due;
  sim.emit({ t: sim.now, type: 'timer', who: ep.side, timer, action: 'set', due, why: why(rule) });
  schedule(sim, {
    t: due,
    rank: 2,
    order: runtimeOrder(sim),
    kind: ItemKind.Timer,
    side: ep.side,
    tcb,
    timer,
    gen,
  });
}

export function cancelTimer(
  sim: Sim,
  ep: Endpoint,
  tcb: Tcb,
  timer: TimerName,
  rule: RuleId,
): void {
  if (tcb.timerDue[timer] < 0) return;
  tcb.timerDue[timer] = -1;
  tcb.timerGen[timer]++;
  sim.emit({ t: sim.now, type: 'timer', who: ep.side, timer, action: 'cancel', why: why(rule) });
}

// ---- the wire ----

/** Sequence space a segment occupies: its data plus one for SYN and one for FIN. */
export function segSpace(flags: number, len: number): number {
  return len + (flags & SYN ? 1 : 0) + (flags & FIN ? 1 : 0);
}

export interface Outgoing {
  flags: number;
  seq: number;
  ack: number;
  len: number;
  retransmission: boolean;
  reason: SendReason;
  rule: RuleId;
  /** The connection it belongs to (its options); null for a RST answering a stray segment. */
  tcb: Tcb | null;
}

/** A side's timestamp clock: one tick per millisecond (Linux's tcp_clock_ms()), from 1. */
export function tsClock(sim: Sim): number {
  return (Math.floor(sim.now) + 1) >>> 0;
}

/** The options a SYN or SYN+ACK carries: what the side offers, as far as the SYN it answers allows. */
function synOptions(sim: Sim, tcb: Tcb, answering: boolean): TcpOption[] {
  const offer = tcb.offered;
  // A SYN+ACK carries SACK-permitted, timestamps and window scale only if the SYN did (RFC 2018
  // section 2, RFC 7323 sections 2.2 and 3.2).
  const peer = answering ? tcb.peerSyn : null;
  const options: TcpOption[] = [];
  if (offer.mss !== null) options.push({ kind: 'mss', value: offer.mss });
  if (offer.sackPermitted && (peer === null || peer.sackPermitted)) {
    options.push({ kind: 'sackPermitted' });
  }
  if (offer.timestamps && (peer === null || peer.timestamps)) {
    options.push({ kind: 'timestamps', tsval: tsClock(sim), tsecr: tcb.tsRecent ?? 0 });
  }
  if (offer.windowScale !== null && (peer === null || peer.windowScale !== null)) {
    options.push({ kind: 'windowScale', shift: offer.windowScale });
  }
  return options;
}

/** Emits the send event and hands the segment to the network. */
export function transmit(sim: Sim, ep: Endpoint, out: Outgoing): void {
  const tcb = out.tcb;
  const syn = (out.flags & SYN) !== 0;
  let options: TcpOption[] | undefined;
  let window = WINDOW;
  if (tcb !== null) {
    if (syn) {
      options = synOptions(sim, tcb, (out.flags & ACK) !== 0);
    } else if (tcb.negotiated !== null) {
      const n = tcb.negotiated;
      // Linux's replies to stray segments (tcp_v4_send_reset) carry no options; a RST of the
      // connection's own (an abort) does, like any segment it sends.
      if (n.timestamps) {
        options = [{ kind: 'timestamps', tsval: tsClock(sim), tsecr: tcb.tsRecent ?? 0 }];
      }
      window = WINDOW >> n.rcvShift;
    }
    if (out.flags & ACK && !(out.flags & RST)) tcb.lastAckSent = tcb.rcvNxt;
  }
  if (options !== undefined && options.length === 0) options = undefined;
  const seg: Segment = {
    id: sim.nextId++,
    from: ep.side,
    flags: out.flags,
    seq: out.seq >>> 0,
    ack: out.flags & ACK ? out.ack >>> 0 : 0,
    len: out.len,
    window,
    options,
  };
  sim.emit({
    t: sim.now,
    type: 'send',
    id: seg.id,
    who: ep.side,
    flags: flagsOf(seg.flags),
    seq: seg.seq,
    ack: seg.ack,
    len: seg.len,
    window: seg.window,
    retransmission: out.retransmission,
    ...(options === undefined ? {} : { options }),
    reason: out.reason,
    why: why(out.rule),
  });
  route(sim, seg);
}

function route(sim: Sim, seg: Segment): void {
  const arriveAt = sim.now + sim.delayMs;
  let fate: Fault['fate'] | null = null;
  const bare = seg.flags & ~PSH;
  for (const counter of sim.faults) {
    if (counter.fault.who !== seg.from || counter.flags !== bare) continue;
    if (sim.now < (counter.fault.after ?? 0)) continue;
    counter.seen++;
    if (counter.seen === counter.fault.nth && fate === null) fate = counter.fault.fate;
  }
  // A fault decides first; random loss is drawn only for what it spares, so adding a fault to a
  // lossy scenario changes no other segment's fate.
  if (fate === 'drop') {
    lose(sim, seg, arriveAt, 'fault');
    return;
  }
  if (sim.lossRate > 0 && sim.rng.next() < sim.lossRate) {
    lose(sim, seg, arriveAt, 'loss');
    return;
  }
  if (fate === 'duplicate') {
    arrive(sim, seg, arriveAt, false, 0);
    arrive(sim, seg, arriveAt, true, 0);
  } else if (fate !== null) {
    arrive(sim, seg, arriveAt + fate.delayMs, false, fate.delayMs);
  } else {
    arrive(sim, seg, arriveAt, false, 0);
  }
}

/** The drop is reported when the segment would have arrived, so it is drawn halfway. */
function lose(sim: Sim, seg: Segment, t: number, reason: 'fault' | 'loss'): void {
  schedule(sim, { t, rank: 2, order: runtimeOrder(sim), kind: ItemKind.Drop, seg, reason });
}

// A module-level function rather than a closure in route(): this runs for every segment, and a
// closure is a new function object each time (under tsx/esbuild's keepNames, a defineProperty too).
function arrive(sim: Sim, seg: Segment, t: number, duplicate: boolean, delayedMs: number): void {
  const order = runtimeOrder(sim);
  schedule(sim, { t, rank: 2, order, kind: ItemKind.Arrive, seg, duplicate, delayedMs });
}

export function makeTcb(
  sim: Sim,
  ep: Endpoint,
  state: TcpState,
  iss: number,
  passive: boolean,
): Tcb {
  const offered = sim.behaviour.options[ep.side];
  return {
    state,
    passive,
    connectCall: passive ? 0 : ep.connectCalls,
    connected: false,
    accepted: false,
    finReceived: false,
    offered,
    peerSyn: null,
    negotiated: null,
    tsRecent: null,
    noPaws: false,
    lastAckSent: 0,
    rcvMss: Math.min(DEFAULT_SEND_MSS, offered.mss ?? DEFAULT_SEND_MSS),
    pingpong: false,
    lastDataAt: -1,
    tlpHigh: null,
    rtoDeadline: -1,
    iss,
    irs: 0,
    sndUna: iss,
    sndNxt: seqAdd(iss, 1),
    sndWnd: WINDOW,
    rcvNxt: 0,
    inFlight: [],
    unsent: 0,
    finQueued: false,
    finSeq: null,
    attached: true,
    connectPending: false,
    srtt: 0,
    rttvar: 0,
    hasRtt: false,
    rto: sim.behaviour.rtoInitialMs,
    retries: 0,
    recoverHigh: null,
    synRetransmitted: false,
    ackOwed: 0,
    quickAcks: 0,
    dataReceived: false,
    lastRateLimitedAck: -Infinity,
    outOfOrder: [],
    timerDue: {
      retransmit: -1,
      'loss-probe': -1,
      'time-wait': -1,
      'fin-wait-2': -1,
      'delayed-ack': -1,
    },
    timerGen: { retransmit: 0, 'loss-probe': 0, 'time-wait': 0, 'fin-wait-2': 0, 'delayed-ack': 0 },
  };
}

/** The RFC 9293 ISN clock (one tick per 4 µs), anchored at the endpoint's first connection. */
export function nextIsn(sim: Sim, ep: Endpoint): number {
  if (ep.firstIsnAt === null) {
    ep.firstIsnAt = sim.now;
    return ep.firstIsn;
  }
  return (ep.firstIsn + Math.floor(250 * (sim.now - ep.firstIsnAt))) >>> 0;
}

/** The timestamps option a segment carries, if any. */
export function timestampOf(seg: Segment): { tsval: number; tsecr: number } | null {
  if (seg.options === undefined) return null;
  for (const option of seg.options) if (option.kind === 'timestamps') return option;
  return null;
}

/**
 * Takes the options of the peer's SYN (or SYN+ACK): what both sides offered is what the
 * connection uses (RFC 9293 3.7.1 for the MSS, RFC 7323 for timestamps and window scale,
 * RFC 2018 for SACK; Linux: tcp_parse_options() and tcp_openreq_init()/tcp_rcv_synsent_state_process()).
 */
export function negotiate(tcb: Tcb, seg: Segment): void {
  const peer: SideOptions = {
    mss: null,
    sackPermitted: false,
    timestamps: false,
    windowScale: null,
  };
  for (const option of seg.options ?? []) {
    if (option.kind === 'mss') peer.mss = option.value;
    else if (option.kind === 'sackPermitted') peer.sackPermitted = true;
    else if (option.kind === 'timestamps') peer.timestamps = true;
    else peer.windowScale = option.shift;
  }
  tcb.peerSyn = peer;
  const own = tcb.offered;
  const timestamps = own.timestamps && peer.timestamps;
  const scaling = own.windowScale !== null && peer.windowScale !== null;
  // What the peer may receive (536 when it did not say), and what our own path allows.
  const mss = Math.min(peer.mss ?? DEFAULT_SEND_MSS, own.mss ?? DEFAULT_MSS);
  tcb.negotiated = {
    timestamps,
    sack: own.sackPermitted && peer.sackPermitted,
    // RFC 7323 section 2.3: a shift above 14 is used as 14.
    sndShift: scaling ? Math.min(peer.windowScale ?? 0, 14) : 0,
    rcvShift: scaling ? (own.windowScale ?? 0) : 0,
    sendMss: mss - (timestamps ? TIMESTAMPS_OPTION_BYTES : 0),
  };
  const ts = timestampOf(seg);
  tcb.tsRecent = timestamps && ts !== null ? ts.tsval : null;
}
