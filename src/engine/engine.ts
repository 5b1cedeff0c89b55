// The engine's public face: run a (validated) scenario on a simulated clock and stream its trace.
// No timers, no DOM, no Math.random: everything comes from the scenario and its seed.
import { runAction } from './app';
import { DEFAULT_DELAY_MS, DEFAULT_PORTS, DEFAULT_SEED } from './defaults';
import { Agenda } from './heap';
import { MAX_CAUSES_PER_INSTANT, MIN_DURATION_MS } from './limits';
import { finAcked, onDelayedAckTimer, onLossProbeTimer, onRetransmitTimer } from './output';
import { resolveBehaviour } from './profile';
import { receive } from './receive';
import { createRng } from './rng';
import { type RuleId, why } from './rules';
import {
  deleteTcb,
  type Endpoint,
  type FaultCounter,
  isProgress,
  type Item,
  ItemKind,
  type Segment,
  type Sim,
  WINDOW,
} from './sim';
import { seqAdd } from './seq';
import { ACK, faultFlagByte, flagListByte, flagsOf } from './wire/flags';
import {
  peerOf,
  type Action,
  type AfterEvent,
  type FinalStates,
  type Injection,
  type Scenario,
  type Side,
  type TimerName,
  type TraceEvent,
  type Trace,
} from './types';

export interface RunOptions {
  /**
   * Actions to run instead of `scenario.actions`, pulled lazily; they must come in time order and
   * all have `at`. Lets a benchmark or a long lesson run without holding every action in memory.
   */
  actions?: Iterable<Action>;
  /** Stop after this many events (a guard for callers that cannot afford an unbounded run). */
  maxEvents?: number;
  /**
   * Called before the engine handles each thing that happens (an action, an arrival, a timer...).
   * The events emitted between two calls share one cause: the page steps through them together.
   */
  onCause?: () => void;
}

/**
 * How a run ended: nothing was left to happen (`done`), the next thing was past `until`, or a guard
 * stopped it: `maxEvents` reached, or the clock stalled (MAX_CAUSES_PER_INSTANT causes within
 * MIN_DURATION_MS of each other), a run that would otherwise go on without time passing.
 */
export type RunEnd = 'done' | 'until' | 'max-events' | 'stalled';

export interface RunSummary {
  final: FinalStates;
  events: number;
  end: RunEnd;
  /** A guard stopped the run (`end` is `max-events` or `stalled`): the trace is cut short. */
  truncated: boolean;
  /** The time of the last thing handled: at most `until`. */
  endTime: number;
}

/** Why a run that stalled was stopped, in one line (the page and the headless runner say it). */
export function stalledReason(endTime: number): string {
  const many = MAX_CAUSES_PER_INSTANT.toLocaleString('en');
  return `the simulated clock stopped advancing at ${endTime} ms: ${many} things happened within ${MIN_DURATION_MS} ms of each other, so the run was stopped there`;
}

function makeEndpoint(side: Side, scenario: Scenario, isn: number): Endpoint {
  const config = scenario[side] ?? {};
  return {
    side,
    peer: peerOf(side),
    port: config.port ?? DEFAULT_PORTS[side],
    scripted: config.scripted ?? false,
    closeOnEof: config.closeOnEof ?? false,
    listening: false,
    conn: null,
    shown: 'CLOSED',
    connectCalls: 0,
    firstIsn: isn >>> 0,
    firstIsnAt: null,
    pendingError: null,
    lastIsn: isn >>> 0,
  };
}

interface Indexed {
  action: Action;
  index: number;
}

/** The actions with a time, in time order (a stable sort keeps same-time ones as listed). */
function timedActions(actions: readonly Action[]): Indexed[] {
  return actions
    .map((action, index) => ({ action, index }))
    .filter(({ action }) => action.at !== undefined)
    .sort((a, b) => (a.action.at ?? 0) - (b.action.at ?? 0) || a.index - b.index);
}

/**
 * Actions that wait for an event of their side (CONTRACT.md section 0.4). Each is armed once the
 * action before it on the same side has run, and fires the first time afterwards that its event
 * holds for that side's current connection.
 */
class Waiting {
  private readonly armed: Indexed[] = [];
  /** For each action, the next action of the same side, by index (-1: none). */
  private readonly nextOfSide: number[];

  constructor(private readonly actions: readonly Action[]) {
    this.nextOfSide = actions.map(() => -1);
    const last: Partial<Record<Side, number>> = {};
    actions.forEach((action, index) => {
      const before = last[action.who];
      if (before === undefined) this.armIfWaiting(index);
      else this.nextOfSide[before] = index;
      last[action.who] = index;
    });
  }

  get empty(): boolean {
    return this.armed.length === 0;
  }

  /** The action `index` ran: the next one of its side starts waiting, if it waits. */
  ran(index: number): void {
    if (index >= 0) this.armIfWaiting(this.nextOfSide[index] ?? -1);
  }

  private armIfWaiting(index: number): void {
    const action = this.actions[index];
    if (action?.after !== undefined) this.armed.push({ action, index });
  }

  /** Removes and returns the armed actions whose event now holds. */
  due(sim: Sim): Indexed[] {
    const ready: Indexed[] = [];
    for (let i = 0; i < this.armed.length;) {
      const entry = this.armed[i]!; // i < length
      const { who, after } = entry.action;
      if (after !== undefined && eventHolds(sim.endpoints[who], after)) {
        ready.push(entry);
        this.armed.splice(i, 1);
      } else {
        i++;
      }
    }
    return ready;
  }
}

/** Whether `after` holds for the side's current connection. */
function eventHolds(ep: Endpoint, after: AfterEvent): boolean {
  const tcb = ep.conn;
  if (tcb === null) return false;
  switch (after) {
    case 'connected':
      return tcb.connected && tcb.connectCall === ep.connectCalls;
    case 'accepted':
      return tcb.accepted;
    case 'acked':
      return (
        tcb.state !== 'SYN_SENT' &&
        tcb.state !== 'SYN_RCVD' &&
        tcb.inFlight.length === 0 &&
        tcb.unsent === 0 &&
        (!tcb.finQueued || finAcked(tcb))
      );
    case 'eof':
      return tcb.finReceived;
  }
}

/** Runs the scenario, calling `onEvent` for every trace event as it happens. */
export function streamScenario(
  scenario: Scenario,
  onEvent: (event: TraceEvent) => void,
  options: RunOptions = {},
): RunSummary {
  const rng = createRng(scenario.seed ?? DEFAULT_SEED);
  // ISNs are drawn first so that loss decisions never shift them.
  const clientIsn = scenario.client?.isn ?? rng.nextUint32();
  const serverIsn = scenario.server?.isn ?? rng.nextUint32();
  let count = 0;
  const faults: FaultCounter[] = (scenario.faults ?? []).map((fault) => ({
    fault,
    flags: faultFlagByte(fault.flags),
    seen: 0,
  }));
  const out = (event: TraceEvent): void => {
    count++;
    if (isProgress(event)) sim.lastProgressAt = event.t;
    onEvent(event);
  };
  const sim: Sim = {
    now: 0,
    order: 0,
    nextId: 1,
    behaviour: resolveBehaviour(scenario),
    delayMs: scenario.network?.delayMs ?? DEFAULT_DELAY_MS,
    lossRate: scenario.network?.lossRate ?? 0,
    rng,
    agenda: new Agenda<Item>(),
    endpoints: {
      client: makeEndpoint('client', scenario, clientIsn),
      server: makeEndpoint('server', scenario, serverIsn),
    },
    faults,
    // An arrival not yet reported goes out, as taken, before anything its handling emits.
    emit: (event) => {
      const pending = sim.pendingDeliver;
      if (pending !== null && pending !== event) {
        sim.pendingDeliver = null;
        out(pending);
      }
      out(event);
    },
    lastProgressAt: 0,
    pendingDeliver: null,
  };

  const timed: Iterator<Indexed> =
    options.actions === undefined
      ? timedActions(scenario.actions)[Symbol.iterator]()
      : lazyTimed(options.actions);
  const waiting = new Waiting(options.actions === undefined ? scenario.actions : []);
  let actionOrder = 0;
  const scheduleNextAction = (): void => {
    const next = timed.next();
    if (next.done === true) return;
    const { action, index } = next.value;
    sim.agenda.push({
      t: action.at ?? 0,
      rank: 0,
      order: actionOrder++,
      kind: ItemKind.Action,
      action,
      index,
    });
  };
  const scheduleDue = (): void => {
    for (const { action, index } of waiting.due(sim)) {
      sim.agenda.push({
        t: sim.now + (action.delayMs ?? 0),
        rank: 0,
        order: actionOrder++,
        kind: ItemKind.Action,
        action,
        index,
      });
    }
  };
  scheduleNextAction();
  (scenario.inject ?? []).forEach((injection, order) =>
    sim.agenda.push({ t: injection.at, rank: 1, order, kind: ItemKind.Inject, injection }),
  );

  const until = scenario.until ?? Infinity;
  const maxEvents = options.maxEvents ?? Infinity;
  let end: RunEnd = 'done';
  // The guard against a clock that stops: causes since it last moved on by MIN_DURATION_MS.
  let instant = -Infinity;
  let causesAtInstant = 0;
  for (;;) {
    const item = sim.agenda.pop();
    if (item === undefined) break;
    // Written so that a time that is not a number (a caller that skipped the validator) ends it.
    if (!(item.t <= until)) {
      end = 'until';
      break;
    }
    if (count >= maxEvents) {
      end = 'max-events';
      break;
    }
    if (item.t - instant < MIN_DURATION_MS) {
      if (++causesAtInstant > MAX_CAUSES_PER_INSTANT) {
        end = 'stalled';
        break;
      }
    } else {
      instant = item.t;
      causesAtInstant = 1;
    }
    sim.now = item.t;
    options.onCause?.();
    handle(sim, item);
    if (item.kind === ItemKind.Action) {
      if (item.action.at !== undefined) scheduleNextAction();
      waiting.ran(item.index);
    }
    if (!waiting.empty) scheduleDue();
  }
  return {
    final: {
      client: sim.endpoints.client.shown,
      server: sim.endpoints.server.shown,
      listener: sim.endpoints.server.listening ? 'LISTEN' : 'CLOSED',
    },
    events: count,
    end,
    truncated: end === 'max-events' || end === 'stalled',
    endTime: sim.now,
  };
}

function handle(sim: Sim, item: Item): void {
  switch (item.kind) {
    case ItemKind.Action:
      runAction(sim, sim.endpoints[item.action.who], item.action);
      return;
    case ItemKind.Inject:
      inject(sim, item.injection);
      return;
    case ItemKind.Arrive: {
      const { seg } = item;
      sim.pendingDeliver = {
        t: sim.now,
        type: 'deliver',
        id: seg.id,
        ...(item.duplicate ? { duplicate: true as const } : {}),
        ...(item.delayedMs > 0 ? { delayedMs: item.delayedMs } : {}),
      };
      receive(sim, sim.endpoints[peerOf(seg.from)], seg);
      flushDeliver(sim);
      return;
    }
    case ItemKind.Drop: {
      const rule = item.reason === 'fault' ? 'fault' : 'random-loss';
      sim.emit({ t: sim.now, type: 'drop', id: item.seg.id, reason: item.reason, why: why(rule) });
      return;
    }
    case ItemKind.Timer:
      onTimer(sim, item);
      return;
  }
}

/** The arrival went through its receiver without being discarded: it was taken. */
function flushDeliver(sim: Sim): void {
  const pending = sim.pendingDeliver;
  if (pending === null) return;
  sim.pendingDeliver = null;
  sim.emit(pending);
}

/** What a timer firing does, by the rule that armed it. */
function firingRule(sim: Sim, timer: TimerName): RuleId {
  switch (timer) {
    case 'retransmit':
      return 'rto-expired';
    case 'loss-probe':
      return 'loss-probe-sent';
    case 'delayed-ack':
      return 'delayed-ack-expired';
    case 'time-wait':
      return 'time-wait-expired';
    case 'fin-wait-2':
      return 'fin-wait-2-timeout';
  }
}

function onTimer(sim: Sim, item: Extract<Item, { kind: typeof ItemKind.Timer }>): void {
  const { tcb, timer } = item;
  if (tcb.timerGen[timer] !== item.gen) return; // cancelled or re-armed since
  const ep = sim.endpoints[item.side];
  tcb.timerDue[timer] = -1;
  const rule = firingRule(sim, timer);
  sim.emit({ t: sim.now, type: 'timer', who: ep.side, timer, action: 'fire', why: why(rule) });
  switch (timer) {
    case 'retransmit':
      onRetransmitTimer(sim, ep, tcb);
      return;
    case 'loss-probe':
      onLossProbeTimer(sim, ep, tcb);
      return;
    case 'delayed-ack':
      onDelayedAckTimer(sim, ep, tcb);
      return;
    case 'time-wait':
    case 'fin-wait-2':
      deleteTcb(sim, ep, tcb, rule);
      return;
  }
}

/** A segment "from the peer" (packetdrill style): numbers are relative to the ISNs in use. */
function inject(sim: Sim, injection: Injection): void {
  const to = sim.endpoints[injection.to];
  const from = sim.endpoints[to.peer];
  const flags = flagListByte(injection.flags);
  const seg: Segment = {
    id: sim.nextId++,
    from: from.side,
    flags,
    seq: seqAdd(from.lastIsn, injection.seq),
    ack: flags & ACK ? seqAdd(to.lastIsn, injection.ack ?? 0) : 0,
    len: injection.len ?? 0,
    window: injection.window ?? WINDOW,
    options: injection.options,
  };
  sim.emit({
    t: sim.now,
    type: 'send',
    id: seg.id,
    who: from.side,
    flags: flagsOf(flags),
    seq: seg.seq,
    ack: seg.ack,
    len: seg.len,
    window: seg.window,
    retransmission: false,
    ...(injection.options === undefined ? {} : { options: injection.options }),
    injected: true,
    reason: 'injected',
    why: why('injected'),
  });
  sim.pendingDeliver = { t: sim.now, type: 'deliver', id: seg.id };
  receive(sim, to, seg);
  flushDeliver(sim);
}

function* lazyTimed(actions: Iterable<Action>): Generator<Indexed> {
  for (const action of actions) {
    if (action.at === undefined) throw new Error('RunOptions.actions must all have "at"');
    yield { action, index: -1 };
  }
}

/** Runs the scenario and keeps the whole trace (for tests, lessons and the page). */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Trace {
  const events: TraceEvent[] = [];
  const { final } = streamScenario(scenario, (event) => events.push(event), options);
  return { events, final };
}
