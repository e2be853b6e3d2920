/** Log-out on a shared device: refused while changes are not on the server; once allowed, this user's data is wiped. */
import { addLogoutCleanup, addLogoutGuard } from '../logout';
import type { EgnetDb } from '../store/db';
import { deviceDb } from '../store/deviceDb';
import { stopSyncEngine } from './engine';
import { SYNC_TEXT } from './text';

let installed = false;

/**
 * Installs the guard (waiting or refused changes and unsettled conflicts — all hold values the server does not have —
 * block log-out, with the count and what to do) and the cleanup (stop sync, then clear records, photos and the cursor;
 * the installation id stays). Idempotent.
 */
export function installSyncLogoutRules(db: () => EgnetDb = deviceDb): void {
  if (installed) return;
  installed = true;
  addLogoutGuard(async () => {
    const d = db();
    const n = (await d.outbox.count()) + (await d.rejected.count()) + (await d.conflicts.count());
    if (n === 0) return null;
    const text = SYNC_TEXT.logoutUnsynced;
    return { reason: { nb: text.nb.replace('{n}', String(n)), en: text.en.replace('{n}', String(n)) } };
  });
  addLogoutCleanup(async () => {
    stopSyncEngine();
    const d = db();
    await d.transaction('rw', [d.records, d.photos, d.conflicts, d.meta, d.outbox, d.rejected], async () => {
      // Checked again inside the transaction: a change saved between the guard and now is never wiped.
      if ((await d.outbox.count()) + (await d.rejected.count()) + (await d.conflicts.count()) > 0) return;
      await Promise.all([d.records.clear(), d.photos.clear()]);
      await d.meta.bulkDelete(['cursor', 'lastSync', 'lastError']);
    });
  });
}
