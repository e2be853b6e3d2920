/** The server's conflict rule for one op's `set`, as a pure function (table-tested in tests/unit/core/sync). */
import { applySet } from './applySet';
import { deepEqual } from './deepEqual';
import { pathsOverlap, readPath } from './path';

/** The last write of one path of a record: at which revision, from which installation, by whom, when. */
export type PathWrite = { path: string; rev: number; clientId: string | null; userId: string; at: string };

/** A path the op could not write because someone else changed it since the op's base revision. */
export type MergeConflict = { path: string; server: unknown; mine: unknown; by: string; at: string };

/** What merging an op gives: the new data, the paths written, and the paths held back as conflicts. */
export type MergeResult = { data: Record<string, unknown>; written: string[]; conflicts: MergeConflict[] };

/**
 * Merges `set` into `data`. A path is held back as a conflict when a write to it (or to its field, or to one of its
 * entries) after `baseRev` came from a different installation and the server's value differs from the op's value.
 * Equal values are not a conflict; an installation's own later writes never conflict with its earlier ones.
 */
export function mergeOp(args: {
  data: Record<string, unknown>;
  writes: readonly PathWrite[];
  set: Record<string, unknown>;
  baseRev: number;
  clientId: string;
}): MergeResult {
  const { data, writes, set, baseRev, clientId } = args;
  const toWrite: Record<string, unknown> = {};
  const written: string[] = [];
  const conflicts: MergeConflict[] = [];
  for (const path of Object.keys(set)) {
    const mine = set[path];
    const foreign = writes
      .filter((w) => w.rev > baseRev && w.clientId !== clientId && pathsOverlap(w.path, path))
      .sort((a, b) => b.rev - a.rev)[0];
    const server = readPath(data, path);
    // A cleared map entry (null) reads back as absent.
    const same = deepEqual(server, mine) || (mine === null && server === undefined && path.includes('.'));
    if (foreign && !same) {
      conflicts.push({ path, server: server ?? null, mine, by: foreign.userId, at: foreign.at });
      continue;
    }
    toWrite[path] = mine;
    written.push(path);
  }
  return { data: applySet(data, toWrite), written, conflicts };
}
