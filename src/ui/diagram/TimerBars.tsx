import { memo } from 'react';
import type { RunningTimer } from '../../lab/types';
import { interpolate } from '../../i18n';
import type { Layout } from './geometry';
import type { DiagramLabels } from './labels';

/** Running timers: a bar beside the lifeline from when set to when due, filled up to now. */
export const TimerBars = memo(function TimerBars({
  timers,
  nowT,
  y,
  layout,
  labels,
  breakYs = [],
}: {
  /** Where compressed breaks are drawn: a label never sits on one. */
  breakYs?: readonly number[];
  timers: readonly RunningTimer[];
  nowT: number;
  y: (t: number) => number;
  layout: Layout;
  labels: DiagramLabels;
}) {
  const lane = { client: 0, server: 0 };
  return (
    <g className="dg-timers">
      {timers.map((timer) => {
        const side = timer.who;
        const i = lane[side]++;
        const out = layout.out[side];
        const x = layout.x[side] + out * (6 + i * 7);
        const y0 = y(timer.setAt);
        const y1 = Math.max(y0 + 4, y(timer.due));
        const yNow = Math.min(y1, Math.max(y0, y(nowT)));
        const name = labels.timers[timer.timer];
        const [first, ...rest] = name.split(' (');
        const lines = rest.length ? [first ?? name, `(${rest.join(' (')}`] : [name];
        const due = interpolate(labels.due, { time: labels.duration(timer.due) });
        // Narrow screens have no room outside the lifelines: the name goes on the inner side.
        const side_ = layout.narrow ? -out : out;
        const tx = layout.x[side] + side_ * 17;
        const anchor = side_ < 0 ? 'end' : 'start';
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
            {/* Named at its due end, where nothing else is drawn until it fires. */}
            <text
              className="dg-timer-label"
              x={tx}
              y={
                breakYs.some((b) => b > y1 - 50 && b < y1 + 10)
                  ? y0 + 24
                  : y1 - 6 - lines.length * 11
              }
              textAnchor={anchor}
            >
              {lines.map((line, k) => (
                <tspan key={k} x={tx} dy={k === 0 ? 0 : 11}>
                  {line}
                </tspan>
              ))}
              <tspan className="dg-timer-due-label" x={tx} dy={11}>
                {due}
              </tspan>
            </text>
          </g>
        );
      })}
    </g>
  );
});
