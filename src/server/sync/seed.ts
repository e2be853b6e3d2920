/** Loads the demo records (src/core/demo) into an empty database as server records, each at revision 1. */
import { randomUUID } from 'node:crypto';
import { generateDemoData } from '../../core/demo/generate';
import { entitySchemas } from '../../core/schemas';
import { WHOLE_RECORD } from '../../core/sync/path';
import type { Db } from '../db';

/**
 * Inserts every demo record at rev 1 with its own change number, a whole-record write mark (no installation: any device's
 * edit made without having seen the record conflicts) and an entry in the applied-op log, so the audit trail and the
 * rev-equals-ops invariant hold for seeded records too. One transaction; returns how many records it wrote.
 * Throws when a demo record does not pass its entity's schema — demo data must be data the app itself could write.
 */
export function seedDemoRecords(db: Db, now: Date): number {
  const { records } = generateDemoData();
  const at = now.toISOString();
  const change = db.prepare('INSERT INTO changes (entity, id, rev, op_id, at) VALUES (?, ?, 1, ?, ?)');
  const record = db.prepare(
    'INSERT INTO records (entity, id, rev, data, deleted, updated_at, updated_by, seq) VALUES (?, ?, 1, ?, 0, ?, ?, ?)',
  );
  const pathWrite = db.prepare('INSERT INTO path_writes (entity, id, path, rev, client_id, user_id, at) VALUES (?, ?, ?, 1, NULL, ?, ?)');
  const op = db.prepare(
    `INSERT INTO applied_ops (op_id, client_id, user_id, entity, id, base_rev, op, status, rev, result, at)
     VALUES (?, NULL, ?, ?, ?, 0, ?, 'applied', 1, ?, ?)`,
  );
  return db.transaction(() => {
    for (const r of records) {
      const parsed = entitySchemas[r.entity].safeParse(r.data);
      if (!parsed.success) {
        throw new Error(`Demo record ${r.entity}/${r.id} does not pass its schema: ${JSON.stringify(parsed.error.issues)}`);
      }
      const data = parsed.data as Record<string, unknown>;
      const opId = randomUUID();
      const seq = Number(change.run(r.entity, r.id, opId, r.updatedAt).lastInsertRowid);
      record.run(r.entity, r.id, JSON.stringify(data), r.updatedAt, r.updatedBy, seq);
      pathWrite.run(r.entity, r.id, WHOLE_RECORD, r.updatedBy, r.updatedAt);
      op.run(opId, r.updatedBy, r.entity, r.id, JSON.stringify({ opId, entity: r.entity, id: r.id, baseRev: 0, set: data, demo: true }), JSON.stringify({ opId, status: 'applied', rev: 1 }), at);
    }
    return records.length;
  })();
}
