// The lab's starting options for a lesson: what the page needs to open one (the scenarios built
// from them are variants.ts's, in the worker, and so is a clicked segment's fault).
import { DEFAULT_SEED } from '../engine/defaults';
import type { Scenario } from '../engine/types';
import type { LabOptions } from './types';

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
