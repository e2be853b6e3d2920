/** What a person can do with a conflict or a refused op; every choice that changes data becomes a new op. */
import type { ConflictEntry, EgnetDb, RejectedOp } from '../store/db';
import { deviceDb } from '../store/deviceDb';
import { recordChange } from '../store/repo';

/**
 * Settles one conflicting path. "mine" writes my value as a new op on the server version now on the device (it then
 * applies, unless someone changed the path again meanwhile — which shows as a new conflict). "server" keeps the
 * server's value, which the record already shows, so nothing is written.
 */
export async function resolveConflict(entry: ConflictEntry, choice: 'mine' | 'server', db: EgnetDb = deviceDb()): Promise<void> {
  await db.transaction('rw', [db.records, db.outbox, db.conflicts], async () => {
    if (choice === 'mine') await recordChange(db, entry.entity, entry.id, { set: { [entry.path]: entry.mine } });
    await db.conflicts.delete([entry.opId, entry.path]);
  });
}

/** Queues a refused op again as a new op (new id, current revision) — after the person fixed what was wrong. */
export async function retryRejected(entry: RejectedOp, db: EgnetDb = deviceDb()): Promise<void> {
  await db.transaction('rw', [db.records, db.outbox, db.rejected], async () => {
    const change = entry.op.delete ? ({ delete: true } as const) : { set: entry.op.set ?? {} };
    if ('delete' in change && !(await db.records.get([entry.entity, entry.id]))) {
      await db.rejected.delete(entry.opId);
      return;
    }
    await recordChange(db, entry.entity, entry.id, change);
    await db.rejected.delete(entry.opId);
  });
}

/** Drops a refused op for good (the person chose so; the export keeps a copy if they made one). */
export async function discardRejected(entry: RejectedOp, db: EgnetDb = deviceDb()): Promise<void> {
  await db.rejected.delete(entry.opId);
}
