/** The household access log: every read and write of household data — who, what, when, through which door. */
import { ENTITY_NAMES, type EntityName } from '../../core/entities';
import type { AuditEntry } from '../../core/privacy/auditEntry';
import { isPrivacyGoverned } from '../../core/privacy/recordAccess';
import type { Change, OpResult } from '../../core/sync/protocol';
import type { HouseholdAuditLine, StoreTx } from '../store/store';

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
 * Appends the accesses that concern household data (the rest are skipped) in one call — one flush for a whole pull
 * page, not one per line; returns how many lines were written.
 */
export async function logAccesses(store: StoreTx, accesses: readonly Access[]): Promise<number> {
  const lines: HouseholdAuditLine[] = [];
  for (const a of accesses) {
    const subject = auditSubject(a.entity, a.recordId, a.data);
    if (!subject) continue;
    lines.push({ at: a.at, userId: a.userId, action: a.action, via: a.via, subjectType: subject.type, subjectId: subject.id, entity: a.entity, recordId: a.recordId, fields: [...a.fields].sort() });
  }
  await store.appendHouseholdAudit(lines);
  return lines.length;
}

/** Logs what a pull handed out: one read per record of household data sent with content (not the deletions). */
export function logPulled(store: StoreTx, userId: string, changes: readonly Change[], now: Date): Promise<number> {
  const at = now.toISOString();
  return logAccesses(
    store,
    changes
      .filter((c) => !c.deleted)
      .map((c) => ({ at, userId, action: 'read' as const, via: 'pull' as const, entity: c.entity, recordId: c.id, data: c.data, fields: Object.keys(c.data) })),
  );
}

/**
 * Logs one push op that wrote household data (applied or conflict, with the paths it set), given the record's data as
 * now stored. A refused op wrote nothing and is kept, with its reason, in the sync op log. Called inside the push
 * transaction, after the record was written.
 */
export async function logPushed(
  tx: StoreTx,
  userId: string,
  entity: string,
  id: string,
  raw: Record<string, unknown>,
  result: OpResult,
  stored: Record<string, unknown>,
  at: string,
): Promise<number> {
  if (result.status !== 'applied' && result.status !== 'conflict') return 0;
  if (!(ENTITY_NAMES as readonly string[]).includes(entity)) return 0;
  const set = raw.set && typeof raw.set === 'object' ? (raw.set as Record<string, unknown>) : {};
  const fields = raw.delete === true ? ['(deleted)'] : Object.keys(set);
  return logAccesses(tx, [{ at, userId, action: 'write', via: 'push', entity: entity as EntityName, recordId: id, data: stored, fields }]);
}

/** The log of one household or plan, newest first, `limit` lines before `beforeSeq` (for paging back). */
export function readAudit(store: StoreTx, subject: AuditSubject, limit: number, beforeSeq = Number.MAX_SAFE_INTEGER): Promise<AuditEntry[]> {
  return store.householdAudit(subject.type, subject.id, limit, beforeSeq);
}
