// The simulation's shared data and the primitives every part uses: emitting trace events,
// changing states, timers and putting segments on the wire.
import type { Agenda, Scheduled } from './heap';
import type { Behaviour } from './profile';
import type { Rng } from './rng';
import { seqAdd } from './seq';
import { checkTransition } from './transitions';
import { ACK, FIN, flagsOf, PSH, SYN } from './wire/flags';
import type {
  Action,
  AppResult,
  Fault,
  Injection,
  SendReason,
  Side,
  TcpState,
  TimerName,
  TraceEvent,
} from './types';

export const WINDOW = 65535;
export const MSS = 1460;
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
    (event.reason === 'dup-ack' || event.reason === 'challenge-ack')
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
}

/** A sent segment not yet acknowledged (SYN and FIN count as one sequence number each). */
export interface InFlight {
  seq: number;
  len: number;
  flags: number;
  sentAt: number;
  retransmitted: boolean;
}

export interface Tcb {
  state: TcpState;
  /** Made by a listener (returns to LISTEN on RST) rather than by connect(). */
  passive: boolean;
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
  listening: boolean;
  conn: Tcb | null;
  /** The state the trace reports (CONTRACT section 2). */
  shown: TcpState;
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
    | { kind: typeof ItemKind.Action; action: Action }
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
}

export function schedule(sim: Sim, item: Item): void {
  sim.agenda.push(item);
}

export function runtimeOrder(sim: Sim): number {
  return sim.order++;
}

// ---- states ----

export function showState(sim: Sim, ep: Endpoint, to: TcpState): void {
  if (ep.shown === to) return;
  checkTransition('engine', ep.shown, to);
  sim.emit({ t: sim.now, type: 'state', who: ep.side, from: ep.shown, to });
  ep.shown = to;
}

export function setState(sim: Sim, ep: Endpoint, tcb: Tcb, to: TcpState): void {
  tcb.state = to;
  if (ep.conn === tcb) showState(sim, ep, to);
}

/** Deletes the TCB: every timer stops and the endpoint shows CLOSED (or LISTEN, see below). */
export function deleteTcb(sim: Sim, ep: Endpoint, tcb: Tcb, backToListen = false): void {
  for (const name of TIMER_NAMES) cancelTimer(sim, ep, tcb, name);
  tcb.state = 'CLOSED';
  if (ep.conn !== tcb) return;
  ep.conn = null;
  showState(sim, ep, backToListen && ep.listening ? 'LISTEN' : 'CLOSED');
}

// ---- app results ----

export function appResult(sim: Sim, ep: Endpoint, call: Action['do'], result: AppResult): void {
  sim.emit({ t: sim.now, type: 'app', who: ep.side, call, result });
}

// ---- timers ----

export const TIMER_NAMES: readonly TimerName[] = [
  'retransmit',
  'time-wait',
  'fin-wait-2',
  'delayed-ack',
];

export function setTimer(sim: Sim, ep: Endpoint, tcb: Tcb, timer: TimerName, delay: number): void {
  const due = sim.now + delay;
  if (tcb.timerDue[timer] >= 0) cancelTimer(sim, ep, tcb, timer);
  const gen = ++tcb.timerGen[timer];
  tcb.timerDue[timer] = due;
  sim.emit({ t: sim.now, type: 'timer', who: ep.side, timer, action: 'set', due });
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

export function cancelTimer(sim: Sim, ep: Endpoint, tcb: Tcb, timer: TimerName): void {
  if (tcb.timerDue[timer] < 0) return;
  tcb.timerDue[timer] = -1;
  tcb.timerGen[timer]++;
  sim.emit({ t: sim.now, type: 'timer', who: ep.side, timer, action: 'cancel' });
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
}

/** Emits the send event and hands the segment to the network. */
export function transmit(sim: Sim, ep: Endpoint, out: Outgoing): void {
  const seg: Segment = {
    id: sim.nextId++,
    from: ep.side,
    flags: out.flags,
    seq: out.seq >>> 0,
    ack: out.flags & ACK ? out.ack >>> 0 : 0,
    len: out.len,
    window: WINDOW,
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
    reason: out.reason,
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

export function makeTcb(state: TcpState, iss: number, rtoInitialMs: number, passive: boolean): Tcb {
  return {
    state,
    passive,
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
    rto: rtoInitialMs,
    retries: 0,
    recoverHigh: null,
    synRetransmitted: false,
    ackOwed: 0,
    quickAcks: 0,
    dataReceived: false,
    lastRateLimitedAck: -Infinity,
    outOfOrder: [],
    timerDue: { retransmit: -1, 'time-wait': -1, 'fin-wait-2': -1, 'delayed-ack': -1 },
    timerGen: { retransmit: 0, 'time-wait': 0, 'fin-wait-2': 0, 'delayed-ack': 0 },
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
