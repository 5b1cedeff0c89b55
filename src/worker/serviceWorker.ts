// The service worker: after one visit, the lab works without a network (a classroom whose Wi-Fi
// drops keeps its lesson). Built by vite-plugin-pwa (`injectManifest`), which writes the list of
// the build's files into `self.__WB_MANIFEST`.
//
// - The app (HTML, scripts, styles, lessons: the lessons are in the scripts) and the export's Latin
//   fonts are precached on the first visit; the Chinese font's ~200 subset files (7 MB, only for
//   exports) are kept as they are first used.
// - A page is asked of the network first, so an update shows on the next load and never a stale
//   page; without a network (or after 4 s), the cached page is used.
// - A new version takes over at once (skipWaiting, clients.claim); the old version's files are
//   removed.
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

/** The few service-worker globals this file uses (the program's lib is the DOM's, not WebWorker's). */
interface ServiceWorkerSelf {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: 'activate',
    listener: (event: { waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
}
declare const self: ServiceWorkerSelf;

void self.skipWaiting();
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

const pages = new NetworkFirst({ cacheName: 'handshake-lab-pages', networkTimeoutSeconds: 4 });
registerRoute(
  new NavigationRoute(async (options) => {
    try {
      return await pages.handle(options);
    } catch {
      // Offline and this address never cached: the page itself reads its query (`?lesson=…`).
      const page = await matchPrecache('index.html');
      return page ?? Response.error();
    }
  }),
);

registerRoute(
  ({ url }) => /\/noto-sans-sc-[^/]*\.woff2$/.test(url.pathname),
  new CacheFirst({
    cacheName: 'handshake-lab-fonts-sc',
    plugins: [new ExpirationPlugin({ maxEntries: 250 })],
  }),
);
