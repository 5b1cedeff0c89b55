import { memo } from 'react';
import { interpolate } from '../../i18n';
import type { Layout } from './geometry';
import type { DiagramLabels } from './labels';
import { BREAK_HALF } from './place';

/** A zig-zag band across both lifelines where a long quiet stretch of time is compressed. */
export const AxisBreaks = memo(function AxisBreaks({
  breaks,
  top,
  layout,
  labels,
}: {
  breaks: readonly { from: number; to: number; y: number }[];
  /** Where axis y 0 is drawn. */
  top: number;
  layout: Layout;
  labels: DiagramLabels;
}) {
  return (
    <g className="dg-breaks">
      {breaks.map((b) => {
        const cy = top + b.y;
        const duration = breakDuration(b, labels);
        const x0 = layout.gutter - 4;
        const x1 = layout.width - 4;
        return (
          <g key={`${b.from}-${b.to}`} className="dg-break">
            <title>{interpolate(labels.compressedBreakLabel, { duration })}</title>
            <rect
              className="dg-break-band"
              x={x0}
              y={cy - BREAK_HALF}
              width={x1 - x0}
              height={2 * BREAK_HALF}
            />
            <path className="dg-break-zig" d={zigzag(x0, x1, cy - 6)} />
            <path className="dg-break-zig" d={zigzag(x0, x1, cy + 6)} />
            <text className="dg-break-label" x={(layout.x.client + layout.x.server) / 2} y={cy + 4}>
              {interpolate(labels.compressedBreak, { duration })}
            </text>
          </g>
        );
      })}
    </g>
  );
});

function zigzag(x0: number, x1: number, y: number): string {
  const step = 8;
  let d = `M${x0},${y}`;
  let up = true;
  for (let x = x0 + step / 2; x <= x1; x += step / 2) {
    d += `L${x.toFixed(1)},${(y + (up ? -3 : 3)).toFixed(1)}`;
    up = !up;
  }
  return d;
}

/**
 * A break's length as its band says it: drawn, not measured, so in whole seconds when it is long
 * (a warped axis breaks only gaps over 5 s); a shorter one (cut from the axis to scale) exactly.
 */
export function breakDuration(b: { from: number; to: number }, labels: DiagramLabels): string {
  const ms = b.to - b.from;
  return labels.duration(ms >= 5_000 ? Math.round(ms / 1000) * 1000 : Math.round(ms));
}
