// How the lab mounts an optional part (parts.ts): once its code is in, nothing in its place
// before, and in a boundary of its own, so that a part that fails (its chunk, its render) says so
// in its place while the rest of the lab goes on stepping.

import { Suspense, type ComponentType, type ReactNode } from 'react';
import { PanelBoundary } from './ErrorBoundary';

/** `Part` where it may be shown (`when`); nothing for a part the lab was not given. */
export function late(Part: ComponentType | null | undefined, when = true): ReactNode {
  return Part && when ? (
    <PanelBoundary>
      <Suspense fallback={null}>
        <Part />
      </Suspense>
    </PanelBoundary>
  ) : null;
}
