// Offline after the first visit: the page registers its service worker (src/worker/serviceWorker.ts,
// which precaches the site) once its first diagram is on screen and the page has loaded, so that
// precaching never competes with the first picture. Only the built site has a service worker.
import type { LabStore } from '../ui/store/labStore';
import { afterFirstDiagram } from './afterFirstDiagram';

export function registerOfflineWhenShown(store: LabStore): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // The lab works without it (a private window, a browser that refuses it): only say so.
  const onlineOnly = (error: unknown) =>
    console.info('Handshake Lab works online only here:', error);
  afterFirstDiagram(store, () => {
    try {
      // Beside the site's index.html, wherever the page is (a lesson's entry is two folders down).
      navigator.serviceWorker
        .register(new URL('../serviceWorker.js', import.meta.url))
        .catch(onlineOnly);
    } catch (error) {
      // A frame sandboxed without allow-same-origin may not even read navigator.serviceWorker.
      onlineOnly(error);
    }
  });
}
