// The scenario the lab actually runs: a lesson with the student's knobs applied. Faults are found
// from an earlier run of the same scenario, so every builder here is pure and the caller (the
// worker) runs the engine.
import {
  peerOf,
  type Action,
  type Fault,
  type Scenario,
  type SendEvent,
  type Side,
} from '../engine/types';
import { asksToReusePort, clamp01, clientTimeline } from './labOptions';
import type { LabOptions, Run } from './types';
import { freshScenario } from './predict/fresh';

/** How long after the peer's FIN ends the client's close the reuse-port option reconnects. */
export const REUSE_DELAY_MS = 100;

export function applyOptions(lesson: Scenario, options: LabOptions): Scenario {
  const out: Scenario = {
    ...lesson,
    seed: options.seed,
    network: { ...lesson.network, lossRate: clamp01(options.lossPercent / 100) },
    actions: withReuse(lesson.actions, options.reusePort),
  };
  if (options.profile !== undefined) out.profile = options.profile;
  if (options.mslMs !== undefined) out.timers = { ...lesson.timers, mslMs: options.mslMs };
  // The student's drops go first: the engine gives a segment the fate of the first fault that
  // claims it, and a click must win over a lesson's duplicate or delay of the same segment.
  // Counting is per fault, so the order changes no fault's `nth`.
  const faults = [...options.extraFaults, ...(lesson.faults ?? [])];
  if (faults.length > 0) out.faults = faults;
  return options.numbersSeed === undefined ? out : freshScenario(out, options.numbersSeed);
}

/**
 * The reuse-port knob: SO_REUSEADDR on the client's connects after its first. Left where the
 * lesson puts it (`asksToReusePort`), the actions stay exactly as written, whatever mix of flags
 * they carry. Switched on, every later connect asks for the port, and a lesson with a single
 * connect and a client close after it gets a reconnect once the peer's FIN has arrived, which is
 * when the client's TIME_WAIT begins if it closed first. Switched off, no later connect asks for
 * it (bind() then fails with EADDRINUSE while TIME_WAIT holds the port).
 */
function withReuse(actions: readonly Action[], reuse: boolean): Action[] {
  if (reuse === asksToReusePort(actions)) return [...actions];
  const timeline = clientTimeline(actions);
  const connects = timeline.filter((step) => step.action.do === 'connect');
  const later = new Set(connects.slice(1).map((step) => step.index));
  if (!reuse) return withoutReuse(actions, later);
  if (later.size > 0) {
    return actions.map((action, index) => (later.has(index) ? { ...action, reuse: true } : action));
  }
  const first = connects[0];
  const closes =
    first !== undefined &&
    timeline.slice(timeline.indexOf(first) + 1).some((step) => step.action.do === 'close');
  if (!closes) return [...actions];
  // Last in the list, so every action of the lesson keeps the one it waits after; `eof` waits for
  // the peer's FIN on the closed connection (an abort leaves none to wait on, and no TIME_WAIT).
  const reconnect: Action = {
    after: 'eof',
    delayMs: REUSE_DELAY_MS,
    who: 'client',
    do: 'connect',
    reuse: true,
  };
  return [...actions, reconnect];
}

function withoutReuse(actions: readonly Action[], later: ReadonlySet<number>): Action[] {
  return actions.map((action, index) => {
    if (!later.has(index) || action.reuse !== true) return action;
    const { reuse: _dropped, ...rest } = action;
    return rest;
  });
}

/** Flags as a fault matches them: PSH ignored, in the engine's order (any order would do). */
export function faultFlagsOf(event: SendEvent): string {
  return event.flags.filter((f) => f !== 'PSH').join(',');
}

/**
 * A fault that drops exactly segment `id` when added to the scenario of `run`: it counts the
 * sender's segments with the same flags sent from that segment's time on, so nothing sent earlier
 * can match it and every event before the segment is sent stays the same. Throws for an id the
 * run did not send, and for an injected segment (injections bypass the network, faults too).
 */
export function faultForSegment(run: Run, id: number): Fault {
  let target: SendEvent | undefined;
  let index = -1;
  run.events.forEach((event, i) => {
    if (target === undefined && event.type === 'send' && event.id === id) {
      target = event;
      index = i;
    }
  });
  if (target === undefined) throw new Error(`segment ${id} was not sent in this run`);
  if (target.injected === true) throw new Error(`segment ${id} is injected: faults cannot drop it`);
  const { who, t } = target;
  const flags = faultFlagsOf(target);
  let nth = 1;
  // Same-time events sit together, so scan back from the segment while the time is the same.
  for (let i = index - 1; i >= 0; i--) {
    const event = run.events[i];
    if (event === undefined || event.t !== t) break;
    if (event.type === 'send' && event.who === who && event.injected !== true) {
      if (faultFlagsOf(event) === flags) nth++;
    }
  }
  return { who, flags, nth, after: t, fate: 'drop' };
}

/**
 * The fault that loses the ACK answering the passive closer's FIN. The passive closer is the first
 * side to send a FIN after receiving one in its current connection; the answer is the active
 * closer's first bare ACK after that FIN (or a retransmission of it) is first delivered. Null when
 * the run has no passive close (a simultaneous close, an abort, no close at all).
 */
export function finalAckFault(run: Run): Fault | null {
  const sends = new Map<number, SendEvent>();
  const finReceived: Record<Side, boolean> = { client: false, server: false };
  let passive: Side | null = null;
  let finSentAt = 0;
  let delivered = -1;
  run.events.forEach((event, i) => {
    if (delivered >= 0) return;
    if (event.type === 'send') {
      sends.set(event.id, event);
      const { who } = event;
      if (event.flags.includes('SYN')) finReceived[who] = false; // a new connection
      if (passive === null && finReceived[who] && event.flags.includes('FIN')) {
        passive = who;
        finSentAt = event.t;
      }
      return;
    }
    if (event.type !== 'deliver') return;
    const seg = sends.get(event.id);
    if (!seg || !seg.flags.includes('FIN')) return;
    if (passive === null) finReceived[peerOf(seg.who)] = true;
    else if (seg.who === passive && seg.t >= finSentAt) delivered = i;
  });
  if (passive === null || delivered < 0) return null;
  const active = peerOf(passive);
  for (let i = delivered + 1; i < run.events.length; i++) {
    const event = run.events[i];
    if (event?.type !== 'send' || event.who !== active || event.injected === true) continue;
    if (faultFlagsOf(event) === 'ACK') return faultForSegment(run, event.id);
  }
  return null;
}

/**
 * The scenario to run for a lesson and the lab's options. Dropping the final ACK needs to know when
 * that ACK is sent, so it takes a probe run of the scenario without it (`run` runs the engine).
 */
export function scenarioForLab(
  lesson: Scenario,
  options: LabOptions,
  run: (scenario: Scenario) => Run,
): Scenario {
  const base = applyOptions(lesson, options);
  if (!options.dropFinalAck) return base;
  const fault = finalAckFault(run(base));
  if (fault === null) return base;
  return { ...base, faults: [fault, ...(base.faults ?? [])] };
}
