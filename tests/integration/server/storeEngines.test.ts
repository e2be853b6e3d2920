// Both adapters of the storage port, call by call, on a real SQLite file and a real PostgreSQL database; then two
// stores on one database (as two server processes) writing at once while a third pulls: every change number once, none
// skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, StoreTx, UserRow } from '../../../src/server/store/store';
import { openPostgresStore } from '../../../src/server/store/postgres/postgresStore';
import { openSqliteStore } from '../../../src/server/store/sqlite/sqliteStore';
import { createPostgresDatabase } from '../../support/postgres';

/**
 * A database of one engine: open a store on it, open another writer on it (as another server process would), run raw
 * SQL, drop it. SQLite's other writer is the same store: a second connection in this process would wait for the first
 * one's write lock in busy_timeout, which blocks the one thread that would let the first one finish.
 */
type Engine = { open: () => Promise<Store>; other: (store: Store) => Promise<Store>; raw: (sql: string) => Promise<unknown>; drop: () => Promise<void> };

const ENGINES: [string, () => Promise<Engine>][] = [
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'egnet-store-'));
      const file = join(dir, 'egnet.sqlite');
      const first = openSqliteStore(file);
      return {
        open: async () => openSqliteStore(file),
        other: async (store) => Object.assign(Object.create(store) as Store, { close: async () => {} }),
        raw: async (sql) => first.db.exec(sql),
        drop: async () => {
          await first.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'postgres',
    async () => {
      const db = await createPostgresDatabase();
      const first = await openPostgresStore(db.url, { max: 2 });
      return {
        open: () => openPostgresStore(db.url, { max: 4 }),
        other: () => openPostgresStore(db.url, { max: 4 }),
        raw: (sql) => first.pool.query(sql),
        drop: async () => {
          await first.close();
          await db.drop();
        },
      };
    },
  ],
];

describe.each(ENGINES)('%s store', (_name, makeEngine) => {
  let engine: Engine;
  let store: Store;
  const at = (n: number) => new Date(Date.UTC(2026, 11, 5, 12, 0, n)).toISOString();

  const user = (id: string, name: string): UserRow => ({
    id,
    username: id,
    name,
    passwordHash: 'scrypt$x',
    roles: ['inspector'],
    createdAt: at(0),
    disabled: false,
    mustChangePassword: false,
  });

  beforeAll(async () => {
    engine = await makeEngine();
    store = await engine.open();
    await store.insertUser(user('u1', 'Åse'));
    await store.insertUser(user('u2', 'bjørn'));
    await store.insertUser(user('u3', 'Anne'));
  });
  afterAll(async () => {
    await store?.close();
    await engine?.drop();
  });

  const write = (tx: StoreTx, entity: 'dwelling' | 'visit' | 'household' | 'inspection', id: string, rev: number, data: object, deleted = false) =>
    tx.writeRecord({ entity, id, rev, dataJson: JSON.stringify(data), deleted, at: at(rev), userId: 'u1', opId: `op-${entity}-${id}-${rev}` });

  describe('calls', () => {
    it('writes records under increasing change numbers and pulls them in order, with the writer’s name', async () => {
      const before = await store.newestChange();
      const seqs = await store.transaction(async (tx) => [
        await write(tx, 'dwelling', 'd1', 1, { address: 'Storgata 1', floor: 2 }),
        await write(tx, 'household', 'h1', 1, { name: 'A', consent: { expiresAt: '2026-01-01' } }),
        await write(tx, 'visit', 'v1', 1, { householdId: 'h1' }),
        await write(tx, 'inspection', 'i1', 1, { planId: 'p1', householdId: 'h1' }),
      ]);
      expect(seqs).toEqual([before + 1, before + 2, before + 3, before + 4]);
      expect(await store.newestChange()).toBe(before + 4);
      const page = await store.changesAfter(before, 3);
      expect(page.map((r) => [r.entity, r.id, r.seq])).toEqual([
        ['dwelling', 'd1', before + 1],
        ['household', 'h1', before + 2],
        ['visit', 'v1', before + 3],
      ]);
      expect(page[0]).toMatchObject({ rev: 1, data: { address: 'Storgata 1', floor: 2 }, deleted: false, updatedBy: 'u1', updatedByName: 'Åse' });
      // A new revision moves the record to the end of the feed.
      const seq = await store.writeRecord({ entity: 'dwelling', id: 'd1', rev: 2, dataJson: '{"address":"Storgata 2"}', deleted: false, at: at(2), userId: 'u2', opId: null });
      expect(seq).toBe(before + 5);
      expect((await store.changesAfter(before + 4, 10)).map((r) => [r.id, r.rev, r.updatedByName])).toEqual([['d1', 2, 'bjørn']]);
    });

    it('finds records by keys, lists live ones, and finds the records linking to a household or plan', async () => {
      const found = await store.findRecords([
        { entity: 'dwelling', id: 'd1' },
        { entity: 'visit', id: 'v1' },
        { entity: 'visit', id: 'missing' },
      ]);
      expect(found.map((r) => r.id).sort()).toEqual(['d1', 'v1']);
      await store.transaction((tx) => write(tx, 'dwelling', 'd0', 1, {}, true));
      expect((await store.liveRecords(['dwelling'])).map((r) => r.id)).toEqual(['d1']);
      expect((await store.recordsLinkingTo(['visit', 'inspection'], 'householdId', 'h1', true)).map((r) => r.id).sort()).toEqual(['i1', 'v1']);
      expect((await store.recordsLinkingTo(['inspection'], 'planId', 'p1', false)).map((r) => r.id)).toEqual(['i1']);
      await expect(store.recordsLinkingTo(['visit'], "x') OR true --" as 'planId', 'p1', false)).rejects.toThrow(/Unknown link field/);
    });

    it('touch gives a record a new change number without a new revision', async () => {
      const newest = await store.newestChange();
      expect(await store.touch('visit', 'v1', at(9))).toBe(true);
      expect(await store.touch('visit', 'nope', at(9))).toBe(false);
      const [v1] = await store.changesAfter(newest, 10);
      expect(v1).toMatchObject({ id: 'v1', rev: 1, seq: newest + 1 });
      expect(await store.newestChange()).toBe(newest + 1);
    });

    it('a failed transaction leaves nothing, not even a used change number', async () => {
      const newest = await store.newestChange();
      await expect(
        store.transaction(async (tx) => {
          await write(tx, 'dwelling', 'd9', 1, {});
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.newestChange()).toBe(newest);
      expect(await store.findRecords([{ entity: 'dwelling', id: 'd9' }])).toEqual([]);
      expect(await store.transaction((tx) => write(tx, 'dwelling', 'd9', 1, {}))).toBe(newest + 1);
    });

    it('a transaction reads its own writes: the same record twice, its path marks and op log, before it commits', async () => {
      const newest = await store.newestChange();
      const seen = await store.transaction(async (tx) => {
        await write(tx, 'dwelling', 'd7', 1, { floor: 1 });
        await tx.markPathWrites('dwelling', 'd7', ['*'], 1, 'c7', 'u1', at(1));
        await tx.logOp({ opId: 'op-d7-1', clientId: 'c7', userId: 'u1', entity: 'dwelling', id: 'd7', baseRev: 0, opJson: '{}', status: 'applied', rev: 1, resultJson: '{"opId":"op-d7-1"}', at: at(1) });
        await write(tx, 'dwelling', 'd7', 2, { floor: 2 });
        await tx.markPathWrites('dwelling', 'd7', ['floor'], 2, 'c7', 'u1', at(2));
        await tx.markPathWrites('dwelling', 'd7', ['floor'], 3, 'c8', 'u2', at(3));
        return {
          record: (await tx.findRecords([{ entity: 'dwelling', id: 'd7' }]))[0],
          paths: (await tx.pathWritesAfter('dwelling', 'd7', 0)).map((w) => [w.path, w.rev, w.clientId]).sort(),
          ops: (await tx.findOps(['op-d7-1'])).map((o) => o.opId),
        };
      });
      expect(seen.record).toMatchObject({ rev: 2, data: { floor: 2 }, seq: newest + 2 });
      expect(seen.paths).toEqual([
        ['*', 1, 'c7'],
        ['floor', 3, 'c8'],
      ]);
      expect(seen.ops).toEqual(['op-d7-1']);
      // Both revisions took a change number; the record holds the last.
      expect(await store.newestChange()).toBe(newest + 2);
      expect((await store.changesAfter(newest, 10)).map((r) => [r.id, r.rev, r.seq])).toEqual([['d7', 2, newest + 2]]);
    });

    it('keeps path writes, the op log and consent expiry', async () => {
      await store.markPathWrites('dwelling', 'd1', ['floor', 'notes', 'floor'], 2, 'c1', 'u1', at(3));
      await store.markPathWrites('dwelling', 'd1', ['notes'], 3, 'c2', 'u2', at(4));
      const after1 = await store.pathWritesAfter('dwelling', 'd1', 1);
      expect(after1.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
        { path: 'floor', rev: 2, clientId: 'c1', userId: 'u1', at: at(3) },
        { path: 'notes', rev: 3, clientId: 'c2', userId: 'u2', at: at(4) },
      ]);
      expect((await store.pathWritesAfter('dwelling', 'd1', 2)).map((w) => w.path)).toEqual(['notes']);

      const result = { opId: 'op1', status: 'applied', rev: 2 };
      await store.logOp({ opId: 'op1', clientId: 'c1', userId: 'u1', entity: 'dwelling', id: 'd1', baseRev: 1, opJson: '{"set":{}}', status: 'applied', rev: 2, resultJson: JSON.stringify(result), at: at(5) });
      expect(await store.findOps(['op1', 'op2'])).toEqual([{ opId: 'op1', userId: 'u1', status: 'applied', result }]);

      expect(await store.expiredConsents('2026-06-01')).toEqual([{ id: 'h1', expiresAt: '2026-01-01' }]);
      await store.markConsentExpiryHandled('h1', '2026-01-01');
      expect(await store.expiredConsents('2026-06-01')).toEqual([]);
    });

    it('keeps accounts, units, sessions and their logs', async () => {
      expect((await store.users()).map((u) => u.name)).toEqual(['Anne', 'bjørn', 'Åse']);
      expect(await store.userByUsername('u2')).toMatchObject({ name: 'bjørn', roles: ['inspector'], disabled: false });
      expect(await store.countUsers()).toBe(3);
      expect(await store.countUsers(['u1', 'u1', 'zz'])).toBe(1);
      expect([...(await store.userNames(['u1', 'u3', 'zz'])).entries()].sort()).toEqual([
        ['u1', 'Åse'],
        ['u3', 'Anne'],
      ]);
      await expect(store.insertUser(user('u4', 'x'))).resolves.toBeUndefined();
      await expect(store.insertUser({ ...user('u5', 'y'), username: 'u4' })).rejects.toThrow();
      await store.updateUser('u4', { name: 'Xavier', roles: ['admin', 'intake'], disabled: true });
      await store.setPassword('u4', 'scrypt$y', true);
      expect(await store.userById('u4')).toMatchObject({ name: 'Xavier', roles: ['admin', 'intake'], disabled: true, mustChangePassword: true, passwordHash: 'scrypt$y' });

      await store.setUnits('u4', ['nav-b', 'nav-a', 'nav-a']);
      expect(await store.unitsOf('u4')).toEqual(['nav-a', 'nav-b']);
      await store.setUnits('u4', ['nav-c']);
      expect(await store.unitsOf('u4')).toEqual(['nav-c']);

      await store.appendAccountAudit({ at: at(1), actorId: 'u1', userId: 'u4', action: 'create', changes: {} });
      await store.appendAccountAudit({ at: at(2), actorId: null, userId: 'u4', action: 'update', changes: { name: { from: 'x', to: 'Xavier' } } });
      expect(await store.accountLog('u4', 10)).toMatchObject([
        { action: 'update', actorId: null, actorName: null, changes: { name: { from: 'x', to: 'Xavier' } } },
        { action: 'create', actorId: 'u1', actorName: 'Åse', changes: {} },
      ]);

      await store.insertSession('t1', 'u1', at(1));
      await store.insertSession('t2', 'u1', at(1));
      await store.touchSession('t1', at(7));
      expect(await store.session('t1')).toMatchObject({ createdAt: at(1), lastUsedAt: at(7), revokedAt: null, user: { id: 'u1', name: 'Åse' } });
      expect(await store.revokeSessionsOf('u1', at(8), 't1')).toBe(1);
      expect((await store.session('t2'))?.revokedAt).toBe(at(8));
      await store.revokeSession('t1', at(9));
      expect((await store.session('t1'))?.revokedAt).toBe(at(9));
      expect(await store.session('nope')).toBeUndefined();
    });

    it('counts failed log-ins per name and address and remembers known addresses', async () => {
      await store.addLoginFailure('ola', '10.0.0.1', at(1), at(0));
      await store.addLoginFailure('ola', '10.0.0.2', at(2), at(0));
      await store.addLoginFailure('ola', '10.0.0.1', at(3), at(0));
      expect(await store.loginFailures('ola', null, at(0), 10)).toEqual([at(3), at(2), at(1)]);
      expect(await store.loginFailures('ola', '10.0.0.1', at(0), 10)).toEqual([at(3), at(1)]);
      // A new failure drops those at or before the forget time.
      await store.addLoginFailure('ola', '10.0.0.3', at(4), at(1));
      expect(await store.loginFailures('ola', null, '', 10)).toEqual([at(4), at(3), at(2)]);
      await store.loginSucceeded('ola', '10.0.0.1', at(5), at(0));
      expect(await store.loginFailures('ola', null, '', 10)).toEqual([at(4), at(2)]);
      expect(await store.knownLoginAddress('ola', '10.0.0.1', at(4))).toBe(true);
      expect(await store.knownLoginAddress('ola', '10.0.0.1', at(5))).toBe(false);
      await store.loginSucceeded('ola', '10.0.0.1', at(6), at(0));
      expect(await store.knownLoginAddress('ola', '10.0.0.1', at(5))).toBe(true);
      await store.clearLoginFailures('ola');
      expect(await store.loginFailures('ola', null, '', 10)).toEqual([]);
    });

    it('appends access log lines in one go and reads them newest first in pages; the log cannot be changed', async () => {
      const line = (n: number) => ({
        at: at(n),
        userId: 'u1',
        action: 'read' as const,
        via: 'pull' as const,
        subjectType: 'household' as const,
        subjectId: 'h1',
        entity: 'visit' as const,
        recordId: `v${n}`,
        fields: ['date', 'notes'],
      });
      await store.appendHouseholdAudit([line(1), line(2), line(3)]);
      await store.appendHouseholdAudit([]);
      const first = await store.householdAudit('household', 'h1', 2, Number.MAX_SAFE_INTEGER);
      expect(first.map((e) => e.recordId)).toEqual(['v3', 'v2']);
      expect(first[0]).toMatchObject({ userName: 'Åse', fields: ['date', 'notes'], via: 'pull', action: 'read' });
      expect((await store.householdAudit('household', 'h1', 2, first[1]!.seq)).map((e) => e.recordId)).toEqual(['v1']);
      await expect(engine.raw('DELETE FROM household_audit')).rejects.toThrow(/append-only/);
    });

    it('indexes photos once and adds up their bytes per uploader', async () => {
      await store.addBlob({ sha256: 'a'.repeat(64), mime: 'image/jpeg', size: 1000, at: at(1), userId: 'u1' });
      await store.addBlob({ sha256: 'a'.repeat(64), mime: 'image/png', size: 5, at: at(2), userId: 'u2' });
      await store.addBlob({ sha256: 'b'.repeat(64), mime: 'image/png', size: 500, at: at(3), userId: 'u2' });
      expect(await store.blobInfo('a'.repeat(64))).toEqual({ sha256: 'a'.repeat(64), mime: 'image/jpeg', size: 1000 });
      expect(await store.blobInfo('c'.repeat(64))).toBeUndefined();
      expect(await store.blobBytes('u1')).toEqual({ mine: 1000, total: 1500 });
      expect(await store.blobBytes(null)).toEqual({ mine: 0, total: 1500 });
    });

    it('notes every sender of a photo’s bytes, the first one paying for it', async () => {
      const sha = 'e'.repeat(64);
      await store.addBlob({ sha256: sha, mime: 'image/jpeg', size: 10, at: at(1), userId: 'u1' });
      expect(await store.uploadedBlob(sha, 'u1')).toBe(true);
      expect(await store.uploadedBlob(sha, 'u3')).toBe(false);
      await store.addBlobUpload(sha, 'u3', at(2));
      await store.addBlobUpload(sha, 'u3', at(3));
      expect(await store.uploadedBlob(sha, 'u3')).toBe(true);
      expect((await store.blobBytes('u3')).mine).toBe(0);
    });

    it('indexes the photos a record points to as it is written: changed with the record, none once it is deleted', async () => {
      const [p, q, r] = ['1', '2', '3'].map((c) => c.repeat(64)) as [string, string, string];
      const photo = (sha: string, markupOf?: string) => ({ sha256: sha, mime: 'image/jpeg', takenAt: at(0), ...(markupOf ? { markupOf } : {}) });
      const referring = async (sha: string) => (await store.recordsReferringTo(sha)).map((x) => `${x.entity}/${x.id}/${x.rev}`).sort();
      await store.transaction(async (tx) => {
        await write(tx, 'inspection', 'pi1', 1, { answers: { a: { photos: [photo(p)] } } });
        // Written twice in one transaction: the last version counts.
        await write(tx, 'inspection', 'pi1', 2, { answers: { a: { photos: [photo(p), photo(q, p)] } } });
        await write(tx, 'household', 'ph1', 1, { consent: { signature: photo(q) }, note: { sha256: 'not a hash' } });
      });
      expect(await referring(p)).toEqual(['inspection/pi1/2']);
      expect(await referring(q)).toEqual(['household/ph1/1', 'inspection/pi1/2']);
      // A photo taken out of a record no longer points there; a deleted record points nowhere.
      await store.transaction(async (tx) => {
        await write(tx, 'inspection', 'pi1', 3, { answers: { a: { photos: [photo(r)] } } });
        await write(tx, 'household', 'ph1', 2, { consent: { signature: photo(q) } }, true);
      });
      expect(await referring(p)).toEqual([]);
      expect(await referring(q)).toEqual([]);
      expect(await referring(r)).toEqual(['inspection/pi1/3']);
      // Outside a transaction too.
      await store.writeRecord({ entity: 'visit', id: 'pv1', rev: 1, dataJson: JSON.stringify({ photos: [photo(p)] }), deleted: false, at: at(4), userId: 'u1', opId: null });
      expect(await referring(p)).toEqual(['visit/pv1/1']);
    });

    it('reports its health and size, and the generation id', async () => {
      expect(await store.healthy()).toBe(true);
      expect(await store.databaseBytes()).toBeGreaterThan(10_000);
      expect(await store.generation()).toMatch(/^[0-9a-f]{32}$/);
    });

    it('two stores on one database (two processes) write at once; a third pulling the feed misses nothing', async () => {
      const a = await engine.other(store);
      const b = await engine.other(store);
      const start = await store.newestChange();
      const written: number[] = [];
      let writing = 2;
      const writer = async (s: Store, name: string) => {
        try {
          for (let i = 0; i < 40; i++) {
            written.push(
              await s.transaction(async (tx) => {
                const seq = await write(tx, 'dwelling', `${name}-${i % 10}`, i + 1, { n: i });
                await new Promise((r) => setTimeout(r, i % 3));
                return seq;
              }),
            );
          }
        } finally {
          // A writer that fails ends the reader too, so the test fails instead of waiting for ever.
          writing--;
        }
      };
      const seen: number[] = [];
      const reader = async () => {
        let cursor = start;
        for (;;) {
          const done = writing === 0;
          const page = await store.changesAfter(cursor, 7);
          // Only a record's latest change is in records: what a pull sees is the newest revision of each.
          for (const r of page) seen.push(r.seq);
          if (page.length) cursor = page.at(-1)!.seq;
          else if (done) return;
          else await new Promise((r) => setTimeout(r, 1));
        }
      };
      try {
        await Promise.all([writer(a, 'a'), writer(b, 'b'), reader()]);
      } finally {
        await a.close();
        await b.close();
      }
      expect([...written].sort((x, y) => x - y)).toEqual(Array.from({ length: 80 }, (_, i) => start + 1 + i));
      // Every record's final revision was pulled: its latest change number is among those seen.
      const final = await store.changesAfter(start, 1000);
      expect(final).toHaveLength(20);
      for (const r of final) expect(seen).toContain(r.seq);
      expect(final.every((r) => r.rev === 31 + (Number(r.id.split('-')[1]) as number))).toBe(true);
    });
  });
});
