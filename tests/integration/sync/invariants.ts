/**
 * The invariants I1–I7 of the sync contract (docs/sync-contract.md, which names the tests per invariant), checked after faults stop and sync settles: the devices' databases
 * against the server's database read directly (the SQLite file, or PostgreSQL), and the blobs on disk hashed again.
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
import { openPostgresStore } from '../../../src/server/store/postgres/postgresStore';
import type { Store } from '../../../src/server/store/store';
import type { Device } from './device';

/** An op a device made, as captured when it entered the outbox. */
export type MadeOp = { opId: string; entity: string; id: string; baseRev: number; set?: Record<string, unknown>; delete?: true };

/** A device under test, its user, and every op it made in order. */
export type CheckedDevice = { device: Device; user: SessionUser; ops: MadeOp[] };

type OpRow = { op_id: string; client_id: string; entity: string; id: string; base_rev: number; op: string; status: string; rev: number | null; result: string };

/** The server's tables as the checks read them, from either engine (JSON columns as JSON text, flags as 0/1). */
type ServerState = {
  ops: OpRow[];
  records: { entity: string; id: string; rev: number; data: string; deleted: number; seq: number }[];
  changes: { seq: number; entity: string; id: string; rev: number; op_id: string | null }[];
  blobs: Set<string>;
  /** A store on the same database, for the read policy. */
  store: Store;
  close: () => Promise<void>;
};

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Reads the server's tables: the SQLite file in the data folder, or the PostgreSQL database at `databaseUrl`. */
async function readServer(dataDir: string, databaseUrl: string | undefined): Promise<ServerState> {
  if (databaseUrl) {
    const store = await openPostgresStore(databaseUrl, { max: 2 });
    const q = async <R,>(sql: string) => (await store.pool.query(sql)).rows as R[];
    const ops = (await q<OpRow & { op: unknown; result: unknown }>('SELECT * FROM applied_ops')).map((r) => ({ ...r, op: asText(r.op), result: asText(r.result) }));
    const records = (await q<{ entity: string; id: string; rev: number; data: unknown; deleted: boolean; seq: number }>(
      'SELECT entity, id, rev, data, deleted, seq FROM records',
    )).map((r) => ({ ...r, data: asText(r.data), deleted: r.deleted ? 1 : 0 }));
    const changes = await q<ServerState['changes'][number]>('SELECT seq, entity, id, rev, op_id FROM changes');
    const blobs = new Set((await q<{ sha256: string }>('SELECT sha256 FROM blobs')).map((r) => r.sha256));
    return { ops, records, changes, blobs, store, close: () => store.close() };
  }
  const db = new Database(join(dataDir, 'egnet.sqlite'), { readonly: true });
  return {
    ops: db.prepare('SELECT * FROM applied_ops').all() as OpRow[],
    records: db.prepare('SELECT entity, id, rev, data, deleted, seq FROM records').all() as ServerState['records'],
    changes: db.prepare('SELECT seq, entity, id, rev, op_id FROM changes').all() as ServerState['changes'],
    blobs: new Set((db.prepare('SELECT sha256 FROM blobs').all() as { sha256: string }[]).map((r) => r.sha256)),
    store: new SqliteStore(db),
    close: async () => {
      db.close();
    },
  };
}

/**
 * Every violated invariant, as readable lines (empty when all hold). The server's database is the SQLite file in
 * `dataDir`, or the PostgreSQL database at `databaseUrl` (photos are in `dataDir/blobs` on both).
 */
export async function checkInvariants(dataDir: string, devices: CheckedDevice[], databaseUrl?: string): Promise<string[]> {
  const bad: string[] = [];
  const server = await readServer(dataDir, databaseUrl);
  try {
    const ops = new Map(server.ops.map((r) => [r.op_id, r]));
    const records = server.records;
    const recordMap = new Map(records.map((r) => [`${r.entity}/${r.id}`, r]));
    const maxSeq = server.changes.reduce((max, c) => Math.max(max, c.seq), 0);

    // I2: each record's rev is the number of distinct ops that changed it (and of changes made by ops; visibility
    // changes take a change number without a revision). A delete of a record already deleted is applied with the
    // existing rev and changes nothing (docs/sync-contract.md), so it is the only applied op without a change of its own.
    const opsWithChange = new Set(server.changes.map((c) => c.op_id).filter((o): o is string => o !== null));
    const decided = (o: OpRow) => o.status === 'applied' || o.status === 'conflict';
    const opCount = new Map<string, number>();
    for (const o of server.ops) if (decided(o) && opsWithChange.has(o.op_id)) opCount.set(`${o.entity}/${o.id}`, (opCount.get(`${o.entity}/${o.id}`) ?? 0) + 1);
    const changeCount = new Map<string, number>();
    for (const c of server.changes) if (c.op_id !== null) changeCount.set(`${c.entity}/${c.id}`, (changeCount.get(`${c.entity}/${c.id}`) ?? 0) + 1);
    for (const r of records) {
      const k = `${r.entity}/${r.id}`;
      const n = opCount.get(k) ?? 0;
      const c = changeCount.get(k) ?? 0;
      if (r.rev !== n || r.rev !== c) bad.push(`I2 ${k}: rev ${r.rev}, ${n} ops applied, ${c} changes`);
    }
    const wasDeleted = (entity: string, id: string, rev: number) =>
      server.changes.some((c) => c.entity === entity && c.id === id && c.rev === rev && c.op_id !== null && (JSON.parse(ops.get(c.op_id)?.op ?? '{}') as MadeOp).delete === true);
    for (const o of server.ops) {
      if (!decided(o) || opsWithChange.has(o.op_id)) continue;
      const rec = recordMap.get(`${o.entity}/${o.id}`);
      if (!rec) continue;
      const repeatDelete = (JSON.parse(o.op) as MadeOp).delete === true && rec.deleted === 1 && o.rev !== null && wasDeleted(o.entity, o.id, o.rev);
      if (!repeatDelete) bad.push(`I2 ${o.entity}/${o.id}: op ${o.op_id} applied without a change, and it is not a repeated delete`);
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
      const policy = await policyContext(server.store, user, new Date());
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
        const file = join(dataDir, 'blobs', sha);
        if (!server.blobs.has(sha) || !existsSync(file)) bad.push(`I6 ${r.entity}/${r.id}: photo ${sha} missing on the server`);
        else if (createHash('sha256').update(readFileSync(file)).digest('hex') !== sha) bad.push(`I6 blob ${sha} is corrupt`);
      }
    }
  } finally {
    await server.close();
  }
  return bad;
}
