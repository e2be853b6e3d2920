/** The household rules' look-ups answered from the server's records: the household or plan a record points to. */
import type { Links } from '../../core/privacy/recordAccess';
import type { Db } from '../db';

/** Looks up live (not deleted) households and plans as stored now, inside whatever transaction is running. */
export function storedLinks(db: Db): Links {
  const find = db.prepare('SELECT data FROM records WHERE entity = ? AND id = ? AND deleted = 0');
  const load = (entity: 'household' | 'plan', id: string) => {
    const row = find.get(entity, id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Record<string, unknown>) : null;
  };
  return { household: (id) => load('household', id), plan: (id) => load('plan', id) };
}
