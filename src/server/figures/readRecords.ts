/** Reads the current, undeleted records of one entity as a user may see them — the server's side of "the device's data". */
import type { EntityName, SessionUser } from '../../core/entities';
import type { StoreTx } from '../store/store';
import { policyContext, readView } from '../sync/policy';

/**
 * Every live record of `entity` this user may read, as `{ id, ...data }`, through the same policy as pull, so
 * figures computed here equal those the user's device computes from what it pulled.
 */
export async function readRecords<T>(store: StoreTx, user: SessionUser, entity: EntityName, now: Date): Promise<(T & { id: string })[]> {
  const policy = await policyContext(store, user, now);
  const rows = await store.liveRecords([entity]);
  await policy.links.load(rows);
  const out: (T & { id: string })[] = [];
  for (const r of rows) {
    const view = readView(user, entity, { data: r.data }, policy);
    if (view) out.push({ ...(view as T), id: r.id });
  }
  return out;
}
