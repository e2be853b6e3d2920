/** An import as one all-or-nothing batch of ops, and its undo as another. */
import type { EntityName } from '../entities';
import type { Dwelling } from '../schemas/dwelling';
import type { Op } from '../sync/protocol';

/** One creation op per record, each marked with the import's id so the import can be undone as a whole. */
export function importRecordOps(entity: EntityName, records: readonly object[], importId: string, newId: () => string = () => crypto.randomUUID()): Op[] {
  return records.map((d) => ({ opId: newId(), entity, id: newId(), baseRev: 0, set: { ...(d as Record<string, unknown>), importId } }));
}

/** One creation op per dwelling of a registry import. */
export function importOps(dwellings: readonly Dwelling[], importId: string, newId?: () => string): Op[] {
  return importRecordOps('dwelling', dwellings, importId, newId);
}

/** A record as the undo reads it: id, the server's revision and its data. */
export type ImportedRecord = { id: string; rev: number; deleted?: boolean; data: { importId?: unknown } };

/** One delete op for every live record of the entity the import created. */
export function undoOps(records: readonly ImportedRecord[], importId: string, newId: () => string = () => crypto.randomUUID(), entity: EntityName = 'dwelling'): Op[] {
  return records
    .filter((r) => !r.deleted && r.data.importId === importId)
    .map((r) => ({ opId: newId(), entity, id: r.id, baseRev: r.rev, delete: true }));
}
