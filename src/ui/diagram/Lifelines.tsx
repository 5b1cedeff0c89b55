import { memo } from 'react';
import { SIDES } from '../../engine/types';
import type { Layout } from './geometry';

/** The two vertical lifelines from the top of the axis to the bottom of what is drawn. */
export const Lifelines = memo(function Lifelines({
  layout,
  top,
  bottom,
}: {
  layout: Layout;
  top: number;
  bottom: number;
}) {
  return (
    <g className="dg-lifelines">
      {SIDES.map((side) => (
        // The hook sits on the group: a bare vertical line has no width, and tools that ask
        // whether the lifeline is visible would say no.
        <g
          key={side}
          className={`dg-lifeline dg-lifeline--${side}`}
          data-testid={`lifeline-${side}`}
        >
          <line x1={layout.x[side]} x2={layout.x[side]} y1={top - 12} y2={bottom} />
          <circle cx={layout.x[side]} cy={top - 12} r={3.5} />
        </g>
      ))}
    </g>
  );
});
