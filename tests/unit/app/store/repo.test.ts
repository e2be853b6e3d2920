// The repository writes the record and its outbox op together, and reads back the device's view.
// liveQuery reads IndexedDB from the globals, as in a browser.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EgnetDb, type StoredRecord } from '../../../../src/app/store/db';
import { ChangeRefusedError, recordChanges, repo } from '../../../../src/app/store/repo';
import { preparePhoto, savePhoto, sha256Hex } from '../../../../src/app/store/savePhoto';
import { withReopen } from '../../../../src/app/store/withReopen';
import { NotSavedError, onNotSaved } from '../../../../src/app/store/notSaved';

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

  it('writes several changes in one call in order, a record changed twice building on its first change', async () => {
    const db = freshDb();
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await recordChanges(db, [
      { entity: 'task', id: a, change: { set: { title: 'Første' } } },
      { entity: 'task', id: b, change: { set: { title: 'Andre' } } },
      { entity: 'task', id: a, change: { set: { 'answers.x': { value: 1 } } } },
    ]);
    expect((await db.records.get(['task', a]))?.data).toEqual({ title: 'Første', answers: { x: { value: 1 } } });
    expect((await db.records.get(['task', b]))?.data).toEqual({ title: 'Andre' });
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops.map((o) => [o.id, o.set])).toEqual([[a, { title: 'Første' }], [b, { title: 'Andre' }], [a, { 'answers.x': { value: 1 } }]]);

    // A change to a deleted record refuses the whole call: nothing of it is written, not even the changes before it.
    await recordChanges(db, [{ entity: 'task', id: b, change: { delete: true } }]);
    const c = crypto.randomUUID();
    await expect(
      recordChanges(db, [
        { entity: 'task', id: c, change: { set: { title: 'Ny' } } },
        { entity: 'task', id: b, change: { set: { title: 'Igjen' } } },
      ]),
    ).rejects.toBeInstanceOf(ChangeRefusedError);
    expect(await db.records.get(['task', c])).toBeUndefined();
    expect(await db.outbox.count()).toBe(4);
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

describe('repo.listBy', () => {
  type Linked = { dwellingId?: string | null; status?: string };
  const A = '6d0f3c8e-3f6a-4e39-9a43-6c1f5a1fa00a';
  const B = '6d0f3c8e-3f6a-4e39-9a43-6c1f5a1fb00b';

  it('returns exactly the live records of the entity naming that dwelling, as a filtered list would', async () => {
    const db = freshDb();
    const inspections = repo<Linked>('inspection', db);
    const households = repo<Linked>('household', db);
    const a1 = await inspections.create({ dwellingId: A, status: 'draft' });
    const a2 = await inspections.create({ dwellingId: A, status: 'completed' });
    const gone = await inspections.create({ dwellingId: A, status: 'draft' });
    await inspections.delete(gone);
    await inspections.create({ dwellingId: B, status: 'draft' });
    await inspections.create({ dwellingId: null, status: 'draft' });
    await inspections.create({ status: 'draft' });
    await households.create({ dwellingId: A });
    // As a finished sync leaves it: a server record written straight into the store, and a server-side delete.
    const synced = crypto.randomUUID();
    await db.records.bulkPut([
      { entity: 'inspection', id: synced, rev: 4, base: { dwellingId: A }, data: { dwellingId: A }, deleted: false, updatedAt: 'x', updatedBy: 'u' },
      { entity: 'inspection', id: crypto.randomUUID(), rev: 5, base: null, data: { dwellingId: A }, deleted: true, updatedAt: 'x', updatedBy: 'u' },
    ]);

    const got = await inspections.listBy('dwellingId', A);
    expect(new Set(got.map((r) => r.id))).toEqual(new Set([a1, a2, synced]));
    expect(got).toEqual(await inspections.list((d) => d.dwellingId === A));
    expect((await inspections.listBy('dwellingId', A, (d) => d.status === 'completed')).map((r) => r.id)).toEqual([a2]);
    expect(await households.listBy('dwellingId', A)).toHaveLength(1);
    expect(await inspections.listBy('dwellingId', crypto.randomUUID())).toEqual([]);
  });

  it('follows a record moved to another dwelling', async () => {
    const db = freshDb();
    const inspections = repo<Linked>('inspection', db);
    const id = await inspections.create({ dwellingId: A });
    await inspections.put(id, { dwellingId: B });
    expect(await inspections.listBy('dwellingId', A)).toEqual([]);
    expect((await inspections.listBy('dwellingId', B)).map((r) => r.id)).toEqual([id]);
    await inspections.put(id, { dwellingId: null });
    expect(await inspections.listBy('dwellingId', B)).toEqual([]);
  });

  it('matches a full scan on random data', async () => {
    const db = freshDb();
    const dwellings = [A, B, crypto.randomUUID()];
    // Seeded, so a failure repeats.
    let seed = 42;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pick = <X,>(xs: readonly X[]): X => xs[next(xs.length)]!;
    const rows: StoredRecord[] = Array.from({ length: 300 }, (_, i) => ({
      entity: pick(['inspection', 'household', 'allocation'] as const),
      id: `r${String(i).padStart(4, '0')}`,
      rev: next(5),
      base: null,
      data: next(6) === 0 ? {} : { dwellingId: pick(dwellings) },
      deleted: next(4) === 0,
      updatedAt: 'x',
      updatedBy: 'u',
    }));
    await db.records.bulkPut(rows);
    for (const entity of ['inspection', 'household', 'allocation'] as const) {
      const r = repo<Linked>(entity, db);
      for (const d of dwellings) expect(await r.listBy('dwellingId', d)).toEqual(await r.list((x) => x.dwellingId === d));
    }
  });

  it('lets a live query see a record join and leave the dwelling', async () => {
    const db = freshDb();
    const inspections = repo<Linked>('inspection', db);
    const seen: number[] = [];
    const sub = liveQuery(() => inspections.listBy('dwellingId', A)).subscribe((rows) => seen.push(rows.length));
    const pause = () => new Promise((res) => setTimeout(res, 50));
    await pause();
    const id = await inspections.create({ dwellingId: A });
    await pause();
    await inspections.put(id, { dwellingId: B });
    await pause();
    sub.unsubscribe();
    expect(seen).toEqual([0, 1, 0]);
  });

  it('reads completed checklists by status, and a live query over them sleeps while a draft is answered', async () => {
    const db = freshDb();
    const inspections = repo<Linked & { answers?: Record<string, unknown> }>('inspection', db);
    const done = await inspections.create({ dwellingId: A, status: 'completed' });
    const draft = await inspections.create({ dwellingId: A, status: 'draft', answers: {} });
    await repo<Linked>('household', db).create({ status: 'completed' });
    expect((await inspections.listBy('status', 'completed')).map((r) => r.id)).toEqual([done]);

    let runs = 0;
    const seen: number[] = [];
    const sub = liveQuery(() => {
      runs++;
      return inspections.listBy('status', 'completed');
    }).subscribe((rows) => seen.push(rows.length));
    const pause = () => new Promise((res) => setTimeout(res, 50));
    await pause();
    const before = runs;
    for (let i = 0; i < 5; i++) await inspections.setPath(draft, `answers.q${i}`, { value: i });
    await pause();
    // Five answers saved in the draft: the query over completed checklists was not run again.
    expect(runs).toBe(before);
    await inspections.put(draft, { status: 'completed' });
    await pause();
    sub.unsubscribe();
    expect(seen).toEqual([1, 2]);
  });

  it('stores the photos given with the changes in the same write, each once', async () => {
    const db = freshDb();
    const task = crypto.randomUUID();
    const checklist = crypto.randomUUID();
    await db.records.put({ entity: 'inspection', id: checklist, rev: 3, base: { status: 'draft' }, data: { status: 'draft', answers: {} }, deleted: false, updatedAt: '', updatedBy: '' });
    const png = await preparePhoto(new Uint8Array([137, 80, 78, 71, 1]), 'image/png');
    // The same image twice (inspector and tenant drew the same), and one already stored: each is kept once.
    await savePhoto(new Uint8Array([137, 80, 78, 71, 2]), 'image/png', { db });
    const stored = await preparePhoto(new Uint8Array([137, 80, 78, 71, 2]), 'image/png');
    await recordChanges(
      db,
      [
        { entity: 'task', id: task, change: { set: { title: 'Skifte sluk', status: 'open' } } },
        { entity: 'inspection', id: checklist, change: { set: { status: 'completed' } } },
        { entity: 'task', id: task, change: { set: { dueDate: '2027-01-01' } } },
      ],
      [png.row, png.row, stored.row],
    );
    expect((await db.records.get(['task', task]))?.data).toEqual({ title: 'Skifte sluk', status: 'open', dueDate: '2027-01-01' });
    expect((await db.records.get(['inspection', checklist]))?.data).toEqual({ status: 'completed', answers: {} });
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops.map((o) => [o.entity, o.baseRev, o.set])).toEqual([
      ['task', 0, { title: 'Skifte sluk', status: 'open' }],
      ['inspection', 3, { status: 'completed' }],
      ['task', 0, { dueDate: '2027-01-01' }],
    ]);
    expect((await db.photos.toCollection().primaryKeys()).sort()).toEqual([png.ref.sha256, stored.ref.sha256].sort());
  });

  it('stores no photo when one change of the call is refused', async () => {
    const db = freshDb();
    const gone = crypto.randomUUID();
    await db.records.put({ entity: 'task', id: gone, rev: 1, base: null, data: {}, deleted: true, updatedAt: '', updatedBy: '' });
    const png = await preparePhoto(new Uint8Array([137, 80, 78, 71, 3]), 'image/png');
    const fresh = crypto.randomUUID();
    await expect(
      recordChanges(db, [{ entity: 'task', id: fresh, change: { set: { title: 'Ny' } } }, { entity: 'task', id: gone, change: { set: { title: 'x' } } }], [png.row]),
    ).rejects.toBeInstanceOf(ChangeRefusedError);
    expect(await db.records.get(['task', fresh])).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
  });
});
