// The sequence diagram: two lifelines, time running down, one arrow per segment, the sockets that
// exist (each connection, the server's listening socket) and the application calls. A pure function of
// its props (stepping back shows exactly what was shown before); only the arrows new at
// `animateStep` fly, and old arrows are memoized so a step re-renders only what changed.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Side } from '../../engine/types';
import { focusSegments, stepFocus } from '../../lab/camera';
import { countBefore } from '../../lab/sortedSearch';
import { fateAt } from '../../lab/view';
import type { AppCallMark, SegmentFate, SegmentInfo, StepView, TimeAxis } from '../../lab/types';
import { AppCalls } from './AppCalls';
import { AxisBreaks } from './AxisBreaks';
import {
  arrowDurationMs,
  BOTTOM,
  layoutFor,
  pointAt,
  segmentLine,
  segmentText,
  shownFraction,
  lineLength,
  TOP,
} from './geometry';
import { interpolate } from '../../i18n';
import { DEFAULT_DIAGRAM_LABELS, type DiagramLabels } from './labels';
import { Lifelines } from './Lifelines';
import { useReducedMotion } from './motion';
import { drawnAsPicture, RunPicture } from './RunPicture';
import { thinOut } from './thinOut';
import { SegmentArrow } from './SegmentArrow';
import { Sockets } from './Sockets';
import { StateBadges } from './StateBadges';
import type { StateChange } from '../../lab/stateChanges';
import { StateHeader } from './StateHeader';
import { TimeGutter } from './TimeGutter';
import { TimerBars } from './TimerBars';
import { useCamera } from './useCamera';
import { useFit } from './useFit';
import { useSvgBox } from './useSvgBox';
import { useVisibleRange, type VisibleRange } from './useVisibleRange';
import { useWidth } from './useWidth';
import { diagramLayout } from './layoutCheck';
import { labelReach, scaleMarksUpTo } from './place';
import { legendText, ScaleMarks } from './ScaleMarks';
import { crossingIds, pointsOf } from './arrowsMeet';
import { diagramModelOf } from './diagramModel';
import type { TimeScale } from '../../lab/timeAxis';
import { useOptionalLab } from '../store/context';
import type { LabState } from '../store/labStore';
import './diagram.css';

export interface DiagramProps {
  /** Every segment of the run (from `describeSegments`), ordered by id; a stable array. */
  segments: readonly SegmentInfo[];
  view: StepView;
  /** The run's time axis; `points` (each distinct time's y), when given, label the gutter. */
  axis: TimeAxis & { points?: readonly { t: number; y: number }[] };
  /** State changes shown at this step (see `stateChangesUpTo`). */
  stateChanges: readonly StateChange[];
  endpoints: Record<Side, { label: string }>;
  numbering?: 'relative' | 'absolute';
  /** Playback speed (1 = 1×): arrows fly in `arrowDurationMs(speed)`. */
  speed?: number;
  /** Draw without motion (also on when the browser prefers reduced motion). */
  reducedMotion?: boolean;
  /** The step whose new arrows fly in; any other value draws everything still. */
  animateStep?: number | null;
  /** A segment was clicked (or Enter/Space) that is not in flight: open the inspector. */
  onSegmentClick?: (id: number) => void;
  /** A segment in flight was clicked: drop it. */
  onDropInFlight?: (id: number) => void;
  labels?: DiagramLabels;
  /** Render the state header (`state-client`, `state-server`, `state-listener`); default true. */
  showStates?: boolean;
  /** Width before the first measurement (server rendering, tests). */
  initialWidth?: number;
  /** Draw every arrow, also in a long run (which otherwise draws those near the screen): export. */
  drawAll?: boolean;
  /** The whole run fitted into the box (the camera rests). */
  fit?: boolean;
  /** `linear` draws the axis to scale (`axis.linear`); default: the lab's setting, else warped. */
  timeScale?: TimeScale;
  /** Every application call of the run (`view.appCalls` holds those up to the step). */
  appCalls?: readonly AppCallMark[];
}

export function Diagram(props: DiagramProps) {
  const { view } = props;
  // The time of the step shown before this one: a delivered arrow flies on from where it was. Set
  // while rendering, which renders this component again at once: the drawing below renders once.
  const [track, setTrack] = useState({ step: view.step, t: view.t, prevT: view.t });
  let prevT = track.prevT;
  if (track.step !== view.step) {
    prevT = track.t;
    setTrack({ step: view.step, t: view.t, prevT: track.t });
  }
  return <DiagramDrawing {...props} prevT={prevT} />;
}

function DiagramDrawing({
  segments,
  view,
  axis: axes,
  stateChanges,
  endpoints,
  numbering = 'relative',
  speed = 1,
  reducedMotion = false,
  animateStep = null,
  onSegmentClick,
  onDropInFlight,
  labels = DEFAULT_DIAGRAM_LABELS,
  showStates = true,
  initialWidth = 640,
  drawAll = false,
  fit = false,
  timeScale,
  appCalls,
  prevT,
}: DiagramProps & { prevT: number }) {
  const chosenScale = useOptionalLab(selectTimeScale);
  const scale = timeScale ?? chosenScale ?? 'warped';
  const axis: DiagramProps['axis'] = scale === 'linear' && axes.linear ? axes.linear : axes;
  const scroller = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const measured = useWidth(scroller, initialWidth);
  const layout = useMemo(() => layoutFor(measured), [measured]);
  const prefersReduced = useReducedMotion() ?? false;
  const still = reducedMotion || prefersReduced;

  const axisY = axis.y;
  const y = useCallback((t: number, offset?: number) => TOP + axisY(t, offset), [axisY]);
  // Worked out once per run and scale, in slices before a long run is shown (./diagramModel.ts).
  const model = useMemo(() => diagramModelOf(segments, axis), [segments, axis]);
  const { segmentIndex, crossing, points, maxOffset } = model;
  // Each label where it overlaps no other text (./layoutCheck.ts); a long run keeps them on their
  // arrows, as the search would cost more than a step may take.
  const places = useMemo(
    () =>
      segments.length > WINDOW_FROM
        ? null
        : diagramLayout({
            segments,
            view,
            axis,
            stateChanges,
            width: layout.width,
            labels,
            numbering,
          }).places,
    [segments, view, axis, stateChanges, layout.width, labels, numbering],
  );

  // Stable handlers, so that memoized arrows do not re-render when the shell's callbacks change.
  const handlers = useRef({ onSegmentClick, onDropInFlight });
  useLayoutEffect(() => {
    handlers.current = { onSegmentClick, onDropInFlight };
  });
  const onActivate = useCallback((id: number, fate: SegmentFate) => {
    if (fate === 'in-flight') handlers.current.onDropInFlight?.(id);
    else handlers.current.onSegmentClick?.(id);
  }, []);

  const animating = !still && animateStep !== null && animateStep === view.step;
  const duration = arrowDurationMs(speed);
  const nowY = y(view.t);

  // Where the drawing sits in the scroller, measured after layout (never during a step).
  const remeasure = useRef(() => {});
  const svgBox = useSvgBox(scroller, svgRef, () => remeasure.current());
  // Long runs draw only the arrows near the visible part (in-flight and new ones always).
  const visible = useVisibleRange(
    scroller,
    svgBox,
    layout.width,
    !drawAll && !fit && segments.length > WINDOW_FROM,
  );
  const range = visible.range;
  // What the step changed, brought into view after every step change. One step forward at normal
  // speed glides; any other move (a jump, a link, fast play) cuts.
  const onMeasured = useCamera(scroller, svgBox, {
    step: view.step,
    focus: stepFocus(
      { segments: focusSegments(segments, segmentIndex, view.step), stateChanges },
      view,
      y,
      (seg) => {
        const path = segmentLine(seg, layout, y);
        return pointAt(path, shownFraction(seg, 'in-flight', view.t, lineLength(path))).y;
      },
      (seg) => {
        const place = places?.get(seg.id);
        return place ? labelReach(place, segmentText(seg, numbering, labels), layout.narrow) : null;
      },
    ),
    logicalWidth: layout.width,
    header: showStates,
    smooth: animating && speed <= 1,
    active: !fit,
  });
  useLayoutEffect(() => {
    remeasure.current = () => {
      visible.remeasure();
      onMeasured();
    };
  });
  // Every state change of the run is drawn from the start: their depth is the run's.
  const changesBottom = useMemo(
    () => stateChanges.reduce((low, change) => Math.max(low, y(change.t) + 10), -Infinity),
    [stateChanges, y],
  );
  const still_: ReactNode[] = [];
  const flying: ReactNode[] = [];
  let bottom = view.step > 0 ? nowY : TOP;
  const drops: { x: number; y: number }[] = [];
  const sentCount = segmentIndex.sentBy(view.step);
  // A long run draws the arrows near the visible part and those the step changes or leaves in
  // flight; it visits no other.
  const span = range && timeSpanOf(points, range, maxOffset);
  // The whole-run view of a long run draws the others as one picture (./RunPicture.tsx).
  const pictured = fit && !drawAll && drawnAsPicture(segments.length);
  const considered = pictured
    ? segmentIndex.active(view.step)
    : span
      ? segmentIndex.drawn(view.step, span.from, span.to)
      : segments.slice(0, sentCount);
  const count = sentCount;
  for (const seg of considered) {
    const id = seg.id;
    const fate = fateAt(seg, view.step);
    const path = segmentLine(seg, layout, y);
    const frac = shownFraction(seg, fate, view.t, lineLength(path));
    let fromFrac: number | undefined;
    if (animating) {
      if (seg.sentStep === view.step) fromFrac = 0;
      else if (
        (fate === 'delivered' && seg.deliveredStep === view.step) ||
        (fate === 'dropped' && seg.droppedStep === view.step)
      ) {
        fromFrac = shownFraction(seg, 'in-flight', prevT, lineLength(path));
      }
    }
    let copies = 0;
    for (const copy of seg.copies) if (copy.step <= view.step) copies++;
    const animateCopy = animating && copies > 0 && seg.copies[copies - 1]?.step === view.step;
    if (fate === 'in-flight') {
      bottom = Math.max(bottom, pointAt(path, frac).y);
    } else if (fate === 'dropped') {
      drops.push(pointAt(path, frac));
    }
    const flies = fromFrac !== undefined || animateCopy;
    if (range && !flies && fate !== 'in-flight' && !near(seg, y, range)) continue;
    (flies ? flying : still_).push(
      <SegmentArrow
        key={id}
        seg={seg}
        fate={fate}
        frac={frac}
        fromFrac={fromFrac}
        copies={copies}
        animateCopy={animateCopy}
        durationMs={flies ? duration : 0}
        y={y}
        layout={layout}
        numbering={numbering}
        labels={labels}
        onActivate={onActivate}
        labelBelow={crossing.has(id)}
        label={places?.get(id)}
      />,
    );
  }
  for (const timer of view.timers) bottom = Math.max(bottom, y(timer.due) + 8);
  bottom = Math.max(bottom, changesBottom);
  // Calls come in time order: the last is the lowest.
  const lastCall = view.appCalls.at(-1);
  if (lastCall) bottom = Math.max(bottom, y(lastCall.t) + 10);
  const drawnTo = bottom;
  // The whole run's height from the start: the drawing never resizes while stepping, so a step
  // repaints only what changed (and the page does not jump).
  const height = Math.max(drawnTo, TOP + axis.height) + BOTTOM + 28;
  const breaks = useMemo(
    () => axis.breaks.filter((b) => TOP + b.y < drawnTo),
    [axis.breaks, drawnTo],
  );

  const breakYs = useMemo(() => breaks.map((b) => TOP + b.y), [breaks]);
  const runBreakYs = useMemo(() => axis.breaks.map((b) => TOP + b.y), [axis.breaks]);
  // A long run draws the gutter's labels, marks and breaks near the visible part only, as it
  // does its arrows: a jump into the middle of 200,000 segments adds a screenful, not 100,000.
  const within = range && { top: range.top - WINDOW_MARGIN, bottom: range.bottom + WINDOW_MARGIN };
  const breaksShown = within
    ? breaks.filter((b) => TOP + b.y >= within.top && TOP + b.y <= within.bottom)
    : breaks;
  // The axis's scale, marked up to now: where it changes, or its one unit when drawn to scale.
  // (The whole-run picture of a long run thins the run's marks below instead.)
  const marks = scaleMarksUpTo(model.marks, view.t, pictured ? NOWHERE : within);
  const legend = legendText(axis.pxPerMs != null, marks.unit, labels);

  const fitted = useFit(scroller, svgBox, fit, layout.width, height);
  // Pixels per drawing unit in the whole-run view, once measured (its first render is not painted).
  const pxPerUnit = fitted.width === undefined ? null : fitted.width / layout.width;
  const picture = pictured && pxPerUnit !== null && (
    <RunPicture
      segments={segments}
      layout={layout}
      y={y}
      height={height}
      pxPerUnit={pxPerUnit}
      seenTo={view.step > 0 ? nowY : 0}
      arrows={considered}
    />
  );
  // What a long run draws down its length is thinned in its whole-run picture to a few pixels
  // apart on screen (./thinOut.ts), and left out until the box is measured.
  const spaced = <T,>(
    items: readonly T[],
    yOf: (item: T) => number,
    px: number,
    laneOf?: (item: T) => string,
  ): readonly T[] =>
    !pictured ? items : pxPerUnit ? thinOut(items, yOf, px / pxPerUnit, { lane: laneOf }) : [];
  const gutterTicks = spaced(model.ticks, (p) => p.y, 16);
  const markYs = pictured
    ? spaced(model.marks.marks, (mark) => mark.y, 4)
        .filter((mark) => mark.t <= view.t)
        .map((mark) => mark.y)
    : marks.ys;
  // AppCalls thins its own tags, keeping every call placed for when the view is left.
  const callGap = pictured ? CALL_GAP_PX / (pxPerUnit || 0) : 0;
  const callsShown = spaced(
    view.appCalls,
    (call) => y(call.t),
    CALL_GAP_PX,
    (call) => call.who,
  );

  const viewBox = `0 0 ${layout.width} ${height.toFixed(0)}`;
  const box = { aspectRatio: `${layout.width} / ${height.toFixed(0)}` };
  const summary = interpolate(labels.summary, {
    count,
    client: view.states.client,
    server: view.states.server,
  });

  return (
    // A scrolling region must be reachable by keyboard even before any segment is drawn.
    <div
      className={fit ? 'dg dg--fit' : 'dg'}
      ref={scroller}
      style={fitted.scroller}
      data-testid="diagram"
      role="region"
      aria-label={summary}
      tabIndex={0}
    >
      {showStates && (
        <StateHeader
          states={view.states}
          listener={view.listenerKnown ? view.states.listener : null}
          endpoints={endpoints}
          layout={layout}
          labels={labels}
        />
      )}
      <div className="dg-canvas" style={{ maxWidth: fitted.width ?? layout.width }}>
        <svg
          ref={svgRef}
          className={`dg-svg${layout.narrow ? ' dg-svg--narrow' : ''}`}
          role="img"
          aria-label={summary}
          viewBox={viewBox}
          style={box}
        >
          <Lifelines layout={layout} top={TOP} bottom={height - 10} />
          <Sockets changes={stateChanges} nowT={view.t} y={y} layout={layout} labels={labels} />
          <TimeGutter
            ticks={gutterTicks}
            nowY={nowY}
            nowT={view.t}
            showNow={view.step > 0}
            layout={layout}
            top={TOP}
            labels={labels}
            within={within}
          />
          <AxisBreaks
            breaks={spaced(breaksShown, (b) => b.y, 8)}
            top={TOP}
            layout={layout}
            labels={labels}
          />
          <ScaleMarks ys={markYs} legend={legend} height={height} layout={layout} />
          <TimerBars
            timers={view.timers}
            nowT={view.t}
            y={y}
            layout={layout}
            labels={labels}
            breakYs={breakYs}
            changes={stateChanges}
            calls={callsShown}
            tagBreakYs={runBreakYs}
            drops={drops}
          />
          <StateBadges changes={stateChanges} y={y} layout={layout} labels={labels} />
          <AppCalls
            calls={view.appCalls}
            all={appCalls}
            gap={callGap}
            changes={stateChanges}
            y={y}
            layout={layout}
            labels={labels}
            range={range}
            breakYs={runBreakYs}
          />
        </svg>
        {/* Segments over the drawing (the image above cannot hold buttons); the arrows flying this
          step get a layer of their own so that each frame repaints only them. */}
        {[still_, flying].map((arrows, layer) => (
          <svg
            key={layer}
            className={`dg-svg dg-layer${layer === 1 ? ' dg-layer--flying' : ''}${layout.narrow ? ' dg-svg--narrow' : ''}`}
            role="group"
            aria-label={labels.segmentsGroup}
            viewBox={viewBox}
            style={box}
          >
            {layer === 0 && picture}
            {arrows}
          </svg>
        ))}
      </div>
    </div>
  );
}

const NOWHERE = { top: Infinity, bottom: -Infinity };
/** Screen pixels between the application calls' tags drawn in a long run's whole-run picture. */
const CALL_GAP_PX = 8;

/** Runs with more segments than this draw only those near the visible part. */
const WINDOW_FROM = 120;
// Beyond the visible part (itself rounded to 400 units): enough for a scroll of a screen or two
// before the next frame brings the arrows in, without drawing much that is not seen.
const WINDOW_MARGIN = 500;

const selectTimeScale = (s: LabState) => s.timeScale;

/**
 * The times whose arrows can be drawn near the visible part (with its margin): sent by `to`, and
 * last drawn at `from` or later. `points` are the run's times in order with their ys (without the
 * top margin): a time's y never decreases, and an arrow is drawn at most `depth` below its times.
 */
function timeSpanOf(
  points: readonly { t: number; y: number }[],
  range: VisibleRange,
  depth: number,
): { from: number; to: number } {
  const top = range.top - WINDOW_MARGIN - TOP - depth;
  const bottom = range.bottom + WINDOW_MARGIN - TOP;
  /** How many points are drawn above `y` (strictly, or also at it). */
  const above = (y: number, orAt: boolean) =>
    countBefore(points.length, (i) => points[i]?.y ?? Infinity, y, orAt);
  // The last time drawn above the part: anything ending after it may reach into it.
  const from = points[above(top, false) - 1]?.t ?? -Infinity;
  const to = points[above(bottom, true) - 1]?.t ?? -Infinity;
  return { from, to };
}

function near(seg: SegmentInfo, y: (t: number) => number, range: VisibleRange): boolean {
  const top = y(seg.sentAt);
  const arrival = seg.deliveredAt ?? seg.droppedAt ?? seg.sentAt;
  let bottom = y(arrival);
  for (const copy of seg.copies) bottom = Math.max(bottom, y(copy.t));
  return bottom >= range.top - WINDOW_MARGIN && top <= range.bottom + WINDOW_MARGIN;
}

export { crossingIds, pointsOf };
