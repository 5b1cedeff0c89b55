// What the diagram works out once per run and time scale, before any step: which segments a step
// looks at, which arrows cross, the gutter's rows, labels and scale marks. On a long run that is
// hundreds of milliseconds of work; the page does it in slices before it shows the run
// (`prepareDiagram`, driven by the lab's dependencies), and the diagram then finds it ready here.
// A run shown without that (a test, export, a short run) has it worked out at its first render.
import type { Derived } from '../../lab/derive';
import { segmentWindow, type SegmentWindow } from '../../lab/segmentWindow';
import { finish, pauses, type Work } from '../../lab/slices';
import type { SegmentInfo, TimeAxis } from '../../lab/types';
import { crossingIdsWork, pointsWork } from './arrowsMeet';
import { TOP, tickTimes } from './geometry';
import { runScaleMarksWork, type RunScaleMarks } from './place';

export type DiagramAxis = TimeAxis & { points?: readonly { t: number; y: number }[] };

export interface DiagramModel {
  /** Which segments a step looks at: in a long run, never all of them. */
  segmentIndex: SegmentWindow;
  /** Server arrows that a client arrow crosses (their labels go below). */
  crossing: ReadonlySet<number>;
  /** The run's times with their ys (without the top margin), in order. */
  points: readonly { t: number; y: number }[];
  /** The gutter's time labels for the whole run (a step cuts its part). */
  ticks: readonly { t: number; y: number }[];
  /** The deepest a burst's rows put an arrow's end below its time's y. */
  maxOffset: number;
  /** The axis's scale marks for the whole run (a step cuts its part). */
  marks: RunScaleMarks;
}

/** Per axis (each scale of each run has its own), for the segments it was worked out for. */
const models = new WeakMap<
  DiagramAxis,
  { segments: readonly SegmentInfo[]; model: DiagramModel }
>();

export function* diagramModelWork(
  segments: readonly SegmentInfo[],
  axis: DiagramAxis,
): Work<DiagramModel> {
  const known = models.get(axis);
  if (known?.segments === segments) return known.model;
  const axisY = axis.y;
  const y = (t: number, offset?: number) => TOP + axisY(t, offset);
  const segmentIndex = segmentWindow(segments);
  yield;
  const crossing = yield* crossingIdsWork(segments, axisY);
  const points = axis.points ?? (yield* pointsWork(segments, axisY));
  const ticks = tickTimes(points, Infinity);
  yield;
  let maxOffset = 0;
  const pause = pauses();
  for (const seg of segments) {
    if (pause()) yield;
    maxOffset = Math.max(maxOffset, seg.sendOffset ?? 0, seg.arriveOffset ?? 0);
  }
  const marks = yield* runScaleMarksWork(points, y, axis.breaks);
  const model = { segmentIndex, crossing, points, ticks, maxOffset, marks };
  models.set(axis, { segments, model });
  return model;
}

/** The diagram's model of a run on one axis: ready when prepared, else worked out now. */
export function diagramModelOf(segments: readonly SegmentInfo[], axis: DiagramAxis): DiagramModel {
  return finish(diagramModelWork(segments, axis));
}

/** Prepares the diagram of a derived run on the time scale shown. */
export function* prepareDiagram(derived: Derived, scale: 'warped' | 'linear'): Work<void> {
  const axis = scale === 'linear' && derived.axis.linear ? derived.axis.linear : derived.axis;
  yield* diagramModelWork(derived.segments, axis);
}
