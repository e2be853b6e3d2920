/**
 * When a person's roles or units change, what they may see changes: the records whose view differs are put in the change
 * feed again, so the person's devices receive them (or drop them, sent as deleted) at their next sync.
 */
import { ENTITY_NAMES, type SessionUser } from '../../core/entities';
import type { StoredRecord, StoreTx } from '../store/store';
import { policyContext, readView } from '../sync/policy';

// Units only decide household data (consent names units): households, plans and what points at them.
const UNIT_GOVERNED_ENTITIES = ['household', 'plan', 'visit', 'task', 'inspection'] as const;
const unitGoverned = (r: StoredRecord) => r.entity !== 'inspection' || r.data.householdId != null || r.data.planId != null;

/** What the person sees of each record now, keyed by entity and id ('' for nothing). */
export type Views = { allRecords: boolean; seen: Map<string, string> };

/**
 * Takes what `user` sees before a change. `rolesChange` says whether roles will change (every record may then look
 * different) or only units (household data only). Call inside the change's transaction, before writing it.
 */
export async function viewsBefore(tx: StoreTx, user: SessionUser, rolesChange: boolean, now: Date): Promise<Views> {
  return { allRecords: rolesChange, seen: await viewsOf(tx, user, rolesChange, now) };
}

async function viewsOf(tx: StoreTx, user: SessionUser, all: boolean, now: Date): Promise<Map<string, string>> {
  const ctx = await policyContext(tx, user, now);
  const records = all ? await tx.liveRecords(ENTITY_NAMES) : (await tx.liveRecords(UNIT_GOVERNED_ENTITIES)).filter(unitGoverned);
  await ctx.links.load(records);
  const seen = new Map<string, string>();
  for (const r of records) {
    const view = readView(user, r.entity, { data: r.data }, ctx);
    seen.set(`${r.entity}\u0000${r.id}`, view ? JSON.stringify(view) : '');
  }
  return seen;
}

/**
 * After the change is written (same transaction): touches every record `user` now sees differently than in `before`.
 * Returns how many it touched.
 */
export async function touchSeenDifferently(tx: StoreTx, before: Views, user: SessionUser, now: Date): Promise<number> {
  const after = await viewsOf(tx, user, before.allRecords, now);
  const at = now.toISOString();
  let touched = 0;
  for (const [key, view] of after) {
    if ((before.seen.get(key) ?? '') === view) continue;
    const [entity, id] = key.split('\u0000') as [StoredRecord['entity'], string];
    await tx.touch(entity, id, at);
    touched++;
  }
  return touched;
}
