import { memo } from 'react';
import { SIDES } from '../../engine/types';
import { interpolate } from '../../i18n';
import { textWidth, type Layout } from './geometry';
import type { DiagramLabels } from './labels';
import type { StateChange } from '../../lab/stateChanges';

/** A pill with the state's name beside its lifeline at every state change. */
export const StateBadges = memo(function StateBadges({
  changes,
  y,
  layout,
  labels,
}: {
  changes: readonly StateChange[];
  y: (t: number) => number;
  layout: Layout;
  labels: DiagramLabels;
}) {
  const lastY = { client: -Infinity, server: -Infinity };
  return (
    <g className="dg-states">
      {changes.map((change) => {
        const side = change.who;
        // Two changes at one instant stack instead of covering each other.
        // Narrow: centred on the lifeline just under the change, clear of the arrows.
        const cy = Math.max(y(change.t) + (layout.narrow ? 12 : 0), lastY[side] + 17);
        lastY[side] = cy;
        const w = textWidth(change.to, layout.narrow ? 8.5 : 9.5) + 10;
        const edge = layout.narrow ? layout.x[side] : layout.x[side] + layout.out[side] * 15;
        const x = layout.narrow ? edge - w / 2 : layout.out[side] < 0 ? edge - w : edge;
        const isLast = change === lastOf(changes, side);
        return (
          <g
            key={change.index}
            className={`dg-pill dg-pill--${side}${isLast ? ' dg-pill--current' : ''}`}
            role="img"
            aria-label={interpolate(labels.stateAria, {
              side: labels.sides[side],
              state: change.to,
              time: labels.duration(change.t),
            })}
          >
            <line className="dg-pill-tie" x1={layout.x[side]} x2={edge} y1={y(change.t)} y2={cy} />
            <rect x={x} y={cy - 8} width={w} height={16} rx={8} />
            <text x={x + w / 2} y={cy + 3.5}>
              {change.to}
            </text>
          </g>
        );
      })}
    </g>
  );
});

function lastOf(
  changes: readonly StateChange[],
  side: (typeof SIDES)[number],
): StateChange | undefined {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (c?.who === side) return c;
  }
  return undefined;
}
