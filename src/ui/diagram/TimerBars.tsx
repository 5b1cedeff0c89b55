import { memo, useMemo } from 'react';
import type { StateChange } from '../../lab/stateChanges';
import type { AppCallMark, RunningTimer } from '../../lab/types';
import type { Layout } from './geometry';
import type { DiagramLabels } from './labels';
import { countBefore } from '../../lab/sortedSearch';
import { callPlacer, placeTimers, TIMER_LINE, type PlacedCall } from './place';

/** Running timers: a bar beside the lifeline from when set to when due, filled up to now. */
export const TimerBars = memo(function TimerBars({
  timers,
  nowT,
  y,
  layout,
  labels,
  breakYs = [],
  changes = [],
  calls = [],
  drops = [],
  tagBreakYs,
}: {
  /** The run's breaks, as the calls' tags are placed with them (AppCalls); else `breakYs`. */
  tagBreakYs?: readonly number[];
  /** Where dropped arrows end, whose "Dropped" a timer's name keeps clear of. */
  drops?: readonly { x: number; y: number }[];
  /** The application calls shown, whose tags a timer's name keeps clear of. */
  calls?: readonly AppCallMark[];
  /** The state changes shown, whose pills a timer's name keeps clear of. */
  changes?: readonly StateChange[];
  /** Where compressed breaks are drawn: a label never sits on one. */
  breakYs?: readonly number[];
  timers: readonly RunningTimer[];
  nowT: number;
  y: (t: number) => number;
  layout: Layout;
  labels: DiagramLabels;
}) {
  // The calls' tags, placed as the run goes on (a long capture has a call for every segment) with
  // the run's breaks, as AppCalls places them; only those near a running timer can be in its way.
  const placer = useMemo(
    () => callPlacer(layout.narrow ? changes : NO_CHANGES, y, layout, tagBreakYs ?? breakYs),
    [layout, changes, y, tagBreakYs, breakYs],
  );
  let tags: readonly PlacedCall[] = [];
  if (timers.length > 0 && calls.length > 0) {
    const { placed: all, count } = placer(calls);
    let top = Infinity;
    let bottom = -Infinity;
    for (const timer of timers) {
      top = Math.min(top, y(timer.setAt));
      bottom = Math.max(bottom, y(timer.due));
    }
    const atOf = (i: number) => all[i]?.at ?? Infinity;
    tags = all.slice(
      countBefore(count, atOf, top - TAG_REACH, false),
      countBefore(count, atOf, bottom + TAG_REACH, true),
    );
  }
  const placed = placeTimers(timers, nowT, y, layout, labels, breakYs, changes, calls, drops, tags);
  return (
    <g className="dg-timers">
      {placed.map(({ timer, x, y0, y1, yNow, lines, due, tx, ty, anchor }) => {
        const side = timer.who;
        const name = labels.timers[timer.timer];
        return (
          <g
            key={`${side}-${timer.timer}-${timer.setAt}`}
            className={`dg-timer dg-timer--${side} dg-timer--${timer.timer}`}
          >
            <title>{`${name}: ${due}`}</title>
            {/* The whole time it runs, and the part that has passed. */}
            {(
              [
                ['dg-timer-track', y1],
                ['dg-timer-fill', yNow],
              ] as const
            ).map(([className, end]) => (
              <rect
                key={className}
                className={className}
                x={x - 2.5}
                y={y0}
                width={5}
                height={end - y0}
                rx={2.5}
              />
            ))}
            <line className="dg-timer-due" x1={x - 5} x2={x + 5} y1={y1} y2={y1} />
            <text className="dg-timer-label" x={tx} y={ty} textAnchor={anchor}>
              {lines.map((line, k) => (
                <tspan key={k} x={tx} dy={k === 0 ? 0 : TIMER_LINE}>
                  {line}
                </tspan>
              ))}
              <tspan className="dg-timer-due-label" x={tx} dy={TIMER_LINE}>
                {due}
              </tspan>
            </text>
          </g>
        );
      })}
    </g>
  );
});

const NO_CHANGES: readonly StateChange[] = [];

/** How far (px) from a timer's span a call's tag can still sit in the way of its name. */
const TAG_REACH = 400;
