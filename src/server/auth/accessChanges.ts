/**
 * When a person's roles or units change, what they may see changes: the records whose view differs are put in the change
 * feed again, so the person's devices receive them (or drop them, sent as deleted) at their next sync.
 */
import type { EntityName, SessionUser } from '../../core/entities';
import type { Db } from '../db';
import { touch } from '../privacy/visibilityChanges';
import { policyContext, readView } from '../sync/policy';

type Row = { entity: EntityName; id: string; data: string };

// Units only decide household data (consent names units): households, plans and what points at them.
const UNIT_GOVERNED = `SELECT entity, id, data FROM records WHERE deleted = 0 AND (entity IN ('household', 'plan', 'visit', 'task')
  OR (entity = 'inspection' AND (json_extract(data, '$.householdId') IS NOT NULL OR json_extract(data, '$.planId') IS NOT NULL)))`;
const ALL = 'SELECT entity, id, data FROM records WHERE deleted = 0';

/** What the person sees of each record now, keyed by entity and id ('' for nothing). */
export type Views = { allRecords: boolean; seen: Map<string, string> };

/**
 * Takes what `user` sees before a change. `rolesChange` says whether roles will change (every record may then look
 * different) or only units (household data only). Call inside the change's transaction, before writing it.
 */
export function viewsBefore(db: Db, user: SessionUser, rolesChange: boolean, now: Date): Views {
  return { allRecords: rolesChange, seen: viewsOf(db, user, rolesChange, now) };
}

function viewsOf(db: Db, user: SessionUser, all: boolean, now: Date): Map<string, string> {
  const ctx = policyContext(db, user, now);
  const seen = new Map<string, string>();
  for (const r of db.prepare(all ? ALL : UNIT_GOVERNED).iterate() as IterableIterator<Row>) {
    const view = readView(user, r.entity, { data: JSON.parse(r.data) as Record<string, unknown> }, ctx);
    seen.set(`${r.entity}\u0000${r.id}`, view ? JSON.stringify(view) : '');
  }
  return seen;
}

/**
 * After the change is written (same transaction): touches every record `user` now sees differently than in `before`.
 * Returns how many it touched.
 */
export function touchSeenDifferently(db: Db, before: Views, user: SessionUser, now: Date): number {
  const after = viewsOf(db, user, before.allRecords, now);
  const at = now.toISOString();
  let touched = 0;
  for (const [key, view] of after) {
    if ((before.seen.get(key) ?? '') === view) continue;
    const [entity, id] = key.split('\u0000') as [string, string];
    touch(db, entity, id, at);
    touched++;
  }
  return touched;
}
