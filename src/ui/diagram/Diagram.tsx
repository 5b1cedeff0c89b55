// The sequence diagram: two lifelines, time running down, one arrow per segment, the sockets that
// exist (each connection, the server's listening socket) and the application calls. A pure function of
// its props (stepping back shows exactly what was shown before); only the arrows new at
// `animateStep` fly, and old arrows are memoized so a step re-renders only what changed.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Side } from '../../engine/types';
import type { SegmentFate, SegmentInfo, StepView, TimeAxis } from '../../lab/types';
import { AppCalls } from './AppCalls';
import { AxisBreaks } from './AxisBreaks';
import {
  arrowDurationMs,
  BOTTOM,
  layoutFor,
  pointAt,
  segmentLine,
  shownFraction,
  TOP,
} from './geometry';
import { interpolate } from '../../i18n';
import { DEFAULT_DIAGRAM_LABELS, type DiagramLabels } from './labels';
import { Lifelines } from './Lifelines';
import { useReducedMotion } from './motion';
import { SegmentArrow } from './SegmentArrow';
import { Sockets } from './Sockets';
import { StateBadges } from './StateBadges';
import type { StateChange } from '../../lab/stateChanges';
import { StateHeader } from './StateHeader';
import { TimeGutter } from './TimeGutter';
import { TimerBars } from './TimerBars';
import { useFollow } from './useFollow';
import { useSvgBox } from './useSvgBox';
import { useVisibleRange, type VisibleRange } from './useVisibleRange';
import { useWidth } from './useWidth';
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
}

export function Diagram({
  segments,
  view,
  axis,
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
}: DiagramProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const measured = useWidth(scroller, initialWidth);
  const layout = useMemo(() => layoutFor(measured), [measured]);
  const prefersReduced = useReducedMotion() ?? false;
  const still = reducedMotion || prefersReduced;

  // The time of the step shown before this one: a delivered arrow flies on from where it was.
  const [track, setTrack] = useState({ step: view.step, t: view.t, prevT: view.t });
  let prevT = track.prevT;
  if (track.step !== view.step) {
    prevT = track.t;
    setTrack({ step: view.step, t: view.t, prevT: track.t });
  }

  const axisY = axis.y;
  const y = useCallback((t: number) => TOP + axisY(t), [axisY]);
  const byId = useMemo(() => new Map(segments.map((s) => [s.id, s])), [segments]);
  const crossing = useMemo(() => crossingIds(segments, axisY), [segments, axisY]);

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
    !drawAll && segments.length > WINDOW_FROM,
  );
  const range = visible.range;
  useLayoutEffect(() => {
    remeasure.current = visible.remeasure;
  });
  const still_: ReactNode[] = [];
  const flying: ReactNode[] = [];
  let bottom = view.step > 0 ? nowY : TOP;
  let count = 0;
  for (const [id, fate] of view.fates) {
    const seg = byId.get(id);
    if (!seg) continue;
    count++;
    const frac = shownFraction(seg, fate, view.t);
    let fromFrac: number | undefined;
    if (animating) {
      if (seg.sentStep === view.step) fromFrac = 0;
      else if (
        (fate === 'delivered' && seg.deliveredStep === view.step) ||
        (fate === 'dropped' && seg.droppedStep === view.step)
      ) {
        fromFrac = shownFraction(seg, 'in-flight', prevT);
      }
    }
    let copies = 0;
    for (const copy of seg.copies) if (copy.step <= view.step) copies++;
    const animateCopy = animating && copies > 0 && seg.copies[copies - 1]?.step === view.step;
    if (fate === 'in-flight') {
      bottom = Math.max(bottom, pointAt(segmentLine(seg, layout, y), frac).y);
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
      />,
    );
  }
  // What to keep in view: now and the tips of the arrows in flight (not a timer due far ahead).
  const focusY = bottom;
  for (const timer of view.timers) bottom = Math.max(bottom, y(timer.due) + 8);
  for (const change of stateChanges) bottom = Math.max(bottom, y(change.t) + 10);
  for (const call of view.appCalls) bottom = Math.max(bottom, y(call.t) + 10);
  // The whole run's height from the start: the drawing never resizes while stepping, so a step
  // repaints only what changed (and the page does not jump).
  const height = Math.max(bottom, TOP + axis.height) + BOTTOM + 28;
  const points = useMemo(
    () => axis.points ?? pointsOf(segments, axisY),
    [axis.points, segments, axisY],
  );
  const breaks = useMemo(
    () => axis.breaks.filter((b) => TOP + b.y < bottom),
    [axis.breaks, bottom],
  );

  const breakYs = useMemo(() => breaks.map((b) => TOP + b.y), [breaks]);

  // SVG units to the scroller's content pixels, from the cached box: no layout read.
  const mapY = useRef((v: number) => v);
  useLayoutEffect(() => {
    mapY.current = (v: number) => {
      const { top, width } = svgBox.current;
      return width > 0 ? top + (v * width) / layout.width : v;
    };
  }, [svgBox, layout.width]);
  useFollow(scroller, mapY, focusY, view.step, !still && speed <= 1);

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
      className="dg"
      ref={scroller}
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
      <div className="dg-canvas" style={{ maxWidth: layout.width }}>
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
            points={points}
            nowY={nowY}
            nowT={view.t}
            showNow={view.step > 0}
            layout={layout}
            top={TOP}
            labels={labels}
          />
          <AxisBreaks breaks={breaks} top={TOP} layout={layout} labels={labels} />
          <TimerBars
            timers={view.timers}
            nowT={view.t}
            y={y}
            layout={layout}
            labels={labels}
            breakYs={breakYs}
          />
          <StateBadges changes={stateChanges} y={y} layout={layout} labels={labels} />
          <AppCalls
            calls={view.appCalls}
            changes={stateChanges}
            y={y}
            layout={layout}
            labels={labels}
            range={range}
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
            {arrows}
          </svg>
        ))}
      </div>
    </div>
  );
}

/** Runs with more segments than this draw only those near the visible part. */
const WINDOW_FROM = 120;
// Beyond the visible part (itself rounded to 400 units): enough for a scroll of a screen or two
// before the next frame brings the arrows in, without drawing much that is not seen.
const WINDOW_MARGIN = 500;

function near(seg: SegmentInfo, y: (t: number) => number, range: VisibleRange): boolean {
  const top = y(seg.sentAt);
  const arrival = seg.deliveredAt ?? seg.droppedAt ?? seg.sentAt;
  let bottom = y(arrival);
  for (const copy of seg.copies) bottom = Math.max(bottom, y(copy.t));
  return bottom >= range.top - WINDOW_MARGIN && top <= range.bottom + WINDOW_MARGIN;
}

/** Without the axis's own rows, label the times segments were sent and arrived. */
function pointsOf(
  segments: readonly SegmentInfo[],
  y: (t: number) => number,
): { t: number; y: number }[] {
  const times = new Set<number>();
  for (const seg of segments) {
    times.add(seg.sentAt);
    if (seg.deliveredAt !== null) times.add(seg.deliveredAt);
  }
  return [...times].sort((a, b) => a - b).map((t) => ({ t, y: y(t) }));
}

/**
 * Server-to-client arrows that cross a client-to-server one (simultaneous open or close, delays):
 * their labels go under the arrow so the two labels do not sit on each other.
 */
export function crossingIds(
  segments: readonly SegmentInfo[],
  y: (t: number) => number,
): Set<number> {
  const out = new Set<number>();
  const ends = (s: SegmentInfo) => {
    const a = y(s.sentAt);
    const arrival = s.deliveredAt ?? s.droppedAt;
    // A dropped arrow stops halfway: only its first half can cross anything.
    const b = arrival === null ? a + 28 : y(arrival);
    return s.deliveredAt === null ? { a, b: (a + b) / 2, half: true } : { a, b, half: false };
  };
  const right = segments.filter((s) => s.from === 'client').map((s) => ({ s, ...ends(s) }));
  for (const seg of segments) {
    if (seg.from !== 'server') continue;
    const l = ends(seg);
    const hit = right.some((r) => {
      if (r.b < l.a - 1 || r.a > (l.half ? 2 * l.b - l.a : l.b) + 1) return false;
      // At the client's lifeline r is at r.a and l at l.b; at the server's, r at r.b and l at l.a.
      const atClient = r.a - (l.half ? 2 * l.b - l.a : l.b);
      const atServer = (r.half ? 2 * r.b - r.a : r.b) - l.a;
      return atClient * atServer < 0;
    });
    if (hit) out.add(seg.id);
  }
  return out;
}
