// Property tests of the engine: random scenarios (either profile, random actions on both sides, at
// times or after events, closes of the listener, SYN options and Linux sysctls, a reconnection over
// TIME_WAIT, random loss, faults of every fate, random delays, injections and whatIf flags where a
// property allows them) and what must hold of every trace they give. Each property runs NUM_RUNS times; on
// a failure fast-check prints the seed, the path and the shrunk counterexample (`verbose`), and the
// message lists every violation found in that trace.
//
// To replay a failure: fc.assert(..., { seed, path, endOnFailure: true }) with the printed values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, streamScenario } from './engine';
import { type Behaviour, resolveBehaviour } from './profile';
import { seqDiff } from './seq';
import { RULES } from './rules';
import {
  peerOf,
  SOCKETS,
  type Action,
  type ActionKind,
  type AfterEvent,
  type Fault,
  type FaultFate,
  type FinalStates,
  type Injection,
  type OptionsConfig,
  type Scenario,
  type SendEvent,
  type Side,
  type SocketOwner,
  type Sysctl,
  type TcpOption,
  type TcpState,
  type TimerConfig,
  type TraceEvent,
} from './types';
import { parseScenario } from './validate';
import { RFC_TRANSITIONS } from '../testing/rfcTransitions';
import { isTransition, TRANSITIONS } from './transitions';

/** At least 1,000; PROPERTY_RUNS=50000 npx vitest run … searches deeper. */
const NUM_RUNS = Math.max(1000, Number(process.env.PROPERTY_RUNS ?? 0) || 0);
/** Each property takes well under a second at 1,000 runs; deep searches get time in proportion. */
const TIMEOUT_MS = 30_000 * Math.ceil(NUM_RUNS / 1000);
/** Safety properties stop a run here (a guard: their scenarios may loop, e.g. ACK wars). */
const SAFETY_MAX_EVENTS = 20_000;
/** Liveness runs must end well before this; reaching it counts as "never settles". */
const LIVENESS_MAX_EVENTS = 200_000;
const SIDES: readonly Side[] = ['client', 'server'];

function assertProperty<T>(arb: fc.Arbitrary<T>, check: (value: T) => void): void {
  // verbose: the failure message carries the seed, the path and the counterexample.
  fc.assert(fc.property(arb, check), { numRuns: NUM_RUNS, verbose: 1 });
}

// ---------------------------------------------------------------------------------------------
// Random scenarios
// ---------------------------------------------------------------------------------------------

interface GenOptions {
  /** Random loss up to 50% (otherwise none: the only losses are the faults'). */
  loss: boolean;
  injections: boolean;
  /**
   * Injections only when the one-way delay is under this. An injected segment can put the two
   * ends out of step (one acknowledges data the other never sent): each then answers the other's
   * ACK with a dup ACK, as RFC 9293 says, and only the 500 ms rate limit stops that exchange, so
   * with a round trip of 500 ms or more it never stops (an "ACK storm", as with real TCP).
   */
  injectionsBelowDelayMs?: number;
  whatIf: boolean;
  maxDelayMs: number;
  maxFaults: number;
}

const SAFETY: GenOptions = {
  loss: true,
  injections: true,
  whatIf: true,
  maxDelayMs: 1000,
  maxFaults: 4,
};

const FAULT_FLAGS = ['SYN', 'SYN,ACK', 'ACK', 'PSH,ACK', 'FIN,ACK', 'RST', 'RST,ACK', 'FIN'];
const INJECT_FLAGS = [
  'SYN',
  'SYN,ACK',
  'ACK',
  'PSH,ACK',
  'FIN,ACK',
  'RST',
  'RST,ACK',
  'FIN',
  'SYN,FIN',
];

/** Gaps between inputs: often none (same instant), often short, sometimes past a TIME_WAIT. */
const gapArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 300_000 }) },
);

const actionKindArb: fc.Arbitrary<ActionKind> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('listen' as const) },
  { weight: 3, arbitrary: fc.constant('connect' as const) },
  { weight: 3, arbitrary: fc.constant('send' as const) },
  { weight: 2, arbitrary: fc.constant('shutdown' as const) },
  { weight: 3, arbitrary: fc.constant('close' as const) },
  { weight: 1, arbitrary: fc.constant('abort' as const) },
);

/** Mostly at a time; sometimes once an event of the acting side happened, soon or later. */
const whenArb: fc.Arbitrary<{ after: AfterEvent; delayMs?: number } | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        after: fc.constantFrom<AfterEvent>('connected', 'accepted', 'acked', 'eof'),
        delayMs: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5000 })),
      },
      { requiredKeys: ['after'] },
    ),
  },
);

const stepArb = fc.record({
  gap: gapArb,
  when: whenArb,
  who: fc.constantFrom<Side>('client', 'server'),
  kind: actionKindArb,
  bytes: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 4000 })),
  reuse: fc.boolean(),
  /** A server's close or abort names its listening socket (1 in 3). */
  listener: fc.constantFrom(false, false, true),
});

/**
 * Sometimes an ending that comes back to the same port pair: one side closes, the other once the
 * FIN reached it, and the client connects again soon, usually while one end is in TIME_WAIT
 * (takeover, EADDRINUSE / EADDRNOTAVAIL, or a SYN that reopens the server's TIME_WAIT).
 */
const reconnectArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record({
      first: fc.constantFrom<Side>('client', 'server'),
      closeGap: fc.integer({ min: 0, max: 3000 }),
      connectGap: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5000 })),
      reuse: fc.boolean(),
    }),
  },
);

const fateArb: fc.Arbitrary<FaultFate> = fc.oneof(
  fc.constant('drop' as const),
  fc.constant('duplicate' as const),
  fc
    .oneof(
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 400_000 }),
    )
    .map((delayMs) => ({ delayMs })),
);

const faultArb: fc.Arbitrary<Fault> = fc
  .record({
    who: fc.constantFrom<Side>('client', 'server'),
    flags: fc.constantFrom(...FAULT_FLAGS),
    nth: fc.integer({ min: 1, max: 4 }),
    after: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    fate: fateArb,
  })
  .map(({ after, ...rest }) => (after === undefined ? rest : { ...rest, after }));

const relativeArb = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
);

/** Sometimes a timestamp on an injected segment: near the stacks' clocks, or anywhere (PAWS). */
const injectedOptionsArb: fc.Arbitrary<TcpOption[] | undefined> = fc.option(
  fc
    .record({
      tsval: fc.oneof(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      ),
      tsecr: fc.integer({ min: 0, max: 10_000 }),
    })
    .map(({ tsval, tsecr }): TcpOption[] => [{ kind: 'timestamps', tsval, tsecr }]),
  { nil: undefined, freq: 4 },
);

const injectionArb: fc.Arbitrary<Injection> = fc
  .record({
    at: fc.integer({ min: 0, max: 6000 }),
    to: fc.constantFrom<Side>('client', 'server'),
    flags: fc.constantFrom(...INJECT_FLAGS),
    seq: relativeArb,
    ack: fc.option(relativeArb, { nil: undefined }),
    len: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    options: injectedOptionsArb,
  })
  .map(({ ack, len, options, ...rest }) => ({
    ...rest,
    ...(ack === undefined ? {} : { ack }),
    ...(len === undefined ? {} : { len }),
    ...(options === undefined ? {} : { options }),
  }));

/** Sometimes a side's own choice of SYN options, over its profile's (small MSSs split data). */
const optionsArb: fc.Arbitrary<OptionsConfig | undefined> = fc.option(
  fc.record(
    {
      mss: fc.constantFrom<number | false>(false, 88, 536, 1460, 9000),
      sackPermitted: fc.boolean(),
      timestamps: fc.boolean(),
      windowScale: fc.constantFrom<number | false>(false, 0, 7, 14),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined, freq: 3 },
);

/** Linux settings (linux scenarios only), kept to values that give short runs. */
const sysctlArb: fc.Arbitrary<Sysctl | undefined> = fc.option(
  fc.record(
    {
      tcp_syn_retries: fc.integer({ min: 1, max: 6 }),
      tcp_synack_retries: fc.integer({ min: 0, max: 5 }),
      tcp_syn_linear_timeouts: fc.integer({ min: 0, max: 4 }),
      tcp_retries2: fc.integer({ min: 0, max: 15 }),
      tcp_fin_timeout: fc.constantFrom(1, 5, 60),
      tcp_timestamps: fc.integer({ min: 0, max: 2 }),
      tcp_sack: fc.integer({ min: 0, max: 1 }),
      tcp_window_scaling: fc.integer({ min: 0, max: 1 }),
      tcp_rfc1337: fc.integer({ min: 0, max: 1 }),
      tcp_tw_reuse: fc.integer({ min: 0, max: 2 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined, freq: 3 },
);

/** Sometimes short timers and few retries, to reach give-ups and timeouts in few events. */
const timersArb: fc.Arbitrary<TimerConfig | undefined> = fc.option(
  fc
    .record(
      {
        mslMs: fc.constantFrom(500, 5000, 30_000),
        rtoInitialMs: fc.constantFrom(200, 1000, 3000),
        rtoMinMs: fc.constantFrom(100, 200, 1000),
        rtoMaxMs: fc.constantFrom(1000, 2000, 60_000),
        delayedAckMs: fc.constantFrom(0, 40, 200),
        finWait2Ms: fc.constantFrom(0, 1000, 60_000),
        synRetries: fc.integer({ min: 0, max: 7 }),
        synAckRetries: fc.integer({ min: 0, max: 6 }),
        dataRetries: fc.integer({ min: 0, max: 8 }),
      },
      { requiredKeys: [] },
    )
    .map((t) => {
      // The validator wants rtoMaxMs ≥ rtoMinMs when both are given.
      if (t.rtoMaxMs !== undefined && t.rtoMinMs !== undefined && t.rtoMaxMs < t.rtoMinMs) {
        return { ...t, rtoMaxMs: t.rtoMinMs };
      }
      return t;
    }),
  { nil: undefined, freq: 3 },
);

const isnArb = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    fc.integer({ min: 2 ** 32 - 3000, max: 2 ** 32 - 1 }),
  ),
  { nil: undefined },
);

/** A what-if switch: on in one scenario in four, so that most runs keep the protocol's rules. */
const sometimes = fc.constantFrom(false, false, false, true);

function scenarioArb(opts: GenOptions): fc.Arbitrary<Scenario> {
  return fc
    .record({
      profile: fc.constantFrom('rfc9293' as const, 'linux' as const),
      seed: fc.integer(),
      clientIsn: isnArb,
      serverIsn: isnArb,
      clientCloseOnEof: fc.boolean(),
      serverCloseOnEof: fc.boolean(),
      clientOptions: optionsArb,
      serverOptions: optionsArb,
      sysctl: sysctlArb,
      delayMs: fc.oneof(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: opts.maxDelayMs }),
      ),
      lossRate: opts.loss
        ? fc.oneof(
            { weight: 1, arbitrary: fc.constant(0) },
            {
              weight: 3,
              arbitrary: fc.integer({ min: 1, max: 50 }).map((percent) => percent / 100),
            },
          )
        : fc.constant(0),
      timers: timersArb,
      noTimeWait: opts.whatIf ? sometimes : fc.constant(false),
      twoWayHandshake: opts.whatIf ? sometimes : fc.constant(false),
      reuseTimeWait: opts.whatIf ? sometimes : fc.constant(false),
      // Usually the classic opening (server listens, client connects), then anything.
      opening: fc.constantFrom('listen-connect', 'listen-connect', 'listen-connect', 'none'),
      connectAt: fc.integer({ min: 0, max: 50 }),
      steps: fc.array(stepArb, { maxLength: 10 }),
      reconnect: reconnectArb,
      faults: fc.array(faultArb, { maxLength: opts.maxFaults }),
      inject: opts.injections
        ? fc.array(injectionArb, { maxLength: 2 })
        : fc.constant<Injection[]>([]),
    })
    .map((g): Scenario => {
      const actions: Action[] = [];
      if (g.opening === 'listen-connect') {
        actions.push({ at: 0, who: 'server', do: 'listen' });
        actions.push({ at: g.connectAt, who: 'client', do: 'connect' });
      }
      let t = g.opening === 'listen-connect' ? g.connectAt : 0;
      for (const step of g.steps) {
        // Only the server listens: the listener is its socket.
        const who = step.kind === 'listen' ? 'server' : step.who;
        let action: Action;
        if (step.when === null) {
          t += step.gap;
          action = { at: t, who, do: step.kind };
        } else {
          action = { ...step.when, who, do: step.kind };
        }
        if (step.kind === 'send') action.bytes = step.bytes;
        if (step.kind === 'connect' && step.reuse) action.reuse = true;
        if (who === 'server' && (step.kind === 'close' || step.kind === 'abort') && step.listener)
          action.socket = 'listener';
        actions.push(action);
      }
      if (g.reconnect !== null) {
        const r = g.reconnect;
        t += r.closeGap;
        actions.push({ at: t, who: r.first, do: 'close' });
        actions.push({ after: 'eof', who: peerOf(r.first), do: 'close' });
        t += r.connectGap;
        actions.push({ at: t, who: 'client', do: 'connect', ...(r.reuse ? { reuse: true } : {}) });
      }
      const s: Scenario = {
        profile: g.profile,
        seed: g.seed,
        client: {
          ...(g.clientIsn === undefined ? {} : { isn: g.clientIsn }),
          ...(g.clientCloseOnEof ? { closeOnEof: true } : {}),
          ...(g.clientOptions === undefined ? {} : { options: g.clientOptions }),
        },
        server: {
          ...(g.serverIsn === undefined ? {} : { isn: g.serverIsn }),
          ...(g.serverCloseOnEof ? { closeOnEof: true } : {}),
          ...(g.serverOptions === undefined ? {} : { options: g.serverOptions }),
        },
        network: { delayMs: g.delayMs, lossRate: g.lossRate },
        actions,
      };
      if (g.timers !== undefined) s.timers = g.timers;
      if (g.sysctl !== undefined && g.profile === 'linux') s.sysctl = g.sysctl;
      if (g.noTimeWait || g.twoWayHandshake || g.reuseTimeWait) {
        s.whatIf = {
          ...(g.noTimeWait ? { noTimeWait: true } : {}),
          ...(g.twoWayHandshake ? { twoWayHandshake: true } : {}),
          ...(g.reuseTimeWait ? { reuseTimeWait: true } : {}),
        };
      }
      if (g.faults.length > 0) s.faults = g.faults;
      const injectionsAllowed = g.delayMs < (opts.injectionsBelowDelayMs ?? Infinity);
      if (g.inject.length > 0 && injectionsAllowed) s.inject = g.inject;
      return s;
    });
}

// ---------------------------------------------------------------------------------------------
// Helpers over traces
// ---------------------------------------------------------------------------------------------

const has = (e: SendEvent, flag: 'SYN' | 'FIN' | 'RST' | 'ACK'): boolean => e.flags.includes(flag);
const space = (e: SendEvent): number => e.len + (has(e, 'SYN') ? 1 : 0) + (has(e, 'FIN') ? 1 : 0);
const u32 = (n: number): number => n >>> 0;
/**
 * Times are milliseconds as doubles: an RTO from RFC 6298's SRTT and RTTVAR is fractional, and a
 * timer's due time minus the time it was set may then differ from its duration in the last bits.
 */
const EPSILON_MS = 1e-6;
const same = (a: number, b: number): boolean => Math.abs(a - b) < EPSILON_MS;

function run(s: Scenario, maxEvents: number) {
  const events: TraceEvent[] = [];
  const summary = streamScenario(s, (e) => events.push(e), { maxEvents });
  return { events, summary };
}

/** Every retransmission interval is at most this (the first is rtoInitialMs, later ones are capped). */
function rtoCap(b: Behaviour): number {
  return Math.max(b.rtoMaxMs, b.rtoInitialMs);
}

const optionKinds = (e: SendEvent): TcpOption['kind'][] => (e.options ?? []).map((o) => o.kind);
const carries = (e: SendEvent | null, kind: TcpOption['kind']): boolean =>
  e?.options?.some((o) => o.kind === kind) === true;
const mssOf = (e: SendEvent): number | null => {
  const mss = e.options?.find((o) => o.kind === 'mss');
  return mss?.kind === 'mss' ? mss.value : null;
};

/** RFC 9293 3.7.1: without an MSS option a side may send segments of 536 bytes. */
const DEFAULT_SEND_MSS = 536;
/** RFC 7323: the timestamps option takes 12 of a segment's bytes (10 and two NOPs). */
const TIMESTAMPS_BYTES = 12;

/**
 * What each side's current connection agreed in its handshake: the SYN it sent last (of its own,
 * not injected) and the SYN that reached it and opened or completed its connection. Feed it every
 * event in order; it forgets a side's handshake when that side's connection closes.
 */
class Handshakes {
  private readonly sends = new Map<number, SendEvent>();
  private readonly lastSynIn: Record<Side, SendEvent | null> = { client: null, server: null };
  /** The last SYN (or SYN+ACK) `side` sent for its current connection. */
  readonly own: Record<Side, SendEvent | null> = { client: null, server: null };
  /** The peer's SYN (or SYN+ACK) that `side`'s current connection took. */
  readonly peer: Record<Side, SendEvent | null> = { client: null, server: null };

  see(e: TraceEvent): void {
    if (e.type === 'send') {
      this.sends.set(e.id, e);
      if (has(e, 'SYN') && !e.injected) this.own[e.who] = e;
    } else if (e.type === 'deliver' && e.discarded === undefined) {
      const seg = this.sends.get(e.id);
      if (seg !== undefined && has(seg, 'SYN')) this.lastSynIn[peerOf(seg.who)] = seg;
    } else if (e.type === 'state' && e.who !== 'listener') {
      // A passive or simultaneous open takes the SYN that just arrived; an active one the SYN+ACK.
      if (e.to === 'SYN_RCVD' || (e.from === 'SYN_SENT' && e.to === 'ESTABLISHED'))
        this.peer[e.who] = this.lastSynIn[e.who];
      if (e.to === 'SYN_SENT' || e.to === 'CLOSED') this.peer[e.who] = null;
      if (e.to === 'CLOSED') this.own[e.who] = null;
    }
  }

  /** Both SYNs of `side`'s connection carried `kind` (RFC 7323, RFC 2018: both must offer it). */
  agreed(side: Side, kind: 'timestamps' | 'sackPermitted' | 'windowScale'): boolean {
    return carries(this.own[side], kind) && carries(this.peer[side], kind);
  }

  /** The most data `side` may put in a segment: the peer's MSS, or 536 without one. */
  sendMss(side: Side): number {
    const peer = this.peer[side];
    return (peer === null ? null : mssOf(peer)) ?? DEFAULT_SEND_MSS;
  }
}

function report(s: Scenario, problems: string[]): void {
  if (problems.length > 0) {
    throw new Error(
      `${problems.length} violation(s):\n  ${problems.slice(0, 12).join('\n  ')}\nscenario: ${JSON.stringify(s)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// (a) Allowed transitions: the engine's table (transitions.ts), held to RFC 9293's
// ---------------------------------------------------------------------------------------------

interface Cause {
  t: number;
  kind: 'app' | 'deliver' | 'fire';
  who: SocketOwner; // the socket the event happened to (the receiver, for a delivery)
  call?: string;
  timer?: string;
  seg?: SendEvent;
}

/** App events that are the call itself returning at once, so the cause of what follows. */
function isCall(e: TraceEvent): boolean {
  if (e.type !== 'app') return false;
  // connect()'s ok, ECONNREFUSED and ETIMEDOUT come later, as effects; accept() returns when a
  // handshake completes, an effect of the ACK that completed it.
  if (e.call === 'accept') return false;
  return e.call !== 'connect' || e.result === 'EADDRINUSE' || e.result === 'EADDRNOTAVAIL';
}

/**
 * Each socket's state events chain (each `from` is the previous `to`), with one exception: the
 * server's LISTEN→SYN_RCVD starts a new connection, cloned from a listener in LISTEN, while the
 * server has none (CLOSED). The listener only goes CLOSED→LISTEN→CLOSED. Every change is in the
 * transition table and has a cause the rules allow.
 */
function checkTransitions(s: Scenario, events: TraceEvent[], final: FinalStates): string[] {
  const b = resolveBehaviour(s);
  const problems: string[] = [];
  const current: Record<SocketOwner, TcpState> = {
    client: 'CLOSED',
    server: 'CLOSED',
    listener: 'CLOSED',
  };
  const sends = new Map<number, SendEvent>();
  const handshakes = new Handshakes();
  const timeWaitSince: Record<Side, number | null> = { client: null, server: null };
  let cause: Cause | null = null;
  const rstSince: Record<Side, boolean> = { client: false, server: false };
  /** The server app's accept() returned its current connection. */
  let accepted = false;
  events.forEach((e, i) => {
    // A state event is checked against the handshake as it stood before it.
    if (e.type !== 'state') handshakes.see(e);
    if (e.type === 'app' && e.who === 'server' && e.call === 'accept') accepted = true;
    if (e.type === 'send') {
      sends.set(e.id, e);
      if (has(e, 'RST') && !e.injected) rstSince[e.who] = true;
      return;
    }
    if (isCall(e) || e.type === 'deliver' || (e.type === 'timer' && e.action === 'fire')) {
      rstSince.client = rstSince.server = false;
      if (e.type === 'app') cause = { t: e.t, kind: 'app', who: e.who, call: e.call };
      else if (e.type === 'timer') cause = { t: e.t, kind: 'fire', who: e.who, timer: e.timer };
      else if (e.type === 'deliver') {
        const seg = sends.get(e.id);
        cause = seg === undefined ? null : { t: e.t, kind: 'deliver', who: peerOf(seg.who), seg };
      }
      return;
    }
    if (e.type !== 'state') return;
    const at = `t=${e.t} #${i} ${e.who} ${e.from}→${e.to}`;
    const c: Cause | null = cause !== null && (cause as Cause).t === e.t ? cause : null;
    if (e.who === 'listener') {
      if (e.from !== current.listener)
        problems.push(`${at}: from ≠ previous to (${current.listener})`);
      current.listener = e.to;
      const listens = e.from === 'CLOSED' && e.to === 'LISTEN';
      const closes = e.from === 'LISTEN' && e.to === 'CLOSED';
      if (!listens && !closes) problems.push(`${at}: a listener only listens and closes`);
      if (c?.kind !== 'app' || c.who !== 'listener')
        problems.push(`${at}: the listener changed without a call (cause ${JSON.stringify(c)})`);
      return;
    }
    const side = e.who;
    const newConnection = side === 'server' && e.from === 'LISTEN' && e.to === 'SYN_RCVD';
    if (newConnection) {
      if (current.server !== 'CLOSED')
        problems.push(`${at}: a new connection while the server's is ${current.server}`);
      if (current.listener !== 'LISTEN')
        problems.push(`${at}: a new connection without a listener in LISTEN`);
    } else if (e.from !== current[side]) {
      problems.push(`${at}: from ≠ previous to (${current[side]})`);
    }
    if (e.to === 'LISTEN')
      problems.push(`${at}: a connection in LISTEN (only the listener listens)`);
    current[side] = e.to;
    if (e.from === e.to) problems.push(`${at}: a state event that changes nothing`);
    if (!isTransition(e.from, e.to)) problems.push(`${at}: not an allowed transition`);

    if (newConnection) accepted = false;
    // Closing the listener drops the connections still waiting for accept()
    // (inet_csk_listen_stop()): never one accept() returned, nor one in TIME_WAIT, which waits out
    // its 2·MSL whatever the listener does (Linux keeps it apart from the listener's queue). The
    // engine also counts as waiting one its app closed before accept() returned (RFC 9293's CLOSE
    // in SYN-RECEIVED); Linux has no such connection to compare with.
    const listenerDrop = e.why.rule === 'listener-drops-embryonic';
    if (listenerDrop) {
      if (c?.kind !== 'app' || c.who !== 'listener' || side !== 'server' || e.to !== 'CLOSED')
        problems.push(
          `${at}: dropped for the listener, not by its close (cause ${JSON.stringify(c)})`,
        );
      if (side === 'server' && accepted)
        problems.push(`${at}: the listener's close dropped a connection accept() returned`);
      if (e.from === 'TIME_WAIT') problems.push(`${at}: the listener's close ended a TIME_WAIT`);
    }
    const byDelivery = c?.kind === 'deliver' && c.who === side;
    const rstArrived = byDelivery && c.seg !== undefined && has(c.seg, 'RST');
    const synArrived = byDelivery && c.seg !== undefined && has(c.seg, 'SYN');
    if (newConnection && !synArrived)
      problems.push(`${at}: a new connection without a SYN (cause ${JSON.stringify(c)})`);
    // The next state event of this side at the same time: TIME_WAIT→CLOSED then CLOSED→SYN_SENT
    // is connect() taking the 4-tuple, then LISTEN→SYN_RCVD a SYN that reopens it.
    let next: TraceEvent | undefined;
    for (let j = i + 1; j < events.length && events[j]!.t === e.t; j++) {
      const x = events[j]!; // j < length
      if (x.type === 'state' && x.who === side) {
        next = x;
        break;
      }
    }
    const takenOver = next?.type === 'state' && next.to === 'SYN_SENT';
    const reopened = next?.type === 'state' && next.from === 'LISTEN' && next.to === 'SYN_RCVD';

    // whatIf.noTimeWait: the only way TIME_WAIT is skipped.
    if (e.to === 'TIME_WAIT' && b.noTimeWait)
      problems.push(`${at}: TIME_WAIT although whatIf.noTimeWait`);
    if (
      (e.from === 'FIN_WAIT_1' || e.from === 'FIN_WAIT_2' || e.from === 'CLOSING') &&
      e.to === 'CLOSED'
    ) {
      const ok =
        (c?.kind === 'app' && c.who === side && c.call === 'abort') ||
        (c?.kind === 'fire' &&
          c.who === side &&
          (c.timer === 'retransmit' || c.timer === 'fin-wait-2')) ||
        rstArrived ||
        listenerDrop ||
        (byDelivery && rstSince[side]) || // Linux: data after close() is answered with RST
        (byDelivery && b.noTimeWait);
      if (!ok)
        problems.push(
          `${at}: closed without abort, RST, timeout, the listener's close or whatIf.noTimeWait (cause ${JSON.stringify(c)})`,
        );
    }
    // whatIf.twoWayHandshake: only then may a SYN without ACK complete a passive open.
    if (e.from === 'SYN_RCVD' && e.to === 'ESTABLISHED') {
      const ackArrived = byDelivery && c.seg !== undefined && has(c.seg, 'ACK');
      if (!ackArrived && !b.twoWayHandshake)
        problems.push(`${at}: ESTABLISHED without an ACK (cause ${JSON.stringify(c)})`);
    }
    // TIME_WAIT lasts 2·MSL unless a RST kills it, the app (after shutdown) aborts, connect(reuse)
    // takes the 4-tuple or a new SYN reopens it.
    if (e.to === 'TIME_WAIT') timeWaitSince[side] = e.t;
    if (e.from === 'TIME_WAIT') {
      const since = timeWaitSince[side] ?? e.t;
      timeWaitSince[side] = null;
      const expired =
        c?.kind === 'fire' &&
        c.who === side &&
        c.timer === 'time-wait' &&
        e.t - since >= 2 * b.mslMs - EPSILON_MS;
      const aborted = c?.kind === 'app' && c.who === side && c.call === 'abort';
      const bySyn = e.to === 'CLOSED' && reopened && synArrived;
      const byConnect = e.to === 'CLOSED' && takenOver;
      if (!(expired || rstArrived || aborted || byConnect || bySyn)) {
        problems.push(
          `${at}: left TIME_WAIT after ${e.t - since} ms without 2·MSL, RST, abort, reuse or SYN`,
        );
      }
      // connect() takes the 4-tuple only from a connection with timestamps (Linux, which PAWS
      // then protects), or in the what-if; RFC 9293 refuses it (CONTRACT.md section 0.2).
      const mayTakeOver =
        b.reuseTimeWait || (b.profile === 'linux' && handshakes.agreed(side, 'timestamps'));
      if (byConnect && !mayTakeOver)
        problems.push(
          `${at}: connect() took TIME_WAIT's 4-tuple without timestamps or the what-if`,
        );
    }
    handshakes.see(e);
  });
  for (const socket of SOCKETS) {
    if (final[socket] !== current[socket])
      problems.push(`final.${socket} ${final[socket]} ≠ last state ${current[socket]}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// (b) Sequence and acknowledgement numbers within an incarnation
// ---------------------------------------------------------------------------------------------

interface Incarnation {
  iss: number | null;
  /** SND.NXT as the trace shows it: the end of the last new segment that took sequence space. */
  nxt: number;
  lastAck: number | null;
  lastRetransmitSeq: number | null;
}

/**
 * An incarnation starts when a side enters SYN_SENT, or SYN_RCVD other than from SYN_SENT (a new
 * connection the listener took), and ends when it shows CLOSED. Within one, of the
 * segments it sends, RSTs (whose numbers echo the segment they answer) and injected ones aside:
 * - the first is a SYN, and every SYN carries the same ISS;
 * - a new (not retransmitted) segment starts exactly at SND.NXT: no gap, no overlap, never back;
 * - a retransmission resends what was sent (ISS < seq, seq + space ≤ SND.NXT) and starts no lower
 *   than the previous one (it starts at SND.UNA, which never decreases), except Linux's loss probe,
 *   which resends the last segment sent (tcp_send_loss_probe()) and so may come before a lower one;
 * - the ACK field never decreases, and always names the end of a segment that reached this side,
 *   or the end of the SYN of one whose data was not taken (RCV.NXT only moves over what arrived).
 */
function checkSequenceNumbers(events: TraceEvent[]): string[] {
  const problems: string[] = [];
  const inc: Record<Side, Incarnation | null> = { client: null, server: null };
  const arrivedEnds: Record<Side, Set<number>> = { client: new Set(), server: new Set() };
  const sends = new Map<number, SendEvent>();
  events.forEach((e, i) => {
    if (e.type === 'state') {
      if (e.who === 'listener') return; // a listener sends nothing of its own
      if (e.to === 'SYN_SENT' || (e.to === 'SYN_RCVD' && e.from !== 'SYN_SENT')) {
        inc[e.who] = { iss: null, nxt: 0, lastAck: null, lastRetransmitSeq: null };
      } else if (e.to === 'CLOSED' || e.to === 'LISTEN') {
        inc[e.who] = null;
      }
      return;
    }
    if (e.type === 'deliver') {
      const seg = sends.get(e.id);
      if (seg !== undefined) {
        arrivedEnds[peerOf(seg.who)].add(u32(seg.seq + space(seg)));
        if (has(seg, 'SYN')) arrivedEnds[peerOf(seg.who)].add(u32(seg.seq + 1));
      }
      return;
    }
    if (e.type !== 'send') return;
    sends.set(e.id, e);
    if (e.injected || has(e, 'RST')) return;
    const at = `t=${e.t} #${i} ${e.who} send ${e.flags.join(',')} seq=${e.seq} ack=${e.ack} len=${e.len}${e.retransmission ? ' (retransmission)' : ''}`;
    const c = inc[e.who];
    if (c === null) {
      problems.push(`${at}: a non-RST segment from a side without a connection`);
      return;
    }
    if (has(e, 'SYN')) {
      if (c.iss === null) {
        c.iss = e.seq;
        c.nxt = u32(e.seq + 1);
      } else if (e.seq !== c.iss) {
        problems.push(`${at}: SYN with seq ≠ ISS ${c.iss}`);
      }
      if (e.len !== 0 || has(e, 'FIN')) problems.push(`${at}: SYN with data or FIN`);
    } else if (c.iss === null) {
      problems.push(`${at}: first segment of an incarnation is not a SYN`);
    }
    if (c.iss !== null && !has(e, 'SYN')) {
      if (!e.retransmission) {
        if (e.seq !== c.nxt) problems.push(`${at}: new segment does not start at SND.NXT ${c.nxt}`);
        else c.nxt = u32(e.seq + space(e));
      } else {
        if (space(e) === 0) problems.push(`${at}: retransmission of nothing`);
        if (seqDiff(e.seq, c.iss) <= 0 || seqDiff(u32(e.seq + space(e)), c.nxt) > 0) {
          problems.push(`${at}: retransmits beyond what was sent (ISS ${c.iss}, SND.NXT ${c.nxt})`);
        }
        if (e.reason !== 'loss-probe') {
          if (c.lastRetransmitSeq !== null && seqDiff(e.seq, c.lastRetransmitSeq) < 0) {
            problems.push(`${at}: retransmission below the previous one (${c.lastRetransmitSeq})`);
          }
          c.lastRetransmitSeq = e.seq;
        }
      }
    }
    if (has(e, 'ACK')) {
      if (c.lastAck !== null && seqDiff(e.ack, c.lastAck) < 0)
        problems.push(`${at}: ACK went back from ${c.lastAck}`);
      c.lastAck = e.ack;
      if (!arrivedEnds[e.who].has(e.ack))
        problems.push(`${at}: acknowledges up to where nothing that arrived ends`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// (c) The network: nothing delivered that was not sent
// ---------------------------------------------------------------------------------------------

function checkNetwork(s: Scenario, events: TraceEvent[], completed: boolean): string[] {
  const problems: string[] = [];
  const delay = s.network?.delayMs ?? 1;
  const fates = (s.faults ?? []).map((f) => f.fate);
  const sends = new Map<number, SendEvent>();
  const delivered = new Set<number>();
  const duplicated = new Set<number>();
  const dropped = new Set<number>();
  let lastT = 0;
  let nextId = 1;
  events.forEach((e, i) => {
    const at = `t=${e.t} #${i} ${e.type}${'id' in e ? ` id=${e.id}` : ''}`;
    if (e.t < lastT) problems.push(`${at}: time went back from ${lastT}`);
    lastT = e.t;
    if (e.type === 'send') {
      if (e.id !== nextId) problems.push(`${at}: ids are not 1, 2, 3… (expected ${nextId})`);
      nextId = e.id + 1;
      sends.set(e.id, e);
      return;
    }
    if (e.type !== 'deliver' && e.type !== 'drop') return;
    const seg = sends.get(e.id);
    if (seg === undefined) {
      problems.push(`${at}: refers to no earlier send`);
      return;
    }
    if (e.t < seg.t) problems.push(`${at}: before its send at ${seg.t}`);
    if (e.type === 'drop') {
      if (dropped.has(e.id) || delivered.has(e.id))
        problems.push(`${at}: dropped twice or after delivery`);
      dropped.add(e.id);
      if (e.t !== seg.t + delay)
        problems.push(`${at}: dropped at ${e.t}, not at send + delay ${seg.t + delay}`);
      if (e.reason === 'loss' && !((s.network?.lossRate ?? 0) > 0))
        problems.push(`${at}: loss without a loss rate`);
      if (e.reason === 'fault' && !fates.includes('drop'))
        problems.push(`${at}: fault drop without a drop fault`);
      if (seg.injected) problems.push(`${at}: an injected segment dropped`);
      return;
    }
    if (dropped.has(e.id)) problems.push(`${at}: delivered after being dropped`);
    if (e.duplicate) {
      if (duplicated.has(e.id) || !delivered.has(e.id))
        problems.push(`${at}: second copy without exactly one first`);
      if (!fates.includes('duplicate')) problems.push(`${at}: duplicate without a duplicate fault`);
      duplicated.add(e.id);
    } else {
      if (delivered.has(e.id)) problems.push(`${at}: delivered twice`);
      delivered.add(e.id);
    }
    const late = e.delayedMs ?? 0;
    if (late > 0 && !fates.some((f) => typeof f === 'object' && f.delayMs === late)) {
      problems.push(`${at}: delayed ${late} ms by no delay fault`);
    }
    const expected = seg.injected ? seg.t : seg.t + delay + late;
    if (e.t !== expected) problems.push(`${at}: delivered at ${e.t}, expected ${expected}`);
  });
  if (completed) {
    // Every segment sent meets its fate once the run is over: delivered or dropped, never lost track of.
    for (const id of sends.keys()) {
      if (!delivered.has(id) && !dropped.has(id))
        problems.push(`id=${id}: sent but neither delivered nor dropped`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// (f) Why, and what the handshake agreed
// ---------------------------------------------------------------------------------------------

/** The rules a taken arrival carries: it changed nothing, so no other event says why. */
const QUIET_ARRIVAL_RULES: readonly string[] = ['dup-ack-received', 'ack-nothing-new'];

/**
 * Every state, send, drop, timer and app event says why, by a rule from the list and that rule's
 * reference; a delivery says why when it was discarded (CONTRACT.md section 0.5), or when it was
 * taken without anything else to say so (a duplicate ACK), and then nothing follows it.
 */
function checkWhy(events: TraceEvent[]): string[] {
  const problems: string[] = [];
  events.forEach((e, i) => {
    const at = `t=${e.t} #${i} ${e.type}`;
    const why = 'why' in e ? e.why : undefined;
    const needed = e.type !== 'deliver' || e.discarded !== undefined;
    if (e.type === 'deliver' && e.discarded === undefined && why !== undefined) {
      if (!QUIET_ARRIVAL_RULES.includes(why.rule))
        problems.push(`${at}: a taken delivery says why with ${why.rule}`);
    }
    if (why === undefined) {
      if (needed) problems.push(`${at}: no why`);
      return;
    }
    const ref = (RULES as Record<string, string>)[why.rule];
    if (ref === undefined) problems.push(`${at}: unknown rule ${why.rule}`);
    else if (why.ref !== ref)
      problems.push(`${at}: rule ${why.rule} with ref ${why.ref}, not ${ref}`);
  });
  return problems;
}

/** The option kinds a side's SYN carries, in a segment's order, from its resolved options. */
function offered(b: Behaviour, side: Side): TcpOption['kind'][] {
  const o = b.options[side];
  const kinds: TcpOption['kind'][] = [];
  if (o.mss !== null) kinds.push('mss');
  if (o.sackPermitted) kinds.push('sackPermitted');
  if (o.timestamps) kinds.push('timestamps');
  if (o.windowScale !== null) kinds.push('windowScale');
  return kinds;
}

/**
 * The options (CONTRACT.md section 0.3), on the segments a stack sends (injected ones aside):
 * - a SYN carries exactly the options its side offers; a SYN+ACK those of them the SYN it answers
 *   offered too (SACK, timestamps and window scale need both ends), its MSS in any case;
 * - a later segment carries timestamps only on a connection whose two SYNs did, and then every
 *   one does except a RST;
 * - data fits the peer's MSS (536 bytes when it sent none), less 12 bytes when it carries
 *   timestamps.
 */
function checkOptions(s: Scenario, events: TraceEvent[]): string[] {
  const b = resolveBehaviour(s);
  const problems: string[] = [];
  const handshakes = new Handshakes();
  events.forEach((e, i) => {
    handshakes.see(e);
    if (e.type !== 'send' || e.injected) return;
    const at = `t=${e.t} #${i} ${e.who} send ${e.flags.join(',')} len=${e.len} options=${optionKinds(e).join(',')}`;
    const kinds = optionKinds(e).join(',');
    if (has(e, 'SYN')) {
      const mine = offered(b, e.who);
      const answered = handshakes.peer[e.who];
      const want = has(e, 'ACK') ? mine.filter((k) => k === 'mss' || carries(answered, k)) : mine;
      if (kinds !== want.join(','))
        problems.push(
          `${at}: a ${has(e, 'ACK') ? 'SYN+ACK' : 'SYN'} with [${kinds}], not [${want.join(',')}]`,
        );
      return;
    }
    const ts = carries(e, 'timestamps');
    const agreed = handshakes.agreed(e.who, 'timestamps');
    if (ts && !agreed)
      problems.push(`${at}: timestamps on a connection that did not agree on them`);
    if (!ts && agreed && !has(e, 'RST'))
      problems.push(`${at}: no timestamps although both SYNs carried them`);
    const most = handshakes.sendMss(e.who) - (ts ? TIMESTAMPS_BYTES : 0);
    if (e.len > most)
      problems.push(`${at}: ${e.len} bytes, more than the ${most} a segment may carry`);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Timers
// ---------------------------------------------------------------------------------------------

/**
 * Every timer fires exactly when due (never when cancelled or re-armed), is set only when not
 * pending, and lasts what the profile says: the retransmission timer between the RTO floor (or the
 * initial RTO) and its ceiling, TIME_WAIT exactly 2·MSL, FIN_WAIT_2 exactly its timeout, a delayed
 * ACK more than 0 and at most the profile's delay. Linux's loss probe runs only on a connection
 * that agreed on SACK, never together with the retransmission timer (one timer in the kernel,
 * icsk_pending), and lasts no longer than the longest RTO.
 */
function checkTimers(s: Scenario, events: TraceEvent[]): string[] {
  const b = resolveBehaviour(s);
  const problems: string[] = [];
  const due = new Map<string, number>();
  const handshakes = new Handshakes();
  const lo = Math.min(b.rtoMinMs, b.rtoInitialMs);
  const probedAt: Record<Side, number | null> = { client: null, server: null };
  events.forEach((e, i) => {
    handshakes.see(e);
    if (e.type !== 'timer') return;
    if (e.timer === 'loss-probe' && e.action === 'fire') probedAt[e.who] = e.t;
    const key = `${e.who}/${e.timer}`;
    const at = `t=${e.t} #${i} ${e.who} ${e.timer} ${e.action}${e.due === undefined ? '' : ` due ${e.due}`}`;
    if (e.action === 'set') {
      const d = (e.due ?? NaN) - e.t;
      if (due.has(key)) problems.push(`${at}: set while already pending`);
      due.set(key, e.due ?? NaN);
      // After a probe the RTO counts from the oldest segment in flight, sent earlier
      // (tcp_rearm_rto()), so it may have less than the floor left.
      const afterProbe = probedAt[e.who] === e.t;
      const ok =
        e.timer === 'retransmit'
          ? (afterProbe ? d > 0 : d >= lo) && d <= rtoCap(b)
          : e.timer === 'loss-probe'
            ? d > 0 && d <= rtoCap(b)
            : e.timer === 'time-wait'
              ? same(d, 2 * b.mslMs)
              : e.timer === 'fin-wait-2'
                ? same(d, b.finWait2Ms)
                : d > 0 && d <= b.delayedAckMs; // at most the profile's delay (Linux: less before data)
      if (!ok)
        problems.push(
          `${at}: duration ${d} outside the profile's (rto ${lo}..${rtoCap(b)}, 2MSL ${2 * b.mslMs}, fw2 ${b.finWait2Ms}, dack ${b.delayedAckMs})`,
        );
      const other = e.timer === 'loss-probe' ? 'retransmit' : 'loss-probe';
      if ((e.timer === 'retransmit' || e.timer === 'loss-probe') && due.has(`${e.who}/${other}`))
        problems.push(`${at}: set while the ${other} timer is pending`);
      if (e.timer === 'loss-probe' && !(b.lossProbe && handshakes.agreed(e.who, 'sackPermitted')))
        problems.push(`${at}: a loss probe without Linux's SACK-negotiated connection`);
      return;
    }
    if (!due.has(key)) problems.push(`${at}: ${e.action} of a timer that is not pending`);
    if (e.action === 'fire' && due.get(key) !== e.t)
      problems.push(`${at}: fired at ${e.t}, due ${due.get(key)}`);
    due.delete(key);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// (d) Liveness
// ---------------------------------------------------------------------------------------------

/**
 * A settled run (the agenda ran dry) must leave each side in a state that waits for nothing:
 * CLOSED (the listener: CLOSED or LISTEN), or a connection nobody asked to close (ESTABLISHED, or CLOSE_WAIT whose app has
 * not closed and does not close on EOF), or FIN_WAIT_2 where the RFC lets it wait forever (no
 * FIN_WAIT_2 timer, or the app only shut down its sending side). Every other state holds a timer.
 */
function checkSettled(s: Scenario, events: TraceEvent[], final: FinalStates): string[] {
  const b = resolveBehaviour(s);
  const problems: string[] = [];
  if (final.listener !== 'CLOSED' && final.listener !== 'LISTEN')
    problems.push(`the listener ends in ${final.listener}`);
  for (const side of SIDES) {
    let start = -1;
    events.forEach((e, i) => {
      if (
        e.type === 'state' &&
        e.who === side &&
        (e.to === 'SYN_SENT' || (e.to === 'SYN_RCVD' && e.from !== 'SYN_SENT'))
      )
        start = i;
    });
    const calls = events
      .slice(start + 1)
      .filter((e) => e.type === 'app' && e.who === side && e.result === 'ok')
      .map((e) => (e.type === 'app' ? e.call : ''));
    const closed = calls.includes('close');
    const shut = calls.includes('shutdown');
    const state = final[side];
    const closeOnEof = s[side]?.closeOnEof === true;
    const at = `${side} ends in ${state}`;
    switch (state) {
      case 'CLOSED':
        break;
      case 'ESTABLISHED':
        if (closed || shut)
          problems.push(`${at} although its app called ${closed ? 'close' : 'shutdown'}`);
        break;
      case 'CLOSE_WAIT':
        if (closed || shut || closeOnEof)
          problems.push(`${at} although its app closed (or closes on EOF)`);
        break;
      case 'FIN_WAIT_2':
        if (b.finWait2Ms > 0 && closed)
          problems.push(`${at} although orphaned with a FIN_WAIT_2 timer`);
        break;
      default:
        problems.push(`${at}: a state that waits for a timer, yet nothing is left to run`);
    }
  }
  return problems;
}

/**
 * RFC 9293 3.8.3 R2: without progress a segment is retransmitted at most the profile's retry limit
 * times, and the next timeout gives up. A run of timer-driven retransmissions of the same sequence
 * number (no new ACK in between: the next one would start higher) is at most that long. The limit
 * is the state's at the time (the engine's rule): synRetries in SYN_SENT (on Linux plus the
 * tcp_syn_linear_timeouts, which count among them: tcp_write_timeout()) and in a SYN_RCVD reached
 * from it, synAckRetries in a passive SYN_RCVD, dataRetries from ESTABLISHED on (a close() in
 * SYN_RCVD goes on resending the SYN+ACK from FIN_WAIT_1 under the data limit).
 */
function checkRetries(s: Scenario, events: TraceEvent[]): string[] {
  const b = resolveBehaviour(s);
  const problems: string[] = [];
  const runs: Record<Side, { seq: number; n: number } | null> = { client: null, server: null };
  const state: Record<Side, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
  const passive: Record<Side, boolean> = { client: false, server: false };
  events.forEach((e, i) => {
    if (e.type === 'state') {
      if (e.who === 'listener') return;
      state[e.who] = e.to;
      if (e.to === 'SYN_SENT') passive[e.who] = false;
      else if (e.to === 'SYN_RCVD' && e.from !== 'SYN_SENT') passive[e.who] = true;
      if (e.to === 'SYN_SENT' || e.to === 'SYN_RCVD' || e.to === 'CLOSED') runs[e.who] = null;
    }
    if (e.type !== 'send' || e.injected) return;
    // Timer-driven: the send right after the retransmission timer fired (not a SYN+ACK resent
    // because the peer's SYN came again, nor go-back-N after a partial ACK).
    const before = events[i - 1];
    const fired =
      before?.type === 'timer' &&
      before.action === 'fire' &&
      before.timer === 'retransmit' &&
      before.who === e.who;
    if (!e.retransmission || !fired) return;
    const r = runs[e.who];
    const n = r !== null && r.seq === e.seq ? r.n + 1 : 1;
    runs[e.who] = { seq: e.seq, n };
    const st = state[e.who];
    const limit =
      st === 'SYN_SENT'
        ? b.synRetries + b.synLinearTimeouts
        : st === 'SYN_RCVD' && !passive[e.who]
          ? b.synRetries
          : st === 'SYN_RCVD'
            ? b.synAckRetries
            : b.dataRetries;
    if (n > limit)
      problems.push(
        `t=${e.t} #${i} ${e.who}: retransmission ${n} of seq ${e.seq} beyond the limit ${limit}`,
      );
  });
  return problems;
}

/**
 * The bound for "loss stops". Random loss never stops inside a scenario (the loss rate holds to
 * the end), so the bounded-time property uses scenarios whose only losses are their faults: each
 * fault hits one segment, so loss stops after at most F of them. After the last input at T_in:
 * - each fault (drop, duplicate that eats a rate-limited ACK, delay that desynchronizes an
 *   incarnation) can stall progress for at most one whole retry chain: R+1 timeouts of at most
 *   rtoCap each (R = the largest retry limit), plus the fault's delay and a round trip;
 * - two more chains: one already under way at T_in (a backed-off timer), and one stall that needs
 *   no fault (an old incarnation cleared by challenge ACK and RST, then the SYN's next try);
 * - then TIME_WAIT (2·MSL, restarted only by a retransmitted FIN, which the chains cover) or the
 *   orphaned FIN_WAIT_2 timer, and a last delayed ACK.
 * settle = (F + 2) · ((R + 1) · rtoCap + Dmax + 2·delay + delayedAck) + 2·MSL + finWait2 + delayedAck
 * An action that waits for an event (`after`) is an input at an unknown time: its event happens
 * while the inputs before it are still settling, so at most one `settle` after them, and it then
 * runs `delayMs` later. With A such actions:
 * bound = T_in + Σ delayMs + (A + 1) · settle
 */
function settleBound(s: Scenario): number {
  const b = resolveBehaviour(s);
  const timed = s.actions.flatMap((a) => (a.at === undefined ? [] : [a.at]));
  const waiting = s.actions.filter((a) => a.at === undefined);
  const tIn = Math.max(0, ...timed, ...(s.inject ?? []).map((x) => x.at));
  const faults = s.faults ?? [];
  const dMax = Math.max(0, ...faults.map((f) => (typeof f.fate === 'object' ? f.fate.delayMs : 0)));
  const delay = s.network?.delayMs ?? 1;
  // Linux's linear SYN timeouts count among the SYN's retries.
  const retries = Math.max(b.synRetries + b.synLinearTimeouts, b.synAckRetries, b.dataRetries);
  const chain = (retries + 1) * rtoCap(b) + dMax + 2 * delay + b.delayedAckMs;
  const settle = (faults.length + 2) * chain + 2 * b.mslMs + b.finWait2Ms + b.delayedAckMs;
  const delays = waiting.reduce((sum, a) => sum + (a.delayMs ?? 0), 0);
  return tIn + delays + (waiting.length + 1) * settle;
}

function lastStateChange(events: TraceEvent[]): number {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type === 'state') return e.t;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

/** What a property found wrong with one run: each problem a line. */
type Check = (s: Scenario, ran: ReturnType<typeof run>) => string[];

/** A safety property: no run of a scenario from SAFETY (cut at SAFETY_MAX_EVENTS) has a problem. */
function safetyProperty(name: string, problems: Check): void {
  it(
    name,
    () => {
      assertProperty(scenarioArb(SAFETY), (s) => {
        report(s, problems(s, run(s, SAFETY_MAX_EVENTS)));
      });
    },
    TIMEOUT_MS,
  );
}

/**
 * A liveness property: every run of a scenario from `options` settles within
 * LIVENESS_MAX_EVENTS, in a state that waits for nothing, having retried as R2 says; and has none
 * of the `more` problems.
 */
function livenessProperty(name: string, options: GenOptions, more: Check = () => []): void {
  it(
    name,
    () => {
      assertProperty(scenarioArb(options), (s) => {
        const ran = run(s, LIVENESS_MAX_EVENTS);
        const { events, summary } = ran;
        const problems = summary.truncated
          ? [`did not settle within ${LIVENESS_MAX_EVENTS} events`]
          : [];
        problems.push(...checkSettled(s, events, summary.final), ...checkRetries(s, events));
        problems.push(...more(s, ran));
        report(s, problems);
      });
    },
    TIMEOUT_MS,
  );
}

describe('engine properties (random scenarios)', () => {
  it("holds the engine's transition table to RFC 9293's", () => {
    // Every state change the RFC's table makes is in the engine's, and nothing else is.
    const rfcChanges = [...RFC_TRANSITIONS].filter((pair) => {
      const [from, to] = pair.split('>');
      return from !== to;
    });
    expect([...TRANSITIONS].sort()).toEqual(rfcChanges.sort());
    expect(isTransition('SYN_SENT', 'ESTABLISHED')).toBe(true);
    expect(isTransition('TIME_WAIT', 'SYN_RCVD')).toBe(true);
    expect(isTransition('ESTABLISHED', 'LISTEN')).toBe(false);
    expect(isTransition('CLOSED', 'ESTABLISHED')).toBe(false);
  });

  it('regression (found by b): data held beyond a FIN is dropped, not acknowledged', () => {
    // The client holds a byte at ISS+2 (a gap at ISS+1); then a FIN fills the gap, the FIN itself
    // at ISS+2. RCV.NXT must end just past the FIN (ISS+3), not past the held byte and the FIN.
    const trace = runScenario({
      seed: 1,
      server: { isn: 5000 },
      network: { delayMs: 0 },
      actions: [
        { at: 0, who: 'server', do: 'listen' },
        { at: 0, who: 'client', do: 'connect' },
      ],
      inject: [
        { at: 1, to: 'client', flags: 'ACK', seq: 2, ack: 1, len: 1 },
        { at: 2, to: 'client', flags: 'FIN,ACK', seq: 0, ack: 1, len: 2 },
      ],
    });
    const acks = trace.events.filter(
      (e): e is SendEvent => e.type === 'send' && e.who === 'client' && e.reason === 'ack',
    );
    expect(acks.map((e) => e.ack - 5000)).toEqual([3]);
    expect(trace.final.client).toBe('CLOSE_WAIT');
  });

  it(
    'generates scenarios the validator accepts unchanged',
    () => {
      fc.assert(
        fc.property(scenarioArb(SAFETY), (s) => {
          expect(parseScenario(s)).toEqual({ ok: true, scenario: s });
        }),
        { numRuns: 1_000, verbose: 1 },
      );
    },
    TIMEOUT_MS,
  );

  safetyProperty(
    '(a) every state change is an allowed transition from the previous state, with a cause',
    (s, { events, summary }) => checkTransitions(s, events, summary.final),
  );

  safetyProperty('(a′) timers fire when due and last as long as the profile says', (s, ran) =>
    checkTimers(s, ran.events),
  );

  safetyProperty(
    '(b) sequence and acknowledgement numbers never go backwards within an incarnation',
    (_s, ran) => checkSequenceNumbers(ran.events),
  );

  safetyProperty(
    '(c) nothing is delivered that was not sent, and nothing twice unless duplicated',
    (s, { events, summary }) => checkNetwork(s, events, !summary.truncated),
  );

  safetyProperty(
    '(f) every decision says why, and segments carry the options their handshake agreed',
    (s, { events }) => [...checkWhy(events), ...checkOptions(s, events)],
  );

  // Liveness: injections only with round trips under 500 ms (see injectionsBelowDelayMs: with
  // longer ones, the ACK storm between ends an injection put out of step never settles).
  const LOSSY: GenOptions = {
    loss: true,
    injections: true,
    injectionsBelowDelayMs: 250,
    whatIf: true,
    maxDelayMs: 1000,
    maxFaults: 4,
  };
  // Loss that stops: up to 10 faults (drops, duplicates, delays) and no random loss.
  const LOSS_STOPS: GenOptions = {
    loss: false,
    injections: false,
    whatIf: true,
    maxDelayMs: 1000,
    maxFaults: 10,
  };

  livenessProperty(
    '(d) with random loss up to 50%: every run settles, in a state that waits for nothing, giving up per R2',
    LOSSY,
  );

  livenessProperty(
    '(d′) once loss stops (faults only): every run settles within the stated bound',
    LOSS_STOPS,
    (s, { events, summary }) => {
      const problems: string[] = [];
      const bound = settleBound(s);
      const last = lastStateChange(events);
      if (last > bound)
        problems.push(`last state change at ${last} ms, after the bound ${bound} ms`);
      if (summary.endTime > bound)
        problems.push(`run ended at ${summary.endTime} ms, after the bound ${bound} ms`);
      return problems;
    },
  );

  it(
    '(e) the same scenario and seed give the same trace, byte for byte, however actions are fed',
    () => {
      assertProperty(scenarioArb(SAFETY), (s) => {
        const options = { maxEvents: SAFETY_MAX_EVENTS };
        const input = structuredClone(s);
        const first = JSON.stringify(runScenario(s, options));
        expect(s).toEqual(input); // the run leaves its scenario as it was
        const second = JSON.stringify(runScenario(structuredClone(s), options));
        expect(second).toBe(first);
        // The lazy action feed (benchmarks, long lessons) gives the same trace as the list. It
        // takes timed actions only: a scenario with `after` actions has nothing to compare.
        const timed: { at: number; a: Action; i: number }[] = [];
        s.actions.forEach((a, i) => {
          if (a.at !== undefined) timed.push({ at: a.at, a, i });
        });
        if (timed.length < s.actions.length) return;
        timed.sort((x, y) => x.at - y.at || x.i - y.i);
        function* lazy(): Generator<Action> {
          for (const { a } of timed) yield a;
        }
        const streamed = runScenario(s, { ...options, actions: lazy() });
        expect(JSON.stringify(streamed)).toBe(first);
      });
    },
    TIMEOUT_MS,
  );
});
