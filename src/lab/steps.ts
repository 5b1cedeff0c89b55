// Steps from cause starts: one press of → shows one more cause.
import type { TraceEvent } from '../engine/types';
import { finish, pauses, type Work } from './slices';
import type { Step } from './types';

export function buildSteps(run: {
  readonly events: readonly TraceEvent[];
  readonly causeStarts: readonly number[];
}): Step[] {
  return finish(stepsWork(run));
}

export function* stepsWork(run: {
  readonly events: readonly TraceEvent[];
  readonly causeStarts: readonly number[];
}): Work<Step[]> {
  const { events, causeStarts } = run;
  const steps: Step[] = [];
  const pause = pauses();
  for (let i = 0; i < causeStarts.length; i++) {
    if (pause()) yield;
    const first = causeStarts[i] ?? 0;
    const end = causeStarts[i + 1] ?? events.length;
    if (end <= first) continue; // defensive: starts are ascending and non-empty by construction
    steps.push({ number: steps.length + 1, t: events[first]?.t ?? 0, first, end });
  }
  return steps;
}

/**
 * For each event index, the 1-based number of the step that shows it. Events before the first
 * cause (none in practice) belong to step 1.
 */
export function stepOfEvents(eventCount: number, steps: readonly Step[]): Uint32Array {
  const stepOf = new Uint32Array(eventCount);
  for (const step of steps) stepOf.fill(step.number, step.first, step.end);
  const head = steps[0];
  if (head !== undefined) stepOf.fill(1, 0, head.first);
  return stepOf;
}
