/** Loads the demo records (src/core/demo) into an empty database as server records, each at revision 1. */
import { randomUUID } from 'node:crypto';
import { generateDemoData } from '../../core/demo/generate';
import { entitySchemas } from '../../core/schemas';
import { WHOLE_RECORD } from '../../core/sync/path';
import type { StoreTx } from '../store/store';

/**
 * Inserts every demo record at rev 1 with its own change number, a whole-record write mark (no installation: any device's
 * edit made without having seen the record conflicts) and an entry in the applied-op log, so the audit trail and the
 * rev-equals-ops invariant hold for seeded records too. Call inside a transaction; returns how many records it wrote.
 * Throws when a demo record does not pass its entity's schema — demo data must be data the app itself could write.
 */
export async function seedDemoRecords(tx: StoreTx, now: Date): Promise<number> {
  const { records } = generateDemoData();
  const at = now.toISOString();
  for (const r of records) {
    const parsed = entitySchemas[r.entity].safeParse(r.data);
    if (!parsed.success) {
      throw new Error(`Demo record ${r.entity}/${r.id} does not pass its schema: ${JSON.stringify(parsed.error.issues)}`);
    }
    const data = parsed.data as Record<string, unknown>;
    const opId = randomUUID();
    await tx.writeRecord({ entity: r.entity, id: r.id, rev: 1, dataJson: JSON.stringify(data), deleted: false, at: r.updatedAt, userId: r.updatedBy, opId });
    await tx.markPathWrites(r.entity, r.id, [WHOLE_RECORD], 1, null, r.updatedBy, r.updatedAt);
    await tx.logOp({
      opId,
      clientId: null,
      userId: r.updatedBy,
      entity: r.entity,
      id: r.id,
      baseRev: 0,
      opJson: JSON.stringify({ opId, entity: r.entity, id: r.id, baseRev: 0, set: data, demo: true }),
      status: 'applied',
      rev: 1,
      resultJson: JSON.stringify({ opId, status: 'applied', rev: 1 }),
      at,
    });
  }
  return records.length;
}
