// The engine's public face: run a (validated) scenario on a simulated clock and stream its trace.
// No timers, no DOM, no Math.random: everything comes from the scenario and its seed.
import { runAction } from './app';
import { DEFAULT_DELAY_MS, DEFAULT_PORTS, DEFAULT_SEED } from './defaults';
import { Agenda } from './heap';
import { onDelayedAckTimer, onRetransmitTimer } from './output';
import { resolveBehaviour } from './profile';
import { receive } from './receive';
import { createRng } from './rng';
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
  type FinalStates,
  type Injection,
  type Scenario,
  type Side,
  type TraceEvent,
  type Trace,
} from './types';

export interface RunOptions {
  /**
   * Actions to run instead of `scenario.actions`, pulled lazily; they must come in time order.
   * Lets a benchmark or a long lesson run without holding every action in memory.
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

export interface RunSummary {
  final: FinalStates;
  events: number;
  /** The run stopped at `maxEvents` before the agenda emptied. */
  truncated: boolean;
  endTime: number;
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
    firstIsn: isn >>> 0,
    firstIsnAt: null,
    pendingError: null,
    lastIsn: isn >>> 0,
  };
}

function sortedActions(actions: readonly Action[]): Action[] {
  // A stable sort keeps same-time actions in the order the scenario lists them.
  return actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => a.action.at - b.action.at || a.index - b.index)
    .map(({ action }) => action);
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
    emit: (event) => {
      count++;
      if (isProgress(event)) sim.lastProgressAt = event.t;
      onEvent(event);
    },
    lastProgressAt: 0,
  };

  const actions = (options.actions ?? sortedActions(scenario.actions))[Symbol.iterator]();
  let actionOrder = 0;
  const scheduleNextAction = (): void => {
    const next = actions.next();
    if (next.done === true) return;
    sim.agenda.push({
      t: next.value.at,
      rank: 0,
      order: actionOrder++,
      kind: ItemKind.Action,
      action: next.value,
    });
  };
  scheduleNextAction();
  (scenario.inject ?? []).forEach((injection, order) =>
    sim.agenda.push({ t: injection.at, rank: 1, order, kind: ItemKind.Inject, injection }),
  );

  const until = scenario.until ?? Infinity;
  const maxEvents = options.maxEvents ?? Infinity;
  let truncated = false;
  for (;;) {
    const item = sim.agenda.pop();
    if (item === undefined || item.t > until) break;
    if (count >= maxEvents) {
      truncated = true;
      break;
    }
    sim.now = item.t;
    options.onCause?.();
    handle(sim, item);
    if (item.kind === ItemKind.Action) scheduleNextAction();
  }
  return {
    final: { client: sim.endpoints.client.shown, server: sim.endpoints.server.shown },
    events: count,
    truncated,
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
      sim.emit({
        t: sim.now,
        type: 'deliver',
        id: seg.id,
        ...(item.duplicate ? { duplicate: true as const } : {}),
        ...(item.delayedMs > 0 ? { delayedMs: item.delayedMs } : {}),
      });
      receive(sim, sim.endpoints[peerOf(seg.from)], seg);
      return;
    }
    case ItemKind.Drop:
      sim.emit({ t: sim.now, type: 'drop', id: item.seg.id, reason: item.reason });
      return;
    case ItemKind.Timer:
      onTimer(sim, item);
      return;
  }
}

function onTimer(sim: Sim, item: Extract<Item, { kind: typeof ItemKind.Timer }>): void {
  const { tcb, timer } = item;
  if (tcb.timerGen[timer] !== item.gen) return; // cancelled or re-armed since
  const ep = sim.endpoints[item.side];
  tcb.timerDue[timer] = -1;
  sim.emit({ t: sim.now, type: 'timer', who: ep.side, timer, action: 'fire' });
  switch (timer) {
    case 'retransmit':
      onRetransmitTimer(sim, ep, tcb);
      return;
    case 'delayed-ack':
      onDelayedAckTimer(sim, ep, tcb);
      return;
    case 'time-wait':
    case 'fin-wait-2':
      deleteTcb(sim, ep, tcb);
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
    injected: true,
    reason: 'injected',
  });
  sim.emit({ t: sim.now, type: 'deliver', id: seg.id });
  receive(sim, to, seg);
}

/** Runs the scenario and keeps the whole trace (for tests, lessons and the page). */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Trace {
  const events: TraceEvent[] = [];
  const { final } = streamScenario(scenario, (event) => events.push(event), options);
  return { events, final };
}
