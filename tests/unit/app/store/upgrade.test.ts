// A database filled at every earlier schema version opens under the current version with nothing lost.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EgnetDb, STORE_VERSIONS } from '../../../../src/app/store/db';
import { DEXIE_FIXTURES } from '../../../fixtures/dexie/dexie-fixtures';

const idb = { indexedDB, IDBKeyRange };

/** Rows in a fixed order, so tables compare whatever their key order. */
const byContent = (rows: unknown[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('device database upgrades', () => {
  it('has one frozen fixture per shipped version, matching the declarations', () => {
    expect(DEXIE_FIXTURES.map((f) => f.version)).toEqual(STORE_VERSIONS.map((v) => v.version));
    for (const f of DEXIE_FIXTURES) {
      const shipped = STORE_VERSIONS.find((v) => v.version === f.version);
      // A shipped version must never change: the fixture is the copy of what went out.
      expect(shipped?.stores).toEqual(f.stores);
    }
  });

  for (const fixture of DEXIE_FIXTURES) {
    it(`opens a database filled at version ${fixture.version} with every row intact`, async () => {
      const name = `upgrade-from-v${fixture.version}-${crypto.randomUUID()}`;
      const old = new Dexie(name, idb);
      for (const f of DEXIE_FIXTURES.filter((x) => x.version <= fixture.version)) old.version(f.version).stores(f.stores);
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(fixture.rows)) await old.table(table).bulkAdd(rows);
      });
      old.close();

      const db = new EgnetDb(name, idb);
      await db.open();
      expect(db.verno).toBe(STORE_VERSIONS.at(-1)?.version);
      for (const [table, rows] of Object.entries(fixture.rows)) {
        const want = fixture.expect ? fixture.expect(table, rows) : rows;
        expect(byContent(await db.table(table).toArray()), table).toEqual(byContent(want));
      }
      // The outbox keeps its order and its counter: the next op queues after the old ones.
      const seq = await db.outbox.add({
        opId: crypto.randomUUID(), entity: 'dwelling', id: crypto.randomUUID(), baseRev: 0, set: { a: 1 },
        createdAt: new Date().toISOString(), attempts: 0, status: 'pending',
      });
      const maxOld = Math.max(0, ...(fixture.rows.outbox ?? []).map((r) => (r as { seq: number }).seq));
      expect(seq).toBeGreaterThan(maxOld);
      db.close();
    });
  }
});
