/** The household access log: every read and write of household data — who, what, when, through which door. */
import { ENTITY_NAMES, type EntityName } from '../../core/entities';
import type { AuditEntry } from '../../core/privacy/auditEntry';
import { isPrivacyGoverned } from '../../core/privacy/recordAccess';
import type { Change, OpResult } from '../../core/sync/protocol';
import type { Db } from '../db';

/** Whose data a record is: a household's, or a young person's in a Foyer plan. */
export type AuditSubject = { type: 'household' | 'plan'; id: string };


/** One access to log. */
export type Access = {
  at: string;
  userId: string;
  action: AuditEntry['action'];
  via: AuditEntry['via'];
  entity: EntityName;
  recordId: string;
  /** The record's data as read or written (the subject is found in it). */
  data: Record<string, unknown>;
  fields: readonly string[];
};

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The household or plan a record's data belongs to; null for records that are nobody's (a dwelling, a general task). */
export function auditSubject(entity: EntityName, id: string, data: Record<string, unknown>): AuditSubject | null {
  if (!isPrivacyGoverned(entity, data)) return null;
  if (entity === 'household') return { type: 'household', id };
  if (entity === 'plan') return { type: 'plan', id };
  const householdId = text(data.householdId);
  if (householdId) return { type: 'household', id: householdId };
  const planId = text(data.planId);
  return planId ? { type: 'plan', id: planId } : null;
}

/**
 * Appends the accesses that concern household data (the rest are skipped) in one transaction — one flush for a whole
 * pull page, not one per line; returns how many lines were written.
 */
export function logAccesses(db: Db, accesses: readonly Access[]): number {
  const insert = db.prepare(`INSERT INTO household_audit (at, user_id, action, via, subject_type, subject_id, entity, record_id, fields)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return db.transaction(() => {
    let written = 0;
    for (const a of accesses) {
      const subject = auditSubject(a.entity, a.recordId, a.data);
      if (!subject) continue;
      insert.run(a.at, a.userId, a.action, a.via, subject.type, subject.id, a.entity, a.recordId, JSON.stringify([...a.fields].sort()));
      written++;
    }
    return written;
  })();
}

/** Logs what a pull handed out: one read per record of household data sent with content (not the deletions). */
export function logPulled(db: Db, userId: string, changes: readonly Change[], now: Date): number {
  const at = now.toISOString();
  return logAccesses(
    db,
    changes
      .filter((c) => !c.deleted)
      .map((c) => ({ at, userId, action: 'read' as const, via: 'pull' as const, entity: c.entity, recordId: c.id, data: c.data, fields: Object.keys(c.data) })),
  );
}

/**
 * Logs one push op that wrote household data (applied or conflict, with the paths it set). A refused op wrote nothing
 * and is kept, with its reason, in the sync op log. Called inside the push transaction, after the record was written.
 */
export function logPushed(db: Db, userId: string, entity: string, id: string, raw: Record<string, unknown>, result: OpResult, at: string): number {
  if (result.status !== 'applied' && result.status !== 'conflict') return 0;
  if (!(ENTITY_NAMES as readonly string[]).includes(entity)) return 0;
  const stored = db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').get(entity, id) as { data: string } | undefined;
  if (!stored) return 0;
  const set = raw.set && typeof raw.set === 'object' ? (raw.set as Record<string, unknown>) : {};
  const fields = raw.delete === true ? ['(deleted)'] : Object.keys(set);
  const data = JSON.parse(stored.data) as Record<string, unknown>;
  return logAccesses(db, [{ at, userId, action: 'write', via: 'push', entity: entity as EntityName, recordId: id, data, fields }]);
}

type Row = {
  seq: number;
  at: string;
  user_id: string;
  name: string | null;
  action: AuditEntry['action'];
  via: AuditEntry['via'];
  entity: EntityName;
  record_id: string;
  fields: string;
};

/** The log of one household or plan, newest first, `limit` lines before `beforeSeq` (for paging back). */
export function readAudit(db: Db, subject: AuditSubject, limit: number, beforeSeq = Number.MAX_SAFE_INTEGER): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.user_id, u.name, a.action, a.via, a.entity, a.record_id, a.fields
       FROM household_audit a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.subject_type = ? AND a.subject_id = ? AND a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(subject.type, subject.id, beforeSeq, limit) as Row[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    userName: r.name,
    action: r.action,
    via: r.via,
    entity: r.entity,
    recordId: r.record_id,
    fields: JSON.parse(r.fields) as string[],
  }));
}
