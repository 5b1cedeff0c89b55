import { memo } from 'react';
import { textWidth, ticksShown, type Layout } from './geometry';
import type { DiagramLabels } from './labels';

/** Space kept between a label and the diagram's left edge. */
const LEFT_MARGIN = 2;

/**
 * A time label's text, condensed to the gutter when it would not fit at its size (a long run's
 * "1 h 2 min 3.5 s"): the whole time stays readable rather than cut at the diagram's edge.
 */
function GutterLabel({
  className,
  x,
  y,
  text,
}: {
  className: string;
  x: number;
  y: number;
  text: string;
}) {
  // The label ends at x (text-anchor: end).
  const room = x - LEFT_MARGIN;
  const fit =
    textWidth(text, 10) > room ? { textLength: room, lengthAdjust: 'spacingAndGlyphs' } : {};
  return (
    <text className={className} x={x} y={y} {...fit}>
      {text}
    </text>
  );
}

/**
 * Time labels down the left edge (only up to "now") and the line marking now. A long run passes
 * `within`, the part near the screen (in the drawing's units): only its labels are drawn.
 */
export const TimeGutter = memo(function TimeGutter({
  ticks: all,
  nowY,
  nowT,
  showNow,
  layout,
  top,
  labels,
  within = null,
}: {
  /** The whole run's labels (geometry.ts tickTimes), of which those down to now are drawn. */
  ticks: readonly { t: number; y: number }[];
  nowY: number;
  nowT: number;
  showNow: boolean;
  layout: Layout;
  top: number;
  labels: DiagramLabels;
  within?: { top: number; bottom: number } | null;
}) {
  const ticks = ticksShown(
    all,
    nowY - top - 15,
    within && { top: within.top - top, bottom: within.bottom - top },
  );
  const x = layout.gutter - 8;
  return (
    <g className="dg-gutter" aria-hidden="true">
      <text className="dg-axis-title" x={x} y={top - 14}>
        {labels.timeAxis}
      </text>
      {ticks.map((p) => (
        <Tick
          key={p.t}
          t={p.t}
          y={top + p.y}
          x={x}
          right={layout.gutter}
          duration={labels.duration}
        />
      ))}
      {showNow && (
        <g className="dg-now">
          <line x1={layout.gutter} x2={layout.width - 4} y1={nowY} y2={nowY} />
          <GutterLabel className="dg-now-label" x={x} y={nowY + 3.5} text={labels.duration(nowT)} />
        </g>
      )}
    </g>
  );
});

const Tick = memo(function Tick({
  t,
  y,
  x,
  right,
  duration,
}: {
  t: number;
  y: number;
  x: number;
  right: number;
  duration: DiagramLabels['duration'];
}) {
  return (
    <g>
      <line className="dg-tick" x1={x + 3} x2={right} y1={y} y2={y} />
      <GutterLabel className="dg-tick-label" x={x} y={y + 3.5} text={duration(t)} />
    </g>
  );
});
