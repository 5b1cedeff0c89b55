// The lab's starting options for a lesson, and the fault that drops a segment the student clicked:
// what the page itself needs (the scenarios built from them are variants.ts's, in the worker).
import { DEFAULT_SEED } from '../../core/defaults';
import type { Fault, Scenario, SendEvent } from '../../core/types';
import type { LabOptions, Run } from './types';

/** Flags as a fault matches them: PSH ignored, in the engine's order (any order would do). */
export function faultFlagsOf(event: SendEvent): string {
  return event.flags.filter((f) => f !== 'PSH').join(',');
}

/** The options that leave a lesson as written (the page's starting point). */
export function defaultLabOptions(lesson: Scenario): LabOptions {
  return {
    profile: lesson.profile ?? 'rfc9293',
    ...(lesson.timers?.mslMs !== undefined ? { mslMs: lesson.timers.mslMs } : {}),
    lossPercent: percentOf(lesson.network?.lossRate ?? 0),
    seed: lesson.seed ?? DEFAULT_SEED,
    dropFinalAck: false,
    // The checkbox shows what the lesson does: on when its reconnect already asks for the port.
    reusePort: lesson.actions.some(
      (a) => a.who === 'client' && a.do === 'connect' && a.reuse === true,
    ),
    extraFaults: [],
  };
}

/**
 * A loss rate as the percent the knob shows: 0.07 reads 7, not 7.000000000000001 (a share link
 * carries the rate; reopened, the knob must show what was typed). Rounded only when the rate the
 * lab runs with stays exactly the same, so no run changes.
 */
function percentOf(rate: number): number {
  const exact = rate * 100;
  const rounded = Number(exact.toPrecision(12));
  return clamp01(rounded / 100) === clamp01(rate) ? rounded : exact;
}

/** A rate kept within 0…1 (anything not a number is 0). */
export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
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
