// Everything the page draws from one run, computed once when the run arrives; a step then only
// looks its view up.

import { collectStateChanges, type StateChange } from './stateChanges';
import { burstRoom } from './bursts';
import { buildTimeAxis } from './timeAxis';
import type { Run, SegmentInfo, Step, StepView, TimeAxis } from './types';
import { createStepper } from './view';

/** Everything drawn from one run. */
export interface Derived {
  steps: readonly Step[];
  segments: readonly SegmentInfo[];
  segmentById: ReadonlyMap<number, SegmentInfo>;
  axis: TimeAxis;
  /** Every state change of the run, in trace order (the diagram's badges). */
  stateChanges: readonly StateChange[];
  /** The view at a step (0…steps.length); cheap, called on every step. */
  viewAt: (step: number) => StepView;
}

/** Distinct event times, for the time axis (a run repeats times a lot: dedupe before sorting). */
function eventTimes(run: Pick<Run, 'events'>): number[] {
  const times = new Set<number>([0]);
  for (const event of run.events) {
    times.add(event.t);
    if (event.type === 'timer' && event.action === 'set' && event.due !== undefined) {
      times.add(event.due);
    }
  }
  return [...times];
}

/**
 * The run's time axis, warped, with the same run's axis to scale as `linear`; both open the room
 * its bursts need. Without the axis's rows: the diagram labels the times segments were sent and
 * arrived.
 */
export function runAxes(
  run: Pick<Run, 'events'>,
  segments: readonly SegmentInfo[],
  times: readonly number[] = eventTimes(run),
): TimeAxis {
  const room = burstRoom(segments);
  const warped = buildTimeAxis(times, { room });
  const flights = segments.map(
    (s) => [s.sentAt, s.deliveredAt ?? s.droppedAt ?? s.sentAt] as const,
  );
  const linear = buildTimeAxis(times, { room, scale: 'linear', flights });
  return {
    y: warped.y,
    height: warped.height,
    breaks: warped.breaks,
    linear: { y: linear.y, height: linear.height, breaks: linear.breaks, pxPerMs: linear.pxPerMs },
  };
}

export function deriveRun(run: Run): Derived {
  const stepper = createStepper(run);
  const segmentById = new Map<number, SegmentInfo>();
  for (const segment of stepper.segments) segmentById.set(segment.id, segment);
  return {
    steps: stepper.steps,
    segments: stepper.segments,
    segmentById,
    axis: runAxes(run, stepper.segments),
    stateChanges: collectStateChanges(run.events),
    viewAt: (step) => stepper.viewAt(step),
  };
}
