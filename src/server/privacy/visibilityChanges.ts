/**
 * Turns changes in who may see a record into entries of the change feed, so the next pull of every device re-decides
 * them (and sends them as deleted where they are no longer readable). Two causes: a household's consent or counsellors
 * (or a plan's coordinator) changed, which changes who sees its visits, tasks and checklists; and a consent that ran out
 * with nobody writing anything.
 */
import type { EntityName } from '../../core/entities';
import { norwegianDate } from '../../core/privacy/consentState';
import type { Store, StoreTx } from '../store/store';

type Data = Record<string, unknown> | null;

/** Gives a record a new change number without a new revision: its content is the same, who may see it is not. */
export async function touch(tx: StoreTx, entity: EntityName, id: string, at: string): Promise<void> {
  await tx.touch(entity, id, at);
}

async function touchHouseholdRecords(tx: StoreTx, householdId: string, at: string): Promise<number> {
  const linked = await tx.recordsLinkingTo(['visit', 'task', 'inspection'], 'householdId', householdId, false);
  for (const r of linked) await tx.touch(r.entity, r.id, at);
  return linked.length;
}

async function touchPlanRecords(tx: StoreTx, planId: string, at: string): Promise<number> {
  const linked = await tx.recordsLinkingTo(['inspection'], 'planId', planId, false);
  for (const r of linked) await tx.touch(r.entity, r.id, at);
  return linked.length;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * After a household or plan was written (`after` null: deleted): when that changed who may see the records that point
 * to it, puts those records in the change feed again. Call inside the write's transaction. Returns how many it touched.
 */
export async function touchRecordsOf(tx: StoreTx, entity: EntityName, id: string, before: Data, after: Data, at: string): Promise<number> {
  if (entity === 'household') {
    const unchanged = before && after && same(before.consent, after.consent) && same(before.counsellorIds, after.counsellorIds);
    return unchanged ? 0 : touchHouseholdRecords(tx, id, at);
  }
  if (entity === 'plan') {
    const unchanged = before && after && same(before.coordinatorId, after.coordinatorId);
    return unchanged ? 0 : touchPlanRecords(tx, id, at);
  }
  return 0;
}

/**
 * Puts every household whose consent expired since the last call (and its visits, tasks and checklists) in the
 * change feed, once per expiry date. Called at the start of each pull, so sharing stops at the next sync after the
 * expiry day even when nobody edits the household. Returns the households it found.
 */
export async function touchExpiredConsents(store: Store, now: Date): Promise<string[]> {
  const today = norwegianDate(now);
  const at = now.toISOString();
  // Looked for outside a transaction first: on nearly every pull there is nothing to do, and nothing is written.
  if ((await store.expiredConsents(today)).length === 0) return [];
  return store.transaction(async (tx) => {
    const due = await tx.expiredConsents(today);
    for (const h of due) {
      await tx.touch('household', h.id, at);
      await touchHouseholdRecords(tx, h.id, at);
      await tx.markConsentExpiryHandled(h.id, h.expiresAt);
    }
    return due.map((h) => h.id);
  });
}
