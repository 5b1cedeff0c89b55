// The lab's starting options for a lesson: what the page needs to open one (the scenarios built
// from them are variants.ts's, in the worker, and so is a clicked segment's fault).
import { DEFAULT_SEED } from '../engine/defaults';
import type { Action, Scenario } from '../engine/types';
import type { LabOptions } from './types';

/**
 * The options that leave a lesson as written (the page's starting point). `lesson` is a built-in
 * lesson or a scenario the validator passed: its fields are read as they are, unchecked (a text
 * for a loss rate would make the settings NaN).
 */
export function defaultLabOptions(lesson: Scenario): LabOptions {
  return {
    profile: lesson.profile ?? 'rfc9293',
    ...(lesson.timers?.mslMs !== undefined ? { mslMs: lesson.timers.mslMs } : {}),
    lossPercent: percentOf(lesson.network?.lossRate ?? 0),
    seed: lesson.seed ?? DEFAULT_SEED,
    dropFinalAck: false,
    reusePort: asksToReusePort(lesson.actions),
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
 * Where the reuse-port knob starts: on when one of the client's connects after its first already
 * asks for SO_REUSEADDR (the first has no earlier connection of its own to take a port from).
 */
export function asksToReusePort(actions: readonly Action[]): boolean {
  return clientTimeline(actions)
    .filter((step) => step.action.do === 'connect')
    .slice(1)
    .some((step) => step.action.reuse === true);
}

export interface TimelineStep {
  action: Action;
  /** Its index in the scenario's list. */
  index: number;
  /** The earliest it can run: its `at`, or the client's action listed before it plus `delayMs`. */
  earliest: number;
}

/**
 * The client's actions in the order they can run, by `earliest`: an `after` action never runs
 * before the client's action listed before it, while an `at` action runs at its time wherever it
 * is listed.
 */
export function clientTimeline(actions: readonly Action[]): TimelineStep[] {
  const steps: TimelineStep[] = [];
  let previous = 0;
  actions.forEach((action, index) => {
    if (action.who !== 'client') return;
    const earliest = action.at ?? previous + (action.delayMs ?? 0);
    steps.push({ action, index, earliest });
    previous = earliest;
  });
  return steps.sort((a, b) => a.earliest - b.earliest || a.index - b.index);
}
