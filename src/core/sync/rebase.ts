/** The device's view of a record: the server's version with the pending local ops on top. */
import { applySet } from './applySet';

/** A pending local change as the rebase needs it. */
export type PendingChange = { set?: Record<string, unknown>; delete?: true };

/** Applies pending changes in order over the server's data (`null` when the record is not on the server yet). */
export function rebase(
  base: Record<string, unknown> | null,
  baseDeleted: boolean,
  pending: readonly PendingChange[],
): { data: Record<string, unknown>; deleted: boolean } {
  let data = base ?? {};
  let deleted = baseDeleted;
  for (const op of pending) {
    if (op.delete) deleted = true;
    else if (op.set) data = applySet(data, op.set);
  }
  return { data, deleted };
}
