// RFC 9293's Figure 5 as an SVG: each side's current state highlighted in its colour (both colours
// when they share one), and the arrow of each side's last transition lit. The server's listening
// socket, a socket of its own, is marked too (a dashed outline and a "listener" tag on its state,
// its last transition dashed). Transitions the figure does not draw (resets to CLOSED, aborts) only
// move the highlight. Layout: ./figure.ts.

import { memo, useId, useMemo } from 'react';
import type { Side, SocketOwner, TcpState } from '../../engine/types';
import { useNamespace, useT } from '../../i18n';
import {
  DIAGRAM_EDGES,
  DIAGRAM_HEIGHT,
  DIAGRAM_NODES,
  DIAGRAM_WIDTH,
  NODE_HEIGHT,
  NODE_WIDTH,
  pathOf,
  type DiagramEdge,
} from './figure';
import './StateMachinePanel.css';

export interface Transition {
  from: TcpState;
  to: TcpState;
}

export interface StateMachinePanelProps {
  client: TcpState;
  server: TcpState;
  /** The server's listening socket, or null (left out) where the run does not tell it. */
  listener?: TcpState | null;
  lastTransition: Record<Side, Transition | null> & { listener?: Transition | null };
}

type Lit = 'client' | 'server' | 'both' | 'listener';

function litBy(
  edge: DiagramEdge,
  last: StateMachinePanelProps['lastTransition'],
  withListener: boolean,
): Lit | null {
  const is = (t: Transition | null | undefined) => t?.from === edge.from && t.to === edge.to;
  const c = is(last.client);
  const s = is(last.server);
  if (c && s) return 'both';
  if (c) return 'client';
  if (s) return 'server';
  return withListener && is(last.listener) ? 'listener' : null;
}

export function StateMachinePanel({
  client,
  server,
  listener = null,
  lastTransition,
}: StateMachinePanelProps) {
  const t = useT();
  // Marker ids must be valid in url(#…): keep letters, digits, - and _.
  const uid = `sm${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const titleId = `${uid}-title`;
  const headingId = `${uid}-heading`;
  // The panel's words (state names included) are a lazy namespace: until they are in, a placeholder
  // rather than an unlabelled figure.
  const ready = useNamespace('stateMachine');
  if (!ready) return <div className="panel placeholder" aria-hidden="true" />;
  const stateName = (s: TcpState) => t(`stateMachine.states.${s}.name`);
  const at: Record<Side, TcpState> = { client, server };
  const clientLabel = t('ui.sides.client');
  const serverLabel = t('ui.sides.server');

  const listenerLabel = t('ui.sides.listener');
  const withListener = listener !== null;
  const edges = DIAGRAM_EDGES.map((edge) => ({
    edge,
    lit: litBy(edge, lastTransition, withListener),
  }));
  const legend: SocketOwner[] = withListener
    ? ['client', 'server', 'listener']
    : ['client', 'server'];
  const stateOf: Record<SocketOwner, TcpState> = { client, server, listener: listener ?? 'CLOSED' };
  // Lit arrows last, so they are drawn over the others.
  edges.sort((a, b) => Number(a.lit !== null) - Number(b.lit !== null));

  return (
    <section className="state-machine" data-testid="state-machine" aria-labelledby={headingId}>
      <h2 id={headingId} className="state-machine__heading">
        {t('stateMachine.title')}{' '}
        <span className="state-machine__subtitle">{t('stateMachine.subtitle')}</span>
      </h2>
      <svg
        className="state-machine__svg"
        viewBox={`0 0 ${DIAGRAM_WIDTH} ${DIAGRAM_HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMidYMin meet"
      >
        <title id={titleId}>
          {t('stateMachine.diagramAria', {
            client: stateName(client),
            server: stateName(server),
          })}
          {listener !== null &&
            ` ${t('stateMachine.listenerAria', { listener: stateName(listener) })}`}
        </title>
        <defs>
          {(['plain', 'client', 'server'] as const).map((kind) => (
            <marker
              key={kind}
              id={`${uid}-arrow-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth={kind === 'plain' ? 7 : 4}
              markerHeight={kind === 'plain' ? 7 : 4}
              orient="auto-start-reverse"
            >
              <path d="M0 0 L10 5 L0 10 z" className={`sm-arrowhead sm-arrowhead--${kind}`} />
            </marker>
          ))}
        </defs>

        <g className="sm-edges">
          {edges.map(({ edge, lit }) => (
            <Edge key={edge.id} edge={edge} lit={lit} uid={uid} />
          ))}
        </g>

        <g className="sm-nodes">
          {DIAGRAM_NODES.map((node) => {
            const sides = (['client', 'server'] as const).filter((side) => at[side] === node.state);
            const who: Lit | null =
              sides.length === 2 ? 'both' : sides.length === 1 ? sides[0]! : null;
            return (
              <Node
                key={node.state}
                node={node}
                who={who}
                name={stateName(node.state)}
                clientLabel={who === 'client' || who === 'both' ? clientLabel : null}
                serverLabel={who === 'server' || who === 'both' ? serverLabel : null}
                listenerLabel={listener === node.state ? listenerLabel : null}
              />
            );
          })}
        </g>
      </svg>

      <ul className="state-machine__legend" aria-label={t('stateMachine.legend.title')}>
        {legend.map((side) => {
          const last = lastTransition[side] ?? null;
          return (
            <li key={side} className={`sm-legend sm-legend--${side}`} data-side={side}>
              <span className="sm-legend__swatch" aria-hidden="true" />
              <span className="sm-legend__text">
                <strong>
                  {t('ui.diagram.stateBadge', {
                    side: t(`ui.sides.${side}`),
                    state: stateName(stateOf[side]),
                  })}
                </strong>
                {side === 'listener' && (
                  <span className="sm-legend__note">{t('stateMachine.legend.listener')}</span>
                )}
                <span className="sm-legend__last">
                  {last
                    ? `${t('stateMachine.lastTransition')}: ${stateName(last.from)} → ${stateName(last.to)}`
                    : t('stateMachine.noTransition')}
                </span>
              </span>
            </li>
          );
        })}
        <li className="sm-legend sm-legend--edge">
          <span className="sm-legend__swatch" aria-hidden="true" />
          <span className="sm-legend__text">{t('stateMachine.legend.edge')}</span>
        </li>
      </ul>
    </section>
  );
}

/**
 * One arrow of the figure. Memoized: a step that lights or unlights it re-renders it alone (its
 * path and words never change).
 */
const Edge = memo(function Edge({
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
      className={`sm-edge${lit ? ` sm-edge--lit sm-edge--${lit}` : ''}${edge.note ? ' sm-edge--note' : ''}`}
      data-edge={edge.id}
      data-from={edge.from}
      data-to={edge.to}
      data-lit={lit ?? undefined}
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
const Node = memo(function Node({
  node,
  who,
  name,
  clientLabel,
  serverLabel,
  listenerLabel,
}: {
  node: (typeof DIAGRAM_NODES)[number];
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
      {clientLabel !== null && <SideTag side="client" label={clientLabel} x={x} y={y} />}
      {serverLabel !== null && (
        <SideTag side="server" label={serverLabel} x={x + NODE_WIDTH} y={y} />
      )}
      {listenerLabel !== null && (
        <SideTag side="listener" label={listenerLabel} x={x + NODE_WIDTH} y={y + NODE_HEIGHT} />
      )}
    </g>
  );
});

/**
 * A small pill on a box's corner naming the socket in this state: the client's top left, the
 * server's top right, the listener's bottom right.
 */
function SideTag({
  side,
  label,
  x,
  y,
}: {
  side: SocketOwner;
  label: string;
  x: number;
  y: number;
}) {
  const width = Math.max(34, textWidth(label) + 14);
  const left = side === 'client' ? x + 6 : x - 6 - width;
  return (
    <g className={`sm-tag sm-tag--${side}`} aria-hidden="true">
      <rect x={left} y={y - 10} width={width} height={18} rx={9} className="sm-tag__pill" />
      <text x={left + width / 2} y={y + 3.5} textAnchor="middle" className="sm-tag__text">
        {label}
      </text>
    </g>
  );
}

/** A rough width of an 11-unit bold label: wide (CJK) characters count about twice a Latin letter. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e80 ? 11.5 : 6.8;
  return w;
}
