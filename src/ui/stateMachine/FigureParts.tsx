// The figure's pieces: an arrow, a state's box and the pill naming a socket in it. Each is
// memoized, so a step that lights or unlights one re-renders it alone.
import { memo, useMemo } from 'react';
import type { SocketOwner } from '../../engine/types';
import { NODE_HEIGHT, NODE_WIDTH, pathOf, type DiagramEdge, type DiagramNode } from './figure';
import { tagBox } from './tags';

export type Lit = 'client' | 'server' | 'both' | 'listener';

/**
 * One arrow of the figure. Memoized: a step that lights or unlights it re-renders it alone (its
 * path and words never change).
 */
export const Edge = memo(function Edge({
  edge,
  lit,
  uid,
}: {
  edge: DiagramEdge;
  lit: Lit | null;
  uid: string;
}) {
  const d = useMemo(() => pathOf(edge.points), [edge.points]);
  const marker =
    lit === null ? 'plain' : lit === 'server' || lit === 'listener' ? 'server' : 'client';
  return (
    <g
      className={`sm-edge${lit ? ` sm-edge--lit sm-edge--${lit}` : ''}${edge.note ? ' sm-edge--note' : ''}${edge.notInFigure ? ' sm-edge--extra' : ''}`}
      data-edge={edge.id}
      data-from={edge.from}
      data-to={edge.to}
      data-lit={lit ?? undefined}
      data-not-in-figure={edge.notInFigure}
    >
      <path d={d} className="sm-edge__line" markerEnd={`url(#${uid}-arrow-${marker})`} />
      {lit === 'both' && <path d={d} className="sm-edge__line sm-edge__line--inner" />}
      <text
        className="sm-edge__label"
        x={edge.label.x}
        y={edge.label.y}
        textAnchor={edge.label.anchor}
      >
        <tspan className="sm-edge__event">{edge.event}</tspan>
        {edge.action && (
          <tspan
            className="sm-edge__action"
            x={edge.label.x}
            dy={edge.label.below ? '1.6em' : '1.1em'}
          >
            {edge.action}
          </tspan>
        )}
      </text>
    </g>
  );
});

/** One state's box, with a tag for each side (and the listener) in it. Memoized like the arrows. */
export const Node = memo(function Node({
  node,
  who,
  name,
  clientLabel,
  serverLabel,
  listenerLabel,
}: {
  node: DiagramNode;
  who: Lit | null;
  name: string;
  clientLabel: string | null;
  serverLabel: string | null;
  listenerLabel: string | null;
}) {
  const x = node.x - NODE_WIDTH / 2;
  const y = node.y - NODE_HEIGHT / 2;
  const listening = listenerLabel !== null;
  return (
    <g
      className={`sm-node${who ? ` sm-node--current sm-node--${who}` : ''}${listening ? ' sm-node--listener' : ''}`}
      data-state={node.state}
      data-current={who ?? undefined}
      data-listener={listening ? 'true' : undefined}
      aria-current={who || listening ? 'true' : undefined}
    >
      <rect className="sm-node__box" x={x} y={y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
      {who === 'both' && (
        <rect
          className="sm-node__inner"
          x={x + 4}
          y={y + 4}
          width={NODE_WIDTH - 8}
          height={NODE_HEIGHT - 8}
          rx={5}
        />
      )}
      <text className="sm-node__name" x={node.x} y={node.y + 5} textAnchor="middle">
        {name}
      </text>
      {clientLabel !== null && <SideTag side="client" label={clientLabel} node={node} />}
      {serverLabel !== null && <SideTag side="server" label={serverLabel} node={node} />}
      {listenerLabel !== null && <SideTag side="listener" label={listenerLabel} node={node} />}
    </g>
  );
});

/** A small pill on a box's corner naming the socket in this state (placed by tags.ts). */
function SideTag({ side, label, node }: { side: SocketOwner; label: string; node: DiagramNode }) {
  const box = tagBox(side, label, node);
  return (
    <g className={`sm-tag sm-tag--${side}`} aria-hidden="true">
      <rect
        x={box.x}
        y={box.y}
        width={box.width}
        height={box.height}
        rx={box.height / 2}
        className="sm-tag__pill"
      />
      <text
        x={box.x + box.width / 2}
        y={box.y + box.height / 2 + 4}
        textAnchor="middle"
        className="sm-tag__text"
      >
        {label}
      </text>
    </g>
  );
}
