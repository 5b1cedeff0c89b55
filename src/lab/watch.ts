// Where a lesson's "What to watch for" moment happens in a run: the first event the engine decided
// by the lesson's rule (src/scenarios/all.ts, `watch`), and the step that shows it. Found in the run
// shown rather than written down as a step number, because the student's knobs (loss, behaviour,
// a dropped arrow) move the moment or make it never happen.

import type { TraceEvent } from '../engine/types';
import type { WatchMoment } from '../scenarios/all';
import type { Step } from './types';

/** Whether `event` was decided by one of `rules`. */
function decidedBy(event: TraceEvent, rules: readonly string[]): boolean {
  const rule = 'why' in event ? event.why?.rule : undefined;
  return rule !== undefined && rules.includes(rule);
}

function matches(event: TraceEvent, moment: WatchMoment, rules: readonly string[]): boolean {
  if (!decidedBy(event, rules)) return false;
  if (moment.type !== undefined && event.type !== moment.type) return false;
  // A delivery names no owner: a moment about a side is never a delivery.
  if (moment.who !== undefined && (!('who' in event) || event.who !== moment.who)) return false;
  if (moment.to !== undefined && (event.type !== 'state' || event.to !== moment.to)) return false;
  return true;
}

/** The index of the first event of the moment, or -1 when the run never gets there. */
export function watchEventIndex(events: readonly TraceEvent[], moment: WatchMoment): number {
  const rules: readonly string[] = typeof moment.rule === 'string' ? [moment.rule] : moment.rule;
  let from = 0;
  if (moment.after !== undefined) {
    const after = [moment.after];
    from = events.findIndex((event) => decidedBy(event, after)) + 1;
    if (from === 0) return -1;
  }
  for (let i = from; i < events.length; i++) {
    const event = events[i];
    if (event && matches(event, moment, rules)) return i;
  }
  return -1;
}

/** The 1-based step that shows the moment, or null when it does not happen in this run. */
export function watchStep(
  events: readonly TraceEvent[],
  steps: readonly Step[],
  moment: WatchMoment,
): number | null {
  const index = watchEventIndex(events, moment);
  if (index < 0) return null;
  const step = steps.find((s) => index >= s.first && index < s.end);
  return step ? step.number : null;
}
