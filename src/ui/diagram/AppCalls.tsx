import { memo } from 'react';
import { interpolate } from '../../i18n';
import type { StateChange } from '../../lab/stateChanges';
import type { AppCallMark } from '../../lab/types';
import { ownerX, type Layout } from './geometry';
import type { DiagramLabels } from './labels';
import { CALL_HEIGHT, placeCalls } from './place';
import type { VisibleRange } from './useVisibleRange';

/**
 * Each application call as a small tag on its socket's line at the time it returned (see tagX).
 * A failed call reads in the danger colour, bold, and keeps its error whole however narrow.
 */
export const AppCalls = memo(function AppCalls({
  calls,
  changes,
  y,
  layout,
  labels,
  range = null,
  breakYs = [],
}: {
  calls: readonly AppCallMark[];
  /** Where compressed breaks are drawn: a tag is never on one. */
  breakYs?: readonly number[];
  /** The state changes shown (their pills), which a tag keeps clear of on narrow screens. */
  changes: readonly StateChange[];
  y: (t: number) => number;
  layout: Layout;
  labels: DiagramLabels;
  /** Long runs draw only the tags near the visible part. */
  range?: VisibleRange | null;
}) {
  const placed = placeCalls(calls, changes, y, layout, breakYs);
  return (
    <g className="dg-calls">
      {placed.map(({ call, at, cy, x, width, text }) => {
        if (range && (at < range.top - 400 || at > range.bottom + 400)) return null;
        const line = ownerX(layout, call.who);
        const failed = call.result !== 'ok';
        const aria = interpolate(labels.appCallAria, {
          owner: labels.appOwners[call.who],
          call: call.call,
          result: call.result,
          time: labels.duration(call.t),
        });
        return (
          <g
            key={call.index}
            className={`dg-call dg-call--${call.who}${failed ? ' dg-call--failed' : ''}`}
            data-testid="app-call"
            data-who={call.who}
            data-call={call.call}
            data-result={call.result}
            role="img"
            aria-label={aria}
          >
            <title>{aria}</title>
            <line className="dg-call-tie" x1={line} x2={line} y1={cy + CALL_HEIGHT / 2} y2={at} />
            <rect x={x} y={cy - CALL_HEIGHT / 2} width={width} height={CALL_HEIGHT} rx={3} />
            <text x={x + width / 2} y={cy + 3.3}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
});
