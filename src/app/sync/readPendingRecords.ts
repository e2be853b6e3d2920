/** What waits to be sent to the server, per record: how many changes, since when, and what the record is. */
import type { EntityName } from '../../core/entities';
import type { EgnetDb } from '../store/db';
import { labelRecords, recordKey, type RecordLabel } from './recordLabel';

/** One record with changes in the outbox. */
export type PendingRecord = { entity: EntityName; id: string; changes: number; since: string; deleted: boolean; label: RecordLabel };

/** The records with changes waiting, the one waiting longest first. */
export async function readPendingRecords(db: EgnetDb): Promise<PendingRecord[]> {
  const ops = await db.outbox.orderBy('seq').toArray();
  const byRecord = new Map<string, { entity: EntityName; id: string; changes: number; since: string; deleted: boolean }>();
  for (const op of ops) {
    const key = recordKey(op.entity, op.id);
    const seen = byRecord.get(key);
    if (seen) {
      seen.changes++;
      seen.deleted ||= op.delete === true;
    } else byRecord.set(key, { entity: op.entity, id: op.id, changes: 1, since: op.createdAt, deleted: op.delete === true });
  }
  const records = [...byRecord.values()];
  const labels = await labelRecords(db, records.map((r) => [r.entity, r.id] as const));
  return records.map((r) => ({ ...r, label: labels.get(recordKey(r.entity, r.id))! }));
}
