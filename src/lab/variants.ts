// The scenario the lab actually runs: a lesson with the student's knobs applied. Faults are found
// from an earlier run of the same scenario, so every builder here is pure and the caller (the
// worker) runs the engine.
import { DEFAULT_DELAY_MS } from '../engine/defaults';
import {
  peerOf,
  type Action,
  type Fault,
  type Scenario,
  type SendEvent,
  type Side,
} from '../engine/types';
import { clamp01 } from './labOptions';
import type { LabOptions, Run } from './types';

/** How long after the client's close the reuse-port option reconnects. */
export const REUSE_DELAY_MS = 100;

export function applyOptions(lesson: Scenario, options: LabOptions): Scenario {
  const out: Scenario = {
    ...lesson,
    seed: options.seed,
    network: { ...lesson.network, lossRate: clamp01(options.lossPercent / 100) },
    actions: withReuse(
      lesson.actions,
      options.reusePort,
      lesson.network?.delayMs ?? DEFAULT_DELAY_MS,
    ),
  };
  if (options.profile !== undefined) out.profile = options.profile;
  if (options.mslMs !== undefined) out.timers = { ...lesson.timers, mslMs: options.mslMs };
  // The student's drops go first: the engine gives a segment the fate of the first fault that
  // claims it, and a click must win over a lesson's duplicate or delay of the same segment.
  // Counting is per fault, so the order changes no fault's `nth`.
  const faults = [...options.extraFaults, ...(lesson.faults ?? [])];
  if (faults.length > 0) out.faults = faults;
  return out;
}

/**
 * With `reuse`, every client connect after the first asks for SO_REUSEADDR; a lesson with a single
 * connect gets a second one soon after the client's first close or abort that follows it.
 * Without it, no later connect asks for the port (the engine then refuses it while TIME_WAIT
 * holds), and a lesson with a single connect stays as written.
 */
function withReuse(actions: readonly Action[], reuse: boolean, delayMs: number): Action[] {
  if (!reuse) return withoutReuse(actions);
  const byTime = actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => a.action.at - b.action.at || a.index - b.index);
  const connects = byTime.filter(
    ({ action }) => action.who === 'client' && action.do === 'connect',
  );
  const first = connects[0];
  if (first === undefined) return [...actions];
  if (connects.length > 1) {
    const later = new Set(connects.slice(1).map(({ index }) => index));
    return actions.map((action, index) => (later.has(index) ? { ...action, reuse: true } : action));
  }
  const close = byTime.find(
    ({ action, index }) =>
      action.who === 'client' &&
      (action.do === 'close' || action.do === 'abort') &&
      (action.at > first.action.at || (action.at === first.action.at && index > first.index)),
  );
  if (close === undefined) return [...actions];
  // The reconnect must find the old connection in TIME_WAIT, which starts only once the peer's FIN
  // has arrived: so it comes after the lesson's last call (the peer's close, usually) and two
  // one-way delays (that FIN's flight, with room for a delayed ACK).
  const lastAt = Math.max(...actions.map((a) => a.at));
  const reconnect: Action = {
    at: Math.max(close.action.at, lastAt) + REUSE_DELAY_MS + 2 * delayMs,
    who: 'client',
    do: 'connect',
    reuse: true,
  };
  return [...actions, reconnect];
}

function withoutReuse(actions: readonly Action[]): Action[] {
  const firstConnect = actions.findIndex((a) => a.who === 'client' && a.do === 'connect');
  return actions.map((action, index) => {
    const later = action.who === 'client' && action.do === 'connect' && index !== firstConnect;
    if (!later || action.reuse === undefined) return action;
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
