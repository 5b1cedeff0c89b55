// Where a change of a knob shows: the first step of the new run whose events differ from the run
// before the change. The page points there (a knob's effect is often far from the step the student
// is on: the MSL only shows once TIME_WAIT ends).
import type { TraceEvent } from '../engine/types';
import { stepOfEvents } from './steps';
import type { Step } from './types';

/** Events are plain data: equal runs give equal JSON, event by event. */
function same(a: TraceEvent | undefined, b: TraceEvent | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The 1-based step of `after` at which it first differs from `before`, or null when the two runs'
 * events are the same. A run that stops short of the one before differs at its last step (what
 * followed is gone), or at step 1 when it has none.
 */
export function firstDifferentStep(
  before: { readonly events: readonly TraceEvent[] },
  after: { readonly events: readonly TraceEvent[] },
  afterSteps: readonly Step[],
): number | null {
  const a = before.events;
  const b = after.events;
  const common = Math.min(a.length, b.length);
  let i = 0;
  while (i < common && same(a[i], b[i])) i++;
  if (i === common && a.length === b.length) return null;
  if (afterSteps.length === 0) return null;
  if (i >= b.length) return afterSteps.length;
  return stepOfEvents(b.length, afterSteps)[i] ?? 1;
}
