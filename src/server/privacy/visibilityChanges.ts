/**
 * Turns changes in who may see a record into entries of the change feed, so the next pull of every device re-decides
 * them (and sends them as deleted where they are no longer readable). Two causes: a household's consent or counsellors
 * (or a plan's coordinator) changed, which changes who sees its visits, tasks and checklists; and a consent that ran out
 * with nobody writing anything.
 */
import type { EntityName } from '../../core/entities';
import { norwegianDate } from '../../core/privacy/consentState';
import type { Db } from '../db';

type Data = Record<string, unknown> | null;

/** Gives a record a new change number without a new revision: its content is the same, who may see it is not. */
export function touch(db: Db, entity: string, id: string, at: string): void {
  const row = db.prepare('SELECT rev FROM records WHERE entity = ? AND id = ?').get(entity, id) as { rev: number } | undefined;
  if (!row) return;
  const seq = Number(db.prepare('INSERT INTO changes (entity, id, rev, op_id, at) VALUES (?, ?, ?, NULL, ?)').run(entity, id, row.rev, at).lastInsertRowid);
  db.prepare('UPDATE records SET seq = ? WHERE entity = ? AND id = ?').run(seq, entity, id);
}

function touchHouseholdRecords(db: Db, householdId: string, at: string): number {
  const linked = db
    .prepare(`SELECT entity, id FROM records WHERE entity IN ('visit', 'task', 'inspection') AND json_extract(data, '$.householdId') = ?`)
    .all(householdId) as { entity: string; id: string }[];
  for (const r of linked) touch(db, r.entity, r.id, at);
  return linked.length;
}

function touchPlanRecords(db: Db, planId: string, at: string): number {
  const linked = db
    .prepare(`SELECT entity, id FROM records WHERE entity = 'inspection' AND json_extract(data, '$.planId') = ?`)
    .all(planId) as { entity: string; id: string }[];
  for (const r of linked) touch(db, r.entity, r.id, at);
  return linked.length;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * After a household or plan was written (`after` null: deleted): when that changed who may see the records that point
 * to it, puts those records in the change feed again. Call inside the write's transaction. Returns how many it touched.
 */
export function touchRecordsOf(db: Db, entity: EntityName, id: string, before: Data, after: Data, at: string): number {
  if (entity === 'household') {
    const unchanged = before && after && same(before.consent, after.consent) && same(before.counsellorIds, after.counsellorIds);
    return unchanged ? 0 : touchHouseholdRecords(db, id, at);
  }
  if (entity === 'plan') {
    const unchanged = before && after && same(before.coordinatorId, after.coordinatorId);
    return unchanged ? 0 : touchPlanRecords(db, id, at);
  }
  return 0;
}

/**
 * Puts every household whose consent expired since the last call (and its visits, tasks and checklists) in the
 * change feed, once per expiry date. Called at the start of each pull, so sharing stops at the next sync after the
 * expiry day even when nobody edits the household. Returns the households it found.
 */
export function touchExpiredConsents(db: Db, now: Date): string[] {
  const today = norwegianDate(now);
  const at = now.toISOString();
  return db.transaction(() => {
    const due = db
      .prepare(
        `SELECT r.id, json_extract(r.data, '$.consent.expiresAt') AS expires
         FROM records r LEFT JOIN consent_expiry_handled h ON h.household_id = r.id
         WHERE r.entity = 'household' AND r.deleted = 0
           AND json_extract(r.data, '$.consent.expiresAt') < ?
           AND (h.expires_at IS NULL OR h.expires_at <> json_extract(r.data, '$.consent.expiresAt'))`,
      )
      .all(today) as { id: string; expires: string }[];
    const handled = db.prepare(
      'INSERT INTO consent_expiry_handled (household_id, expires_at) VALUES (?, ?) ON CONFLICT (household_id) DO UPDATE SET expires_at = excluded.expires_at',
    );
    for (const h of due) {
      touch(db, 'household', h.id, at);
      touchHouseholdRecords(db, h.id, at);
      handled.run(h.id, h.expires);
    }
    return due.map((h) => h.id);
  }).immediate();
}
