// Home counts the dwellings from the index's keys alone; a dwelling deleted on the device (its delete still queued) is
// left out, as the full read used to leave it out.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { EgnetDb } from '../../../../src/app/store/db';
import { repo } from '../../../../src/app/store/repo';
import { dwellingIdsOnDevice } from '../../../../src/app/screens/home/homeCounts';

const opened: EgnetDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('dwellingIdsOnDevice', () => {
  it('lists every dwelling not deleted, reading only those with a change waiting', async () => {
    const db = new EgnetDb(`home-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
    opened.push(db);
    const synced = ['a', 'b', 'c'].map(() => crypto.randomUUID());
    for (const id of synced) await db.records.put({ entity: 'dwelling', id, rev: 1, base: { address: id }, data: { address: id }, deleted: false, updatedAt: '', updatedBy: '' });
    await db.records.put({ entity: 'task', id: crypto.randomUUID(), rev: 1, base: {}, data: {}, deleted: false, updatedAt: '', updatedBy: '' });
    const dwellings = repo<{ address: string }>('dwelling', db);
    const created = await dwellings.create({ address: 'Ny' });
    await dwellings.put(synced[0]!, { address: 'Endret' });
    await dwellings.delete(synced[1]!);
    expect((await dwellingIdsOnDevice(db)).sort()).toEqual([synced[0]!, synced[2]!, created].sort());
    expect((await dwellingIdsOnDevice(db)).sort()).toEqual((await dwellings.list()).map((d) => d.id).sort());
  });
});
