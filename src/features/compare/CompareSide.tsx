// One side of the comparison: its whole run drawn still with the lab's diagram, a caption, and a
// line read from the run itself saying whether the server's application got a connection.

import { useMemo } from 'react';
import type { Side } from '../../engine/types';
import { ENDPOINT_ADDRESSES } from '../../engine/addresses';
import { DEFAULT_PORTS } from '../../engine/defaults';
import { useT } from '../../i18n';
import { Diagram } from '../../ui/diagram';
import { useDiagramLabels } from '../../ui/diagram/useDiagramLabels';
import type { CompareVariant } from './scenarios';
import { serverFate } from './summary';
import type { ShownRun } from './WhyThreeCompare';

const WORDS = {
  'two-way': { title: 'ui.compare.twoWay', caption: 'ui.compare.twoWayCaption' },
  'three-way': { title: 'ui.compare.threeWay', caption: 'ui.compare.threeWayCaption' },
} as const;

export function CompareSide({ variant, shown }: { variant: CompareVariant; shown: ShownRun }) {
  const t = useT();
  const labels = useDiagramLabels();
  const { run, derived } = shown;
  const fate = useMemo(() => serverFate(run), [run]);
  const view = useMemo(() => derived.viewAt(derived.steps.length), [derived]);
  const endpoints = useMemo(() => {
    const label = (side: Side) =>
      `${ENDPOINT_ADDRESSES[side]}:${run.scenario[side]?.port ?? DEFAULT_PORTS[side]}`;
    return { client: { label: label('client') }, server: { label: label('server') } };
  }, [run]);
  const words = WORDS[variant];

  return (
    <figure
      className="compare-side"
      data-testid="compare-side"
      data-variant={variant}
      data-server-states={fate.states.join(' ')}
      data-accepted={String(fate.accepted)}
      data-reset={String(fate.reset)}
    >
      <figcaption>
        <h4>{t(words.title)}</h4>
        <p>{t(words.caption)}</p>
        <p
          className={
            fate.accepted ? 'compare-side__fate compare-side__fate--bad' : 'compare-side__fate'
          }
          data-testid="compare-fate"
        >
          {fate.accepted ? t('ui.compare.accepted') : t('ui.compare.notAccepted')}{' '}
          <span className="compare-side__states">{fate.states.join(' → ')}</span>
        </p>
      </figcaption>
      <Diagram
        segments={derived.segments}
        view={view}
        axis={derived.axis}
        stateChanges={derived.stateChanges}
        endpoints={endpoints}
        labels={labels}
        reducedMotion
        initialWidth={420}
      />
    </figure>
  );
}
