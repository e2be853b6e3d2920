/** Reads the current, undeleted records of one entity as a user may see them — the server's side of "the device's data". */
import type { EntityName, SessionUser } from '../../core/entities';
import type { Db } from '../db';
import { policyContext, readView } from '../sync/policy';

/**
 * Every live record of `entity` this user may read, as `{ id, ...data }`, through the same policy as pull, so
 * figures computed here equal those the user's device computes from what it pulled.
 */
export function readRecords<T>(db: Db, user: SessionUser, entity: EntityName, now: Date): (T & { id: string })[] {
  const policy = policyContext(db, user, now);
  const rows = db.prepare('SELECT id, data FROM records WHERE entity = ? AND deleted = 0 ORDER BY id').all(entity) as {
    id: string;
    data: string;
  }[];
  const out: (T & { id: string })[] = [];
  for (const r of rows) {
    const view = readView(user, entity, { data: JSON.parse(r.data) as Record<string, unknown> }, policy);
    if (view) out.push({ ...(view as T), id: r.id });
  }
  return out;
}
