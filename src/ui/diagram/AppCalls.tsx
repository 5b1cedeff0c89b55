import { memo, useEffect, useMemo } from 'react';
import { interpolate } from '../../i18n';
import type { StateChange } from '../../lab/stateChanges';
import type { AppCallMark } from '../../lab/types';
import { ownerX, type Layout } from './geometry';
import type { DiagramLabels } from './labels';
import { countBefore } from '../../lab/sortedSearch';
import { CALL_HEIGHT, callPlacer } from './place';
import { whileIdle } from './prepareRun';
import { thinOut } from './thinOut';
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
  gap = 0,
  all,
}: {
  calls: readonly AppCallMark[];
  /** The run's calls (of which `calls` are those up to the step): placed ahead while idle. */
  all?: readonly AppCallMark[];
  /** Where the run's compressed breaks are drawn (all of them, so that tags placed once stay
   * where they are as the run goes on): a tag is never on one. */
  breakYs?: readonly number[];
  /** The state changes shown (their pills), which a tag keeps clear of on narrow screens. */
  changes: readonly StateChange[];
  y: (t: number) => number;
  layout: Layout;
  labels: DiagramLabels;
  /** Long runs draw only the tags near the visible part. */
  range?: VisibleRange | null;
  /** A long run's whole-run picture: each owner's tags drawn at least this far apart. */
  gap?: number;
}) {
  // A step places only its new calls: a long capture has one for every segment. Wide, a tag keeps
  // clear of no pill, so a new state change places nothing again.
  const pills = layout.narrow ? changes : NO_CHANGES;
  const placer = useMemo(() => callPlacer(pills, y, layout, breakYs), [pills, y, layout, breakYs]);
  const { placed, count } = placer(calls);
  // A long run's later tags are placed while the page is idle, so that a jump finds them placed.
  useEffect(() => {
    if (!all || all.length < PLACE_AHEAD_FROM) return;
    return whileIdle(placer.ahead(all));
  }, [placer, all]);
  // In time order, so a long run cuts out the tags near the visible part.
  const atOf = (i: number) => placed[i]?.at ?? Infinity;
  const shown = range
    ? placed.slice(
        countBefore(count, atOf, range.top - 400, false),
        countBefore(count, atOf, range.bottom + 400, true),
      )
    : gap > 0
      ? thinOut(placed, (tag) => tag.at, gap, { lane: (tag) => tag.call.who, length: count })
      : placed.slice(0, count);
  return (
    <g className="dg-calls">
      {shown.map(({ call, at, cy, x, width, text }) => {
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

const NO_CHANGES: readonly StateChange[] = [];

/** Runs with this many calls or more have their tags placed ahead (fewer take no time at all). */
const PLACE_AHEAD_FROM = 2000;
