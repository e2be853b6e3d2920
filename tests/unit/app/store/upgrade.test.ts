// A database filled at every earlier schema version opens under the current version with nothing lost.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EgnetDb, STORE_VERSIONS, type StoredRecord } from '../../../../src/app/store/db';
import { repo } from '../../../../src/app/store/repo';
import { DEXIE_FIXTURES } from '../../../fixtures/dexie/dexie-fixtures';
import { v1 } from '../../../fixtures/dexie/v1';

const idb = { indexedDB, IDBKeyRange };

/** Rows in a fixed order, so tables compare whatever their key order. */
const byContent = (rows: unknown[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** The keys of the records the dwelling index must hold: those whose data names a dwelling. */
const linkedKeys = (rows: unknown[]) =>
  (rows as StoredRecord[]).filter((r) => typeof r.data.dwellingId === 'string').map((r) => [r.entity, r.id].join('/')).sort();

/** Fills a database at the given fixtures' versions with rows, and closes it. */
async function fillAt(name: string, upTo: number, rows: Record<string, unknown[]>): Promise<void> {
  const old = new Dexie(name, idb);
  for (const f of DEXIE_FIXTURES.filter((x) => x.version <= upTo)) old.version(f.version).stores(f.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  });
  old.close();
}

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
      await fillAt(name, fixture.version, fixture.rows);

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
      // The dwelling index holds exactly the records that name a dwelling, whichever version wrote them.
      const indexed = await db.records.orderBy('[entity+data.dwellingId]').primaryKeys();
      expect(indexed.map((k) => k.join('/')).sort()).toEqual(linkedKeys(fixture.rows.records ?? []));
      db.close();
    });
  }

  it('finds every checklist and household of a version 1 database by its dwelling after the upgrade', async () => {
    const name = `upgrade-linked-v1-${crypto.randomUUID()}`;
    const dwellings = Array.from({ length: 4 }, () => crypto.randomUUID());
    const linked: StoredRecord[] = Array.from({ length: 60 }, (_, i) => ({
      entity: i % 3 === 0 ? 'household' : 'inspection',
      id: crypto.randomUUID(),
      rev: i % 2,
      base: null,
      // Every fifth record names no dwelling (an unplaced household, a checklist saved before it was linked).
      data: { dwellingId: i % 5 === 0 ? null : dwellings[i % 4], status: i % 2 ? 'completed' : 'draft' },
      deleted: i % 7 === 0,
      updatedAt: '2026-11-20T08:00:00.000Z',
      updatedBy: '00000000-0000-4000-8000-000000000002',
    }));
    const rows = { ...v1.rows, records: [...(v1.rows.records ?? []), ...linked] };
    await fillAt(name, 1, rows);

    const db = new EgnetDb(name, idb);
    await db.open();
    expect(byContent(await db.records.toArray())).toEqual(byContent(rows.records));
    for (const entity of ['inspection', 'household'] as const) {
      const r = repo<{ dwellingId?: string | null }>(entity, db);
      for (const d of dwellings) {
        const want = linked.filter((x) => x.entity === entity && !x.deleted && x.data.dwellingId === d).map((x) => x.id).sort();
        expect(want.length).toBeGreaterThan(0);
        expect((await r.listBy('dwellingId', d)).map((x) => x.id).sort()).toEqual(want);
      }
    }
    db.close();
  });
});
