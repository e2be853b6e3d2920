/**
 * The invariants I1–I7 of the sync contract (docs/sync-contract.md, which names the tests per invariant), checked after faults stop and sync settles: the devices' databases
 * against the server's SQLite file read directly, and the blobs on disk hashed again.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionUser } from '../../../src/core/entities';
import { deepEqual } from '../../../src/core/sync/deepEqual';
import { pathsOverlap, readPath } from '../../../src/core/sync/path';
import { findPhotoHashes } from '../../../src/core/sync/photoRefs';
import type { OpResult } from '../../../src/core/sync/protocol';
import { policyContext, readView } from '../../../src/server/sync/policy';
import type { EntityName } from '../../../src/core/entities';
import { SqliteStore } from '../../../src/server/store/sqlite/sqliteStore';
import type { Device } from './device';

/** An op a device made, as captured when it entered the outbox. */
export type MadeOp = { opId: string; entity: string; id: string; baseRev: number; set?: Record<string, unknown>; delete?: true };

/** A device under test, its user, and every op it made in order. */
export type CheckedDevice = { device: Device; user: SessionUser; ops: MadeOp[] };

type OpRow = { op_id: string; client_id: string; entity: string; id: string; base_rev: number; op: string; status: string; rev: number | null; result: string };

/** Every violated invariant, as readable lines (empty when all hold). */
export async function checkInvariants(dataDir: string, devices: CheckedDevice[]): Promise<string[]> {
  const bad: string[] = [];
  const db = new Database(join(dataDir, 'egnet.sqlite'), { readonly: true });
  try {
    const ops = new Map((db.prepare('SELECT * FROM applied_ops').all() as OpRow[]).map((r) => [r.op_id, r]));
    const records = db.prepare('SELECT entity, id, rev, data, deleted, seq FROM records').all() as {
      entity: string; id: string; rev: number; data: string; deleted: number; seq: number;
    }[];
    const recordMap = new Map(records.map((r) => [`${r.entity}/${r.id}`, r]));
    const maxSeq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM changes').get() as { n: number }).n;

    // I2: each record's rev is the number of distinct ops that changed it (and of changes made by ops; visibility
    // changes take a change number without a revision). A delete of a record already deleted is applied with the
    // existing rev and changes nothing (docs/sync-contract.md), so it is the only applied op without a change of its own.
    const counts = db.prepare(
      `SELECT r.entity, r.id, r.rev,
         (SELECT COUNT(*) FROM applied_ops o WHERE o.entity = r.entity AND o.id = r.id AND o.status IN ('applied', 'conflict')
            AND EXISTS (SELECT 1 FROM changes c WHERE c.op_id = o.op_id)) AS ops,
         (SELECT COUNT(*) FROM changes c WHERE c.entity = r.entity AND c.id = r.id AND c.op_id IS NOT NULL) AS changes
       FROM records r`,
    ).all() as { entity: string; id: string; rev: number; ops: number; changes: number }[];
    for (const c of counts) {
      if (c.rev !== c.ops || c.rev !== c.changes) bad.push(`I2 ${c.entity}/${c.id}: rev ${c.rev}, ${c.ops} ops applied, ${c.changes} changes`);
    }
    const unchanged = db.prepare(
      `SELECT o.op_id AS opId, o.entity, o.id, o.op, o.rev, r.deleted, r.rev AS recordRev FROM applied_ops o
         JOIN records r ON r.entity = o.entity AND r.id = o.id
       WHERE o.status IN ('applied', 'conflict') AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.op_id = o.op_id)`,
    ).all() as { opId: string; entity: string; id: string; op: string; rev: number | null; deleted: 0 | 1; recordRev: number }[];
    const wasDeleted = db.prepare('SELECT 1 FROM changes c JOIN applied_ops d ON d.op_id = c.op_id WHERE c.entity = ? AND c.id = ? AND c.rev = ? AND json_extract(d.op, \'$.delete\') = 1');
    for (const u of unchanged) {
      const repeatDelete = (JSON.parse(u.op) as MadeOp).delete === true && u.deleted === 1 && u.rev !== null && wasDeleted.get(u.entity, u.id, u.rev) !== undefined;
      if (!repeatDelete) bad.push(`I2 ${u.entity}/${u.id}: op ${u.opId} applied without a change, and it is not a repeated delete`);
    }

    // Written paths per op (conflicting paths were not written), for I1 and I7.
    const written = (row: OpRow): string[] => {
      const op = JSON.parse(row.op) as MadeOp;
      const result = JSON.parse(row.result) as OpResult;
      const held = new Set((result.conflicts ?? []).map((c) => c.path));
      return Object.keys(op.set ?? {}).filter((p) => !held.has(p));
    };
    type Write = { path: string; rev: number; client: string; baseRev: number; value: unknown };
    const history = new Map<string, Write[]>();
    for (const row of ops.values()) {
      if (row.status === 'rejected' || row.rev === null) continue;
      const op = JSON.parse(row.op) as MadeOp;
      const k = `${row.entity}/${row.id}`;
      for (const p of written(row)) {
        history.set(k, [...(history.get(k) ?? []), { path: p, rev: row.rev, client: row.client_id, baseRev: row.base_rev, value: op.set![p] }]);
      }
    }
    // I7 (server side): a write made without seeing another installation's different value is never applied over it.
    for (const [k, writes] of history) {
      writes.sort((a, b) => a.rev - b.rev);
      for (let i = 1; i < writes.length; i++) {
        const w = writes[i]!;
        const prev = writes.slice(0, i).reverse().find((x) => x.path === w.path);
        if (prev && w.client !== prev.client && w.baseRev < prev.rev && !deepEqual(w.value, prev.value)) {
          bad.push(`I7 silent overwrite of ${k} ${w.path} at rev ${w.rev} (base ${w.baseRev}) over rev ${prev.rev}`);
        }
      }
    }

    for (const { device, user, ops: made } of devices) {
      const name = device.name;
      const clientId = (await device.db.meta.get('clientId'))?.value as string;
      const rejected = new Set((await device.db.rejected.toArray()).map((r) => r.opId));
      const conflicts = new Set((await device.db.conflicts.toArray()).map((c) => `${c.opId}/${c.path}`));

      // I4: outboxes empty; only explicitly rejected ops remain, visible.
      const left = await device.db.outbox.count();
      if (left > 0) bad.push(`I4 ${name}: ${left} ops still in the outbox`);

      // I1 and I7: every op made is decided on the server; every path's last local write is on the server with its
      // value, or was superseded by a later write, or is visible as a conflict or as could-not-be-saved.
      const lastWrite = new Map<string, MadeOp>();
      for (const op of made) {
        const row = ops.get(op.opId);
        if (!row) {
          if (!rejected.has(op.opId)) bad.push(`I1 ${name}: op ${op.opId} (${op.entity}/${op.id}) never reached the server`);
          continue;
        }
        if (row.client_id !== clientId) bad.push(`I2 ${name}: op ${op.opId} logged for another client`);
        if (row.status === 'rejected' && !rejected.has(op.opId)) bad.push(`I1 ${name}: rejected op ${op.opId} not visible`);
        if (row.status === 'conflict') {
          for (const c of (JSON.parse(row.result) as OpResult).conflicts ?? []) {
            if (!conflicts.has(`${op.opId}/${c.path}`)) bad.push(`I7 ${name}: conflict ${op.opId}/${c.path} not visible`);
          }
        }
        for (const p of Object.keys(op.set ?? {})) {
          // A later write of an overlapping path (the field, or one entry of it) supersedes this one.
          const prefix = `${op.entity}/${op.id}/`;
          for (const k of lastWrite.keys()) if (k.startsWith(prefix) && pathsOverlap(k.slice(prefix.length), p)) lastWrite.delete(k);
          lastWrite.set(prefix + p, op);
        }
      }
      for (const [k, op] of lastWrite) {
        const row = ops.get(op.opId);
        if (!row || row.status === 'rejected') continue;
        const path = k.slice(op.entity.length + op.id.length + 2);
        if (conflicts.has(`${op.opId}/${path}`)) continue;
        const rec = recordMap.get(`${op.entity}/${op.id}`);
        if (!rec || rec.deleted) continue;
        const later = (history.get(`${op.entity}/${op.id}`) ?? []).some((w) => w.rev > row.rev! && pathsOverlap(w.path, path));
        const value = readPath(JSON.parse(rec.data) as Record<string, unknown>, path);
        const mine = op.set![path];
        const same = deepEqual(value, mine) || (mine === null && value === undefined);
        if (!later && !same) bad.push(`I1 ${name}: ${k} is ${JSON.stringify(value)} on the server, device saved ${JSON.stringify(mine)}`);
      }

      // I3: the device's records equal what the server lets this user read.
      const local = new Map((await device.db.records.toArray()).map((r) => [`${r.entity}/${r.id}`, r]));
      const policy = await policyContext(new SqliteStore(db), user, new Date());
      const parsed = new Map(records.map((r) => [r, JSON.parse(r.data) as Record<string, unknown>]));
      await policy.links.load(records.filter((r) => !r.deleted).map((r) => ({ entity: r.entity as EntityName, data: parsed.get(r)! })));
      for (const r of records) {
        const k = `${r.entity}/${r.id}`;
        const view = r.deleted ? null : readView(user, r.entity as never, { data: parsed.get(r)! }, policy);
        const mine = local.get(k);
        if (view === null) {
          if (mine && !mine.deleted) bad.push(`I3 ${name}: ${k} should be gone from the device`);
          continue;
        }
        if (!mine) bad.push(`I3/I5 ${name}: ${k} (rev ${r.rev}) missing on the device`);
        else if (mine.rev !== r.rev || !deepEqual(mine.data, view) || !deepEqual(mine.base, view) || mine.deleted) {
          bad.push(`I3 ${name}: ${k} differs (device rev ${mine.rev}, server rev ${r.rev})`);
        }
      }
      for (const k of local.keys()) if (!recordMap.has(k)) bad.push(`I3 ${name}: ${k} exists only on the device`);

      // I5: the cursor stands at the server's newest change.
      const cursor = (await device.db.meta.get('cursor'))?.value;
      if (cursor !== maxSeq) bad.push(`I5 ${name}: cursor ${String(cursor)}, server at ${maxSeq}`);
    }

    // I6: every photo reference (and the original a marked-up copy links to) resolves to a blob whose bytes hash to its name.
    for (const r of records) {
      for (const sha of findPhotoHashes(JSON.parse(r.data))) {
        const row = db.prepare('SELECT size FROM blobs WHERE sha256 = ?').get(sha);
        const file = join(dataDir, 'blobs', sha);
        if (!row || !existsSync(file)) bad.push(`I6 ${r.entity}/${r.id}: photo ${sha} missing on the server`);
        else if (createHash('sha256').update(readFileSync(file)).digest('hex') !== sha) bad.push(`I6 blob ${sha} is corrupt`);
      }
    }
  } finally {
    db.close();
  }
  return bad;
}
