import { memo } from 'react';
import { tickTimes, type Layout } from './geometry';
import type { DiagramLabels } from './labels';

/** Time labels down the left edge (only up to "now") and the line marking now. */
export const TimeGutter = memo(function TimeGutter({
  points,
  nowY,
  nowT,
  showNow,
  layout,
  top,
  labels,
}: {
  points: readonly { t: number; y: number }[];
  nowY: number;
  nowT: number;
  showNow: boolean;
  layout: Layout;
  top: number;
  labels: DiagramLabels;
}) {
  const ticks = tickTimes(points, nowY - top - 15);
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
          <text className="dg-now-label" x={x} y={nowY + 3.5}>
            {labels.duration(nowT)}
          </text>
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
      <text className="dg-tick-label" x={x} y={y + 3.5}>
        {duration(t)}
      </text>
    </g>
  );
});
