import { memo } from 'react';
import { interpolate } from '../../i18n';
import type { Layout } from './geometry';
import type { DiagramLabels } from './labels';

/** Where the scale's legend is written: under everything else, at the bottom of the gutter. */
export function legendAt(height: number): { x: number; y: number } {
  return { x: 4, y: height - 12 };
}

/** The legend's words: the one unit of an axis to scale, or that the axis is not to scale. */
export function legendText(linear: boolean, unit: number | null, labels: DiagramLabels): string {
  return linear && unit !== null
    ? interpolate(labels.scaleLinear, { unit: labels.duration(unit) })
    : labels.scaleWarped;
}

/** Short marks at the gutter's edge, a legend at its foot (see place.ts scaleMarks). */
export const ScaleMarks = memo(function ScaleMarks({
  ys,
  legend,
  height,
  layout,
}: {
  ys: readonly number[];
  legend: string;
  height: number;
  layout: Layout;
}) {
  const x = layout.gutter;
  const at = legendAt(height);
  return (
    <g className="dg-scale" data-testid="scale-marks">
      {ys.map((y, i) => (
        <line key={i} className="dg-scale-mark" x1={x - 3} x2={x} y1={y} y2={y} />
      ))}
      <text className="dg-scale-legend" data-testid="scale-legend" x={at.x} y={at.y}>
        {legend}
      </text>
    </g>
  );
});
