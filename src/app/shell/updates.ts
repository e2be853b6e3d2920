/** Registers the service worker and tracks whether a new app version is ready; prompt mode, never a reload by itself. */
import { Workbox } from 'workbox-window';

/** Where the app's version stands: nothing new, or a new version that waits for the person to accept it. */
export type UpdateState = 'current' | 'ready';

let wb: Workbox | null = null;
let state: UpdateState = 'current';
let accepted = false;
const listeners = new Set<(s: UpdateState) => void>();

function set(next: UpdateState): void {
  state = next;
  for (const l of listeners) l(next);
}

/** The current update state. */
export function getUpdateState(): UpdateState {
  return state;
}

/** Subscribes to update-state changes; returns the unsubscribe function. */
export function onUpdateState(fn: (s: UpdateState) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

/** Registers `/sw.js` (production builds only) and checks for a new version hourly and when the network returns. */
export function registerServiceWorker(): void {
  if (wb || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => set('ready'));
  // Another tab accepted the update: this page now runs under the new worker and should reload when the person agrees.
  wb.addEventListener('controlling', (e) => {
    if (e.isUpdate && !accepted) set('ready');
  });
  void wb.register().catch(() => {
    // Without a service worker the app still runs online; offline opening is what is lost.
  });
  const check = () => void wb?.update().catch(() => undefined);
  setInterval(check, 60 * 60 * 1000);
  window.addEventListener('online', check);
}

/** The person pressed "Update": let the waiting worker take over, then reload once it controls the page. */
export function applyUpdate(): void {
  accepted = true;
  if (!wb || !navigator.serviceWorker.controller) return location.reload();
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  wb.messageSkipWaiting();
  // Already switched by another tab: nothing is waiting, so no controllerchange will come.
  void navigator.serviceWorker.getRegistration().then((r) => {
    if (!r?.waiting) location.reload();
  });
}
