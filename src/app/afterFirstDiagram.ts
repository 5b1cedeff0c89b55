// Work that must never compete with the page's first diagram (the service worker's precaching,
// the engine worker's start when the HTML brought the first run) waits for it here.
import type { LabStore } from '../ui/store/labStore';

/** Calls `then` once the store shows a run, the frame with it is painted and the page has loaded. */
export function afterFirstDiagram(store: LabStore, then: () => void): void {
  const afterLoad = () => {
    if (document.readyState === 'complete') then();
    else window.addEventListener('load', then, { once: true });
  };
  if (store.getState().run) {
    afterLoad();
    return;
  }
  const unsubscribe = store.subscribe((state) => {
    if (!state.run) return;
    unsubscribe();
    // The frame with the first diagram first.
    requestAnimationFrame(() => setTimeout(afterLoad, 0));
  });
}
