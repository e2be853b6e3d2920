// A removal is written at once with its outbox op; undo queues the same data again as a new record, exactly once.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { EgnetDb } from '../../../../src/app/store/db';
import { removeUndoably } from '../../../../src/app/store/removeUndoably';
import { ChangeRefusedError, repo } from '../../../../src/app/store/repo';

const opened: EgnetDb[] = [];
function freshDb(): EgnetDb {
  const db = new EgnetDb(`undo-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

type Note = { title: string; dueDate: string };

describe('removeUndoably', () => {
  it('writes the delete before returning, so closing the app keeps the removal', async () => {
    const db = freshDb();
    const tasks = repo<Note>('task', db);
    const id = await tasks.create({ title: 'Søke bostøtte', dueDate: '2025-03-01' });
    const removal = await removeUndoably<Note>('task', id, db);
    expect(removal.data).toEqual({ title: 'Søke bostøtte', dueDate: '2025-03-01' });
    expect(await tasks.get(id)).toBeUndefined();
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops.map((o) => (o.delete ? 'delete' : 'set'))).toEqual(['set', 'delete']);
    // A second connection (the app opened again) sees the same.
    const again = new EgnetDb(db.name, { indexedDB, IDBKeyRange });
    opened.push(again);
    expect(await repo('task', again).list()).toEqual([]);
  });

  it('undo restores the data as a new record, once, and leaves the delete queued', async () => {
    const db = freshDb();
    const tasks = repo<Note>('task', db);
    const id = await tasks.create({ title: 'Ringe NAV', dueDate: '2025-04-01' });
    const removal = await removeUndoably<Note>('task', id, db);
    const [a, b] = await Promise.all([removal.undo(), removal.undo()]);
    expect(a).toBe(b);
    expect(a).not.toBe(id);
    expect((await tasks.list()).map((r) => [r.id, r.data])).toEqual([[a, { title: 'Ringe NAV', dueDate: '2025-04-01' }]]);
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops.map((o) => [o.id, o.delete ? 'delete' : 'set'])).toEqual([
      [id, 'set'],
      [id, 'delete'],
      [a, 'set'],
    ]);
  });

  it('refuses a record that is not on the device', async () => {
    await expect(removeUndoably('allocation', crypto.randomUUID(), freshDb())).rejects.toBeInstanceOf(ChangeRefusedError);
  });
});
