import { memo } from 'react';
import { interpolate } from '../../i18n';
import type { StateChange } from '../../lab/stateChanges';
import { ownerX, textWidth, type Layout } from './geometry';
import type { DiagramLabels } from './labels';
import { socketSpans } from './sockets';

/** The "new socket" words sit this far above the mark: clear of the SYN_RCVD pill beside it. */
export const NEW_SOCKET_LIFT = 13;

/**
 * The sockets over the lifelines: each connection's life as a bold stretch of its side's lifeline,
 * the server's listening socket as a thin dashed line at the edge of the server's lane for as
 * long as it listens, and, where the listener makes a connection's socket, a link from it to the
 * server's lifeline marked "new socket".
 */
export const Sockets = memo(function Sockets({
  changes,
  nowT,
  y,
  layout,
  labels,
}: {
  changes: readonly StateChange[];
  nowT: number;
  y: (t: number) => number;
  layout: Layout;
  labels: DiagramLabels;
}) {
  const spans = socketSpans(changes);
  const xs = layout.listener;
  const xServer = layout.x.server;
  return (
    <g className="dg-sockets">
      {spans.map((span) => {
        const x = ownerX(layout, span.who);
        const y0 = y(span.from);
        const y1 = Math.max(y0, y(span.to ?? nowT));
        if (span.who !== 'listener') {
          return (
            <line
              key={`${span.who}-${span.from}`}
              className={`dg-socket dg-socket--${span.who}`}
              x1={x}
              x2={x}
              y1={y0}
              y2={y1}
            />
          );
        }
        const name = labels.sides.listener;
        return (
          <g
            key={`listener-${span.from}`}
            className="dg-listener"
            role="img"
            aria-label={interpolate(labels.listenerLine, { from: labels.duration(span.from) })}
          >
            <line className="dg-listener-line" x1={x} x2={x} y1={y0} y2={y1} />
            <circle className="dg-listener-start" cx={x} cy={y0} r={3} />
            {span.to !== null && (
              <line className="dg-listener-end" x1={x - 5} x2={x + 5} y1={y1} y2={y1} />
            )}
            {/* Its name runs down the line, where it takes no room from anything else. */}
            {y1 - y0 > textWidth(name, 9) + 12 && (
              <text
                className="dg-listener-name"
                x={x - 9}
                y={y0 + 8}
                transform={`rotate(90 ${x - 9} ${y0 + 8})`}
              >
                {name}
              </text>
            )}
          </g>
        );
      })}
      {changes.map((change) => {
        if (!change.newSocket) return null;
        const cy = y(change.t);
        return (
          <g
            key={`new-${change.index}`}
            className="dg-newsock"
            data-testid="new-socket"
            role="img"
            aria-label={interpolate(labels.newSocketAria, { time: labels.duration(change.t) })}
          >
            <title>{interpolate(labels.newSocketAria, { time: labels.duration(change.t) })}</title>
            <line className="dg-newsock-link" x1={xs} x2={xServer + 4} y1={cy} y2={cy} />
            <circle className="dg-newsock-dot" cx={xServer} cy={cy} r={4} />
            {/* Narrow screens have no room beside the pills: the mark and its title say it. */}
            {!layout.narrow && (
              <text className="dg-newsock-label" x={xs - 5} y={cy - NEW_SOCKET_LIFT}>
                {labels.newSocket}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
});
