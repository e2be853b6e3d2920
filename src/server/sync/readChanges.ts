/**
 * The pull of the sync contract (docs/sync-contract.md): records changed after a cursor, in change order, as this user may see them.
 * A record this user may not read goes out as deleted, so a device that held it drops its copy.
 */
import type { EntityName, SessionUser } from '../../core/entities';
import type { Change, PullResponse } from '../../core/sync/protocol';
import type { Db } from '../db';
import { policyContext, readView } from './policy';

type Row = {
  entity: EntityName;
  id: string;
  rev: number;
  data: string;
  deleted: 0 | 1;
  updated_at: string;
  updated_by: string;
  name: string | null;
  seq: number;
};

/** The database's generation id: replaced by a restore from backup (docs/decisions/005-database-generation.md). */
export function currentGeneration(db: Db): string {
  const row = db.prepare('SELECT id FROM generation LIMIT 1').get() as { id: string } | undefined;
  if (!row) throw new Error('The database has no generation id (migration 006 missing)');
  return row.id;
}

/**
 * Up to `limit` changes after `cursor`. The cursor returned is the last change looked at (readable or not), so the
 * next pull continues after it. A cursor from another generation (the database was restored from a backup since)
 * starts again from 0, and so does a cursor beyond the newest change: sending records twice is safe, skipping them
 * is not. A cursor without a generation (an app from before generations) keeps the old rule only.
 */
export function readChanges(
  db: Db,
  user: SessionUser,
  cursor: number,
  limit: number,
  now: Date,
  generation?: string,
): PullResponse {
  const policy = policyContext(db, user, now);
  const current = currentGeneration(db);
  const newest = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM changes').get() as { n: number }).n;
  const from = cursor > newest || (generation !== undefined && generation !== current) ? 0 : cursor;
  const rows = db
    .prepare(
      `SELECT r.entity, r.id, r.rev, r.data, r.deleted, r.updated_at, r.updated_by, u.name, r.seq
       FROM records r LEFT JOIN users u ON u.id = r.updated_by
       WHERE r.seq > ? ORDER BY r.seq LIMIT ?`,
    )
    .all(from, limit + 1) as Row[];
  const page = rows.slice(0, limit);
  const changes: Change[] = page.map((r) => {
    const view = r.deleted ? null : readView(user, r.entity, { data: JSON.parse(r.data) as Record<string, unknown> }, policy);
    // A marker says only that the record is gone for this user: not who changed it or when.
    if (view === null) return { entity: r.entity, id: r.id, rev: r.rev, data: {}, deleted: true };
    return {
      entity: r.entity,
      id: r.id,
      rev: r.rev,
      data: view,
      deleted: false,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
      ...(r.name ? { updatedByName: r.name } : {}),
    };
  });
  return { changes, cursor: page.at(-1)?.seq ?? from, generation: current, hasMore: rows.length > limit };
}
