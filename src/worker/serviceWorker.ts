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

// Pages first, before the precache's own route: a page is asked of the network first, so that a
// new version shows on the next load; the precached copy is for when there is no network.
const pages = new NetworkFirst({ cacheName: 'handshake-lab-pages', networkTimeoutSeconds: 4 });
registerRoute(
  new NavigationRoute(async (options) => {
    try {
      return await pages.handle(options);
    } catch {
      // Offline and this address never visited: its prerendered page (a lesson's own entry), or
      // the site's, which reads its query (`?lesson=…`) itself.
      const path = new URL(options.request.url).pathname;
      const lesson = /\/(lesson\/[a-z0-9-]+\/)(?:index\.html)?$/.exec(path)?.[1];
      const page =
        (lesson ? await matchPrecache(`${lesson}index.html`) : undefined) ??
        (await matchPrecache('index.html'));
      return page ?? Response.error();
    }
  }),
);

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  ({ url }) => /\/noto-sans-sc-[^/]*\.woff2$/.test(url.pathname),
  new CacheFirst({
    cacheName: 'handshake-lab-fonts-sc',
    plugins: [new ExpirationPlugin({ maxEntries: 250 })],
  }),
);
