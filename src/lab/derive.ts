// Everything the page draws from one run, computed once when the run arrives; a step then only
// looks its view up.

import { stateChangesWork, type StateChange } from './stateChanges';
import { burstRoomWork } from './bursts';
import { finish, pauses, type Work } from './slices';
import { timeAxisWork } from './timeAxis';
import type { AppCallMark, Run, SegmentInfo, Step, StepView, TimeAxis } from './types';
import { stepperWork } from './view';

/** Everything drawn from one run. */
export interface Derived {
  steps: readonly Step[];
  segments: readonly SegmentInfo[];
  segmentById: ReadonlyMap<number, SegmentInfo>;
  /** Every application call of the run, in trace order (a step's view holds those up to it). */
  appCalls: readonly AppCallMark[];
  axis: TimeAxis;
  /** Every state change of the run, in trace order (the diagram's badges). */
  stateChanges: readonly StateChange[];
  /** The view at a step (0…steps.length); cheap, called on every step. */
  viewAt: (step: number) => StepView;
}

/** Distinct event times, for the time axis (a run repeats times a lot: dedupe before sorting). */
function* eventTimesWork(run: Pick<Run, 'events'>): Work<number[]> {
  const times = new Set<number>([0]);
  const pause = pauses();
  for (const event of run.events) {
    if (pause()) yield;
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
  times?: readonly number[],
): TimeAxis {
  return finish(axesWork(run, segments, times));
}

function* axesWork(
  run: Pick<Run, 'events'>,
  segments: readonly SegmentInfo[],
  given?: readonly number[],
): Work<TimeAxis> {
  const times = given ?? (yield* eventTimesWork(run));
  const room = yield* burstRoomWork(segments);
  const warped = yield* timeAxisWork(times, { room });
  const flights: (readonly [number, number])[] = [];
  const pause = pauses();
  for (const s of segments) {
    if (pause()) yield;
    flights.push([s.sentAt, s.deliveredAt ?? s.droppedAt ?? s.sentAt]);
  }
  const linear = yield* timeAxisWork(times, { room, scale: 'linear', flights });
  return {
    y: warped.y,
    height: warped.height,
    breaks: warped.breaks,
    linear: { y: linear.y, height: linear.height, breaks: linear.breaks, pxPerMs: linear.pxPerMs },
  };
}

export function deriveRun(run: Run): Derived {
  return finish(deriveRunWork(run));
}

/** deriveRun as work that pauses (./slices.ts): a long run is prepared without freezing the page. */
export function* deriveRunWork(run: Run): Work<Derived> {
  const stepper = yield* stepperWork(run);
  const segmentById = new Map<number, SegmentInfo>();
  const pause = pauses();
  for (const segment of stepper.segments) {
    if (pause()) yield;
    segmentById.set(segment.id, segment);
  }
  const axis = yield* axesWork(run, stepper.segments);
  const stateChanges = yield* stateChangesWork(run.events);
  return {
    steps: stepper.steps,
    segments: stepper.segments,
    segmentById,
    appCalls: stepper.appCalls,
    axis,
    stateChanges,
    viewAt: (step) => stepper.viewAt(step),
  };
}
