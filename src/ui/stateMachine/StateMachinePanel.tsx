// RFC 9293's Figure 5 as an SVG: each side's current state highlighted in its colour (both colours
// when they share one), and the arrow of each side's last transition lit. The server's listening
// socket, a socket of its own, is marked too (a dashed outline and a "listener" tag on its state,
// its last transition dashed). The arrow lit is the one of the change's cause (its engine rule,
// causes.ts); a change whose cause the figure does not draw (a timeout giving up, an abort) lights
// nothing and is named in a note under the figure (OffFigureNotes.tsx). Layout: ./figure.ts.

import { useId } from 'react';
import type { Side, SocketOwner, TcpState } from '../../engine/types';
import { useNamespace, useT } from '../../i18n';
import { edgeOf, type Caused } from './causes';
import {
  DIAGRAM_EDGES,
  DIAGRAM_HEIGHT,
  DIAGRAM_NODES,
  DIAGRAM_WIDTH,
  type DiagramEdge,
} from './figure';
import { Edge, Node, type Lit } from './FigureParts';
import { OffFigureNotes } from './OffFigureNotes';
import './StateMachinePanel.css';

/** A socket's last state change and, where known, the engine rule that made it. */
export type Transition = Caused;

export interface StateMachinePanelProps {
  client: TcpState;
  server: TcpState;
  /** The server's listening socket, or null (left out) where the run does not tell it. */
  listener?: TcpState | null;
  lastTransition: Record<Side, Transition | null> & { listener?: Transition | null };
}

function litBy(
  edge: DiagramEdge,
  last: StateMachinePanelProps['lastTransition'],
  withListener: boolean,
): Lit | null {
  const is = (t: Transition | null | undefined) => t != null && edgeOf(t) === edge;
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

      <OffFigureNotes lastTransition={lastTransition} withListener={withListener} />

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
        <li className="sm-legend sm-legend--extra">
          <span className="sm-legend__swatch" aria-hidden="true" />
          <span className="sm-legend__text">{t('stateMachine.legend.notInFigure')}</span>
        </li>
      </ul>
    </section>
  );
}
