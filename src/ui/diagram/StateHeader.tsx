import { SIDES, type Side, type TcpState } from '../../engine/types';
import type { Layout } from './geometry';
import { interpolate } from '../../i18n';
import type { DiagramLabels } from './labels';

/**
 * Each side's name, address and current state, above its lifeline, and under the server's the
 * state of its listening socket (when the run tells it). Carries the `state-client`,
 * `state-server` and `state-listener` test hooks: render it once per page (the Diagram does
 * unless told not to).
 */
export function StateHeader({
  states,
  listener = null,
  endpoints,
  layout,
  labels,
}: {
  states: Record<Side, TcpState>;
  /** The listening socket's state, or null where the run does not say (a capture). */
  listener?: TcpState | null;
  endpoints: Record<Side, { label: string }>;
  layout: Layout;
  labels: DiagramLabels;
}) {
  return (
    <div className={`dg-head${listener === null ? '' : ' dg-head--listener'}`}>
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
          {side === 'server' && listener !== null && (
            <div
              className={`dg-end-listener dg-end-listener--${listener === 'LISTEN' ? 'open' : 'closed'}`}
            >
              <span className="dg-sr">
                {interpolate(labels.listenerState, { state: listener })}
              </span>
              <span className="dg-end-side dg-end-side--listener" aria-hidden="true">
                {labels.sides.listener}
              </span>
              <div
                className="dg-end-state dg-end-state--listener"
                data-testid="state-listener"
                data-state={listener}
                aria-hidden="true"
              >
                {listener}
              </div>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
