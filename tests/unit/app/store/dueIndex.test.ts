// The due index: every write of a checklist record sets, changes or removes its key, and an upgraded database gets it.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EgnetDb, type StoredRecord } from '../../../../src/app/store/db';
import { DEXIE_FIXTURES } from '../../../fixtures/dexie/dexie-fixtures';

const idb = { indexedDB, IDBKeyRange };
const D = '6d0f3c8e-3f6a-4e39-9a43-6c1f5a1f0201';
const BY = '00000000-0000-4000-8000-000000000002';

const checklist = (id: string, data: Record<string, unknown>, deleted = false): StoredRecord => ({
  entity: 'inspection', id, rev: 1, base: data, data, deleted, updatedAt: '2027-01-10T10:00:00.000Z', updatedBy: BY,
});
const completed = { templateId: 'dwelling-inspection', dwellingId: D, status: 'completed', completedAt: '2027-01-10T10:00:00.000Z', answers: {} };

describe('the due index', () => {
  it('follows every put, update and delete of a checklist', async () => {
    const db = new EgnetDb(`due-${crypto.randomUUID()}`, idb);
    const keys = async () => (await db.records.orderBy('due').keys()) as unknown[];
    await db.records.bulkPut([
      checklist('a', completed),
      checklist('b', { ...completed, status: 'draft', completedAt: null }),
      checklist('c', { ...completed, householdId: 'h' }), // a household's checklist never counts
      checklist('d', { ...completed, answers: { x: { value: 'red' } } }, true), // deleted
    ]);
    await db.records.put({ entity: 'dwelling', id: D, rev: 1, base: null, data: { address: 'Gata 1' }, deleted: false, updatedAt: '', updatedBy: BY });
    expect(await keys()).toEqual([[D, 'dwelling-inspection', '2027-01-10T10:00:00.000Z', 0, 0]]);

    // Completing the draft with a TG3 (an update, as a local change or a record from the server writes it).
    await db.records.update(['inspection', 'b'], { data: { ...completed, completedAt: '2027-02-01T10:00:00.000Z', answers: { y: { value: 'TG3' } } } });
    expect(await keys()).toEqual([
      [D, 'dwelling-inspection', '2027-01-10T10:00:00.000Z', 0, 0],
      [D, 'dwelling-inspection', '2027-02-01T10:00:00.000Z', 0, 1],
    ]);
    // Deleted, or moved to a household: the key goes.
    await db.records.update(['inspection', 'a'], { deleted: true });
    await db.records.put(checklist('b', { ...completed, householdId: 'h' }));
    expect(await keys()).toEqual([]);
    db.close();
  });

  it('is filled for the completed checklists of a version 2 database', async () => {
    const name = `due-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name, idb);
    for (const f of DEXIE_FIXTURES.filter((x) => x.version <= 2)) old.version(f.version).stores(f.stores);
    await old.open();
    await old.table('records').bulkAdd([
      checklist('a', { ...completed, answers: { x: { value: { likelihood: 5, consequence: 5 } } } }),
      checklist('b', { ...completed, status: 'draft', completedAt: null }),
    ]);
    old.close();
    const db = new EgnetDb(name, idb);
    expect(await db.records.orderBy('due').keys()).toEqual([[D, 'dwelling-inspection', '2027-01-10T10:00:00.000Z', 1, 0]]);
    expect((await db.records.get(['inspection', 'b']))?.due).toBeUndefined();
    db.close();
  });
});
