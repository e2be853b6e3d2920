/** A registry import as one all-or-nothing batch of ops, and its undo as another. */
import type { Dwelling } from '../schemas/dwelling';
import type { Op } from '../sync/protocol';

/** One creation op per dwelling, each marked with the import's id so the import can be undone as a whole. */
export function importOps(dwellings: readonly Dwelling[], importId: string, newId: () => string = () => crypto.randomUUID()): Op[] {
  return dwellings.map((d) => ({ opId: newId(), entity: 'dwelling', id: newId(), baseRev: 0, set: { ...d, importId } }));
}

/** A record as the undo reads it: id, the server's revision and its data. */
export type ImportedRecord = { id: string; rev: number; deleted?: boolean; data: { importId?: unknown } };

/** One delete op for every live dwelling the import created. */
export function undoOps(records: readonly ImportedRecord[], importId: string, newId: () => string = () => crypto.randomUUID()): Op[] {
  return records
    .filter((r) => !r.deleted && r.data.importId === importId)
    .map((r) => ({ opId: newId(), entity: 'dwelling', id: r.id, baseRev: r.rev, delete: true }));
}
