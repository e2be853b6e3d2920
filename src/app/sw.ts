/** The service worker: precaches the app shell, answers navigations offline, and relays Background Sync. */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

type PrecacheEntry = { url: string; revision: string | null };
/** Background Sync's event; not in TypeScript's lib yet. */
type SyncEvent = ExtendableEvent & { tag: string };

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };

/** The Background Sync tag the app registers and the message it receives; the app also syncs without it. */
const SYNC_TAG = 'egnet-sync';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app address opens the precached shell, online or not; the API is never answered from the cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api(\/|$)/] }));

// A new version waits until the person presses "Update" (prompt mode): never switch under unsaved work.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes the open page at once, so it works offline without a reload.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  if (e.tag !== SYNC_TAG) return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: SYNC_TAG });
    }),
  );
});
