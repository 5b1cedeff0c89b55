// One store per widget, handed down through React context (as xyflow does), so components read
// their own widget's state with `useLab(selector)`.

import { createContext, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { LabState, LabStore } from './labStore';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

/** The widget's store itself, for actions and effects that must not re-render on changes. */
export function useLabStoreApi(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('a lab component was rendered outside <LabStoreProvider>');
  return store;
}

/**
 * A slice of the widget's state. Pass a selector defined at module level (see selectors.ts); wrap
 * selectors that build objects in `useShallow`.
 */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStoreApi(), selector);
}

/** A slice of the widget's state, or undefined outside a widget (tests, exports, harnesses). */
export function useOptionalLab<T>(selector: (state: LabState) => T): T | undefined {
  const store = useContext(LabStoreContext) as StoreApi<LabState | undefined> | null;
  // The hook is always called, on an empty store when there is none, to keep the hooks' order.
  return useStore(store ?? EMPTY, (s: LabState | undefined) => (s ? selector(s) : undefined));
}

const EMPTY = createStore<LabState | undefined>(() => undefined);
