import { memo } from 'react';
import type { Side } from '../../engine/types';
import { interpolate } from '../../i18n';
import type { Layout } from './geometry';
import { PILL_HALF, pillBox, pillCentres } from './place';
import type { DiagramLabels } from './labels';
import type { StateChange } from '../../lab/stateChanges';

export { PILL_HALF, pillCentres };

/**
 * A pill with the state's name beside its lifeline at every state change of a connection. The
 * listening socket has none: its line is drawn while it listens, and the header names its state.
 */
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
  const centres = pillCentres(changes, y, layout);
  return (
    <g className="dg-states">
      {changes.map((change) => {
        const side = change.who;
        const cy = centres.get(change.index);
        if (side === 'listener' || cy === undefined) return null;
        const { x, w, edge } = pillBox(change.to, side, layout);
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
            <rect x={x} y={cy - PILL_HALF} width={w} height={2 * PILL_HALF} rx={PILL_HALF} />
            <text x={x + w / 2} y={cy + 3.5}>
              {change.to}
            </text>
          </g>
        );
      })}
    </g>
  );
});

function lastOf(changes: readonly StateChange[], side: Side): StateChange | undefined {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (c?.who === side) return c;
  }
  return undefined;
}
