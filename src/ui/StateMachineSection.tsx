// The state-machine panel fed from the shown step. The SVG panel itself is loaded lazily: it is not
// needed to draw the first diagram.

import { lazy, Suspense } from 'react';
import { useLab } from './store/context';
import { selectView } from './store/selectors';

const StateMachinePanel = lazy(() =>
  import('./StateMachinePanel').then((m) => ({ default: m.StateMachinePanel })),
);

export function StateMachineSection() {
  const view = useLab(selectView);
  return (
    <Suspense fallback={<div className="panel placeholder" aria-hidden="true" />}>
      <StateMachinePanel
        client={view?.states.client ?? 'CLOSED'}
        server={view?.states.server ?? 'CLOSED'}
        lastTransition={view?.lastTransition ?? { client: null, server: null }}
      />
    </Suspense>
  );
}
