import { SIDES, type Side, type TcpState } from '../../engine/types';
import type { Layout } from './geometry';
import { interpolate } from '../../i18n';
import type { DiagramLabels } from './labels';

/**
 * Each side's name, address and current state, above its lifeline. Carries the `state-client` and
 * `state-server` test hooks: render it once per page (the Diagram does unless told not to).
 */
export function StateHeader({
  states,
  endpoints,
  layout,
  labels,
}: {
  states: Record<Side, TcpState>;
  endpoints: Record<Side, { label: string }>;
  layout: Layout;
  labels: DiagramLabels;
}) {
  return (
    <div className="dg-head">
      {SIDES.map((side) => (
        <div
          key={side}
          className={`dg-end dg-end--${side}`}
          style={{ left: `${((layout.x[side] / layout.width) * 100).toFixed(2)}%` }}
        >
          <div className="dg-end-name">
            <span className="dg-end-side">{labels.sides[side]}</span>{' '}
            <span className="dg-end-addr">{endpoints[side].label}</span>
          </div>
          <span className="dg-sr">
            {`${interpolate(labels.currentState, { side: labels.sides[side] })}: `}
          </span>
          <div className="dg-end-state" data-testid={`state-${side}`} data-state={states[side]}>
            {states[side]}
          </div>
        </div>
      ))}
    </div>
  );
}
