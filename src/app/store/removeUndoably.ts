/**
 * Removing a record with a way back. The delete is written at once (record and outbox op, as every change), so a
 * removal survives the app closing; undo brings the same data back as a new record, because the server refuses every
 * later write to a deleted record and the delete may already have been pushed when the person changes their mind.
 */
import type { EntityName } from '../../core/entities';
import type { EgnetDb } from './db';
import { deviceDb } from './deviceDb';
import { ChangeRefusedError, repo } from './repo';

/** A written removal: the data as it was, and the undo that restores it (once, however often it is called). */
export type Removal<T> = { data: T; undo: () => Promise<string> };

/** Deletes the record now and returns what undo needs; the promise of `undo` resolves with the restored record's id. */
export async function removeUndoably<T extends object>(entity: EntityName, id: string, db: EgnetDb = deviceDb()): Promise<Removal<T>> {
  const records = repo<T>(entity, db);
  const before = await records.get(id);
  if (!before) {
    throw new ChangeRefusedError(`Record ${entity}/${id} is gone`, {
      nb: 'Posten finnes ikke lenger på denne enheten.',
      en: 'The record is no longer on this device.',
    });
  }
  await records.delete(id);
  let restored: Promise<string> | null = null;
  return { data: before.data, undo: () => (restored ??= records.create(before.data)) };
}
