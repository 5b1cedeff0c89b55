// Everything the page draws from one run, computed once when the run arrives.

import { loadNamespace } from '../../i18n/core';
import { collectStateChanges } from '../diagram/stateChanges';
import { buildTimeAxis } from '../model/timeAxis';
import type { Run, SegmentInfo } from '../model/types';
import { createStepper } from '../model/view';
import type { Derived, Explainer } from './labStore';

/** Distinct event times, for the time axis (a run repeats times a lot: dedupe before sorting). */
function eventTimes(run: Run): number[] {
  const times = new Set<number>([0]);
  for (const event of run.events) {
    times.add(event.t);
    if (event.type === 'timer' && event.action === 'set' && event.due !== undefined) {
      times.add(event.due);
    }
  }
  return [...times];
}

export function deriveRun(run: Run): Derived {
  const stepper = createStepper(run);
  const segmentById = new Map<number, SegmentInfo>();
  for (const segment of stepper.segments) segmentById.set(segment.id, segment);
  const { y, height, breaks } = buildTimeAxis(eventTimes(run));
  return {
    steps: stepper.steps,
    segments: stepper.segments,
    segmentById,
    // Without the axis's rows: the diagram labels the times segments were sent and arrived.
    axis: { y, height, breaks },
    stateChanges: collectStateChanges(run.events),
    viewAt: (step) => stepper.viewAt(step),
  };
}

/**
 * The run's explanations: the explaining code is its own chunk, loaded after the first diagram,
 * with English's `explain` namespace alongside (the widget's locale's, if another, is loaded by
 * useExplanation).
 */
export async function explainRunLazily(run: Run): Promise<Explainer> {
  // The run has just arrived and the diagram is not painted yet: fetch nothing before it is.
  await afterNextPaint();
  const [{ explainRun, renderExplanation }] = await Promise.all([
    import('../model/explain'),
    loadNamespace('en', 'explain'),
  ]);
  const list = explainRun(run.events, run.causeStarts);
  return {
    at: (step) => (step >= 1 ? (list[step - 1] ?? null) : null),
    render: renderExplanation,
  };
}

/** Resolves once the browser has painted the next frame (at once where there are no frames). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
