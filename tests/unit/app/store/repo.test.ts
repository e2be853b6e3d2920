// The repository writes the record and its outbox op together, and reads back the device's view.
// liveQuery reads IndexedDB from the globals, as in a browser.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EgnetDb } from '../../../../src/app/store/db';
import { ChangeRefusedError, repo } from '../../../../src/app/store/repo';
import { savePhoto, sha256Hex } from '../../../../src/app/store/save-photo';
import { withReopen } from '../../../../src/app/store/with-reopen';
import { NotSavedError, onNotSaved } from '../../../../src/app/store/not-saved';

const opened: EgnetDb[] = [];
function freshDb(): EgnetDb {
  const db = new EgnetDb(`repo-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('repo', () => {
  it('creates, edits and deletes with one outbox op per change, in order, with baseRev 0 before the first sync', async () => {
    const db = freshDb();
    const dwellings = repo<{ address: string; floor?: number; answers?: Record<string, unknown> }>('dwelling', db);
    const id = await dwellings.create({ address: 'Gata 1' });
    await dwellings.put(id, { floor: 2 });
    await dwellings.setPath(id, 'answers.fire.smokeDetectors', { value: 2 });
    await dwellings.setPath(id, 'answers.fire.extinguisher', { value: true });
    await dwellings.setPath(id, 'answers.fire.extinguisher', null);
    expect((await dwellings.get(id))?.data).toEqual({
      address: 'Gata 1',
      floor: 2,
      answers: { 'fire.smokeDetectors': { value: 2 } },
    });
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops.map((o) => o.set ?? 'delete')).toEqual([
      { address: 'Gata 1' },
      { floor: 2 },
      { 'answers.fire.smokeDetectors': { value: 2 } },
      { 'answers.fire.extinguisher': { value: true } },
      { 'answers.fire.extinguisher': null },
    ]);
    expect(ops.every((o) => o.baseRev === 0 && o.id === id && o.status === 'pending')).toBe(true);
    expect(new Set(ops.map((o) => o.opId)).size).toBe(5);

    await dwellings.delete(id);
    expect(await dwellings.get(id)).toBeUndefined();
    expect(await dwellings.list()).toEqual([]);
    expect((await db.outbox.orderBy('seq').last())?.delete).toBe(true);
    await expect(dwellings.put(id, { floor: 3 })).rejects.toBeInstanceOf(ChangeRefusedError);
    expect(await db.outbox.count()).toBe(6);
  });

  it('uses the record’s server revision as baseRev', async () => {
    const db = freshDb();
    const id = crypto.randomUUID();
    await db.records.put({
      entity: 'task', id, rev: 7, base: { title: 'a' }, data: { title: 'a' }, deleted: false,
      updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u',
    });
    await repo('task', db).put(id, { title: 'b' });
    const [op] = await db.outbox.toArray();
    expect(op?.baseRev).toBe(7);
    expect((await db.records.get(['task', id]))?.base).toEqual({ title: 'a' });
  });

  it('refuses invalid paths without writing anything', async () => {
    const db = freshDb();
    const r = repo('dwelling', db);
    await expect(r.setPath(crypto.randomUUID(), 'answers.__proto__', 1)).rejects.toBeInstanceOf(ChangeRefusedError);
    await expect(r.setPath(crypto.randomUUID(), '1bad', 1)).rejects.toBeInstanceOf(ChangeRefusedError);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.count()).toBe(0);
  });

  it('never leaves a record change without its op: a failing transaction writes neither', async () => {
    const db = freshDb();
    const id = crypto.randomUUID();
    // An op with a duplicate opId makes the outbox write fail inside the transaction.
    const fixedId = '11111111-1111-4111-8111-111111111111';
    const real = crypto.randomUUID.bind(crypto);
    await db.outbox.add({ opId: fixedId, entity: 'task', id: real(), baseRev: 0, set: {}, createdAt: '', attempts: 0, status: 'pending' });
    const spy = () => fixedId as `${string}-${string}-${string}-${string}-${string}`;
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: spy, configurable: true });
    try {
      await expect(repo('task', db).put(id, { title: 'x' })).rejects.toBeInstanceOf(NotSavedError);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
    expect(await db.records.get(['task', id])).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('reopens a closed connection and retries the write once', async () => {
    const db = freshDb();
    await db.open();
    const r = repo('task', db);
    db.close({ disableAutoOpen: true });
    const id = await r.create({ title: 'after reopen' });
    expect((await r.get(id))?.data).toEqual({ title: 'after reopen' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('reports a write that fails twice as not saved', async () => {
    const db = freshDb();
    const seen: NotSavedError[] = [];
    const off = onNotSaved((e) => seen.push(e));
    const closed = Object.assign(new Error('gone'), { name: 'DatabaseClosedError' });
    await expect(withReopen(db, () => Promise.reject(closed))).rejects.toBeInstanceOf(NotSavedError);
    off();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.text.nb).toMatch(/ikke lagret/);
  });

  it('stores photos as bytes plus type, once per hash', async () => {
    const db = freshDb();
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const ref = await savePhoto(bytes, 'image/jpeg', { db, takenAt: new Date('2026-11-27T10:00:00Z') });
    expect(ref.sha256).toBe('74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0');
    expect(ref.sha256).toBe(await sha256Hex(bytes));
    await savePhoto(bytes, 'image/jpeg', { db });
    const rows = await db.photos.toArray();
    expect(rows).toHaveLength(1);
    expect(new Uint8Array(rows[0]!.bytes)).toEqual(bytes);
    expect(rows[0]).toMatchObject({ mime: 'image/jpeg', size: 5, uploaded: 0 });
  });

  it('lets a live query see every change', async () => {
    const db = freshDb();
    const r = repo<{ title: string }>('task', db);
    const seen: number[] = [];
    const sub = liveQuery(() => r.list()).subscribe((rows) => seen.push(rows.length));
    await r.create({ title: 'a' });
    await new Promise((res) => setTimeout(res, 50));
    await r.create({ title: 'b' });
    await new Promise((res) => setTimeout(res, 50));
    sub.unsubscribe();
    expect(seen.at(-1)).toBe(2);
  });
});
