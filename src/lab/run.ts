// Runs a scenario and records where each cause (an action, an arrival, a timer) begins, so the page
// can step one cause at a time. Used in the worker (never on the page's main thread) and in tests.
import { streamScenario, type RunEnd, type RunOptions } from '../engine/engine';
import type { Scenario, TraceEvent } from '../engine/types';
import type { Run } from './types';

/**
 * Turns the engine's `onCause` calls into step boundaries. A cause that emits nothing (a cancelled
 * timer's stale wake-up) would be an empty step, so a start is only kept once it has an event.
 */
export class CauseRecorder {
  readonly starts: number[] = [];

  /** Call from `onCause` with the number of events emitted so far. */
  cause(eventCount: number): void {
    // Consecutive equal counts mean the previous cause emitted nothing: keep one start.
    if (this.starts.at(-1) !== eventCount) this.starts.push(eventCount);
  }

  /** The starts, without a trailing cause that emitted nothing. */
  finish(eventCount: number): number[] {
    if (this.starts.at(-1) === eventCount) this.starts.pop();
    // Events before the first cause (none with the real engine) still need a step to show them.
    if (eventCount > 0 && this.starts[0] !== 0) this.starts.unshift(0);
    return this.starts;
  }
}

export type RunWithCausesOptions = Pick<RunOptions, 'maxEvents' | 'actions'>;

export interface CausedRun extends Run {
  /** How the run ended (a guard, `until`, or nothing left to happen). */
  end: RunEnd;
  /** A guard stopped the run (`maxEvents`, or a stalled clock): the trace is cut short. */
  truncated: boolean;
  endTime: number;
}

export function runWithCauses(scenario: Scenario, options: RunWithCausesOptions = {}): CausedRun {
  const events: TraceEvent[] = [];
  const recorder = new CauseRecorder();
  const summary = streamScenario(scenario, (event) => events.push(event), {
    ...options,
    onCause: () => recorder.cause(events.length),
  });
  return {
    scenario,
    events,
    causeStarts: recorder.finish(events.length),
    final: summary.final,
    end: summary.end,
    truncated: summary.truncated,
    endTime: summary.endTime,
  };
}
