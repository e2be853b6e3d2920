/**
 * The pull of the sync contract (docs/sync-contract.md): records changed after a cursor, in change order, as this user may see them.
 * A record this user may not read goes out as deleted, so a device that held it drops its copy. The households and
 * plans the page's records link to are loaded for the whole page in one query.
 */
import type { SessionUser } from '../../core/entities';
import type { Change, PullResponse } from '../../core/sync/protocol';
import type { StoreTx } from '../store/store';
import { policyContext, readView } from './policy';

/** The database's generation id: replaced by a restore from backup (docs/decisions/005-database-generation.md). */
export function currentGeneration(store: StoreTx): Promise<string> {
  return store.generation();
}

/**
 * Up to `limit` changes after `cursor`. The cursor returned is the last change looked at (readable or not), so the
 * next pull continues after it. A cursor from another generation (the database was restored from a backup since)
 * starts again from 0, and so does a cursor beyond the newest change: sending records twice is safe, skipping them
 * is not. A cursor without a generation (an app from before generations) keeps the old rule only.
 */
export async function readChanges(
  store: StoreTx,
  user: SessionUser,
  cursor: number,
  limit: number,
  now: Date,
  generation?: string,
): Promise<PullResponse> {
  const policy = await policyContext(store, user, now);
  const current = await store.generation();
  const newest = await store.newestChange();
  const from = cursor > newest || (generation !== undefined && generation !== current) ? 0 : cursor;
  const rows = await store.changesAfter(from, limit + 1);
  const page = rows.slice(0, limit);
  await policy.links.load(page.filter((r) => !r.deleted));
  const changes: Change[] = page.map((r) => {
    const view = r.deleted ? null : readView(user, r.entity, { data: r.data }, policy);
    // A marker says only that the record is gone for this user: not who changed it or when.
    if (view === null) return { entity: r.entity, id: r.id, rev: r.rev, data: {}, deleted: true };
    return {
      entity: r.entity,
      id: r.id,
      rev: r.rev,
      data: view,
      deleted: false,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      ...(r.updatedByName ? { updatedByName: r.updatedByName } : {}),
    };
  });
  return { changes, cursor: page.at(-1)?.seq ?? from, generation: current, hasMore: rows.length > limit };
}
