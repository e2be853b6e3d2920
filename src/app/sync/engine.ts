/** The app's sync engine: one SyncClient on the device database, run by the scheduler from browser events. */
import { getSession, markSessionExpired, onSessionChange } from '../session';
import { deviceDb } from '../store/deviceDb';
import { onLocalChange } from '../store/localChange';
import { SyncClient, type SyncOutcome } from './syncClient';
import { SyncScheduler } from './syncScheduler';

/** The running engine: "Sync now" and stop. */
export type SyncEngine = { syncNow: () => Promise<SyncOutcome | null>; stop: () => void };

let engine: SyncEngine | null = null;

/** Registers Background Sync (Chromium) so the service worker can wake the app later; harmless where absent. */
function registerBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((reg) => (reg as ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }).sync?.register('egnet-sync'))
    .catch(() => undefined);
}

/** Starts the engine once per page (later calls return the same one). */
export function syncEngine(): SyncEngine {
  if (engine) return engine;
  const db = deviceDb();
  const client = new SyncClient({
    db,
    // No sync with a temporary password: the server refuses it until the person has chosen their own.
    getToken: () => {
      const s = getSession();
      return s && !s.expired && !s.user.mustChangePassword ? s.token : null;
    },
    onUnauthorized: markSessionExpired,
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null,
  });
  const scheduler = new SyncScheduler({
    run: () => client.sync(),
    hasPending: async () => (await db.outbox.count()) > 0,
    isVisible: () => document.visibilityState === 'visible',
    onOutcome: (o) => {
      if (!o.ok && o.code !== 'unauthorized' && o.code !== 'signed_out' && o.code !== 'password_change') registerBackgroundSync();
    },
  });
  const onOnline = () => void scheduler.trigger('online');
  const onVisible = () => {
    if (document.visibilityState === 'visible') void scheduler.trigger('visible');
  };
  const onWorker = (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type === 'egnet-sync') void scheduler.trigger('worker');
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  navigator.serviceWorker?.addEventListener('message', onWorker);
  const offChange = onLocalChange(() => void scheduler.trigger('change'));
  const offSession = onSessionChange((s) => {
    if (s && !s.expired && !s.user.mustChangePassword) void scheduler.trigger('session');
  });
  scheduler.start();
  engine = {
    syncNow: () => scheduler.trigger('manual'),
    stop: () => {
      scheduler.stop();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onWorker);
      offChange();
      offSession();
      engine = null;
    },
  };
  return engine;
}

/** Stops the engine if it runs (log-out). */
export function stopSyncEngine(): void {
  engine?.stop();
}
