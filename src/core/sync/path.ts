/** Paths of the sync contract (docs/sync-contract.md): `field` (a top-level field of `data`) or `field.key` (one entry of a map-valued field). */

/** A path split into its field and, for a map entry, its key (the key may itself contain dots). */
export type PathParts = { field: string; key?: string };

/** Splits a path at its first dot: `answers.fire.smokeDetectors` → field `answers`, key `fire.smokeDetectors`. */
export function splitPath(path: string): PathParts {
  const dot = path.indexOf('.');
  return dot < 0 ? { field: path } : { field: path.slice(0, dot), key: path.slice(dot + 1) };
}

/** The path of a write that covered the whole record: its creation. */
export const WHOLE_RECORD = '';

/** True when writing one path can change what the other path reads (same path, one is the other's field, or either is the whole record). */
export function pathsOverlap(a: string, b: string): boolean {
  if (a === b || a === WHOLE_RECORD || b === WHOLE_RECORD) return true;
  const pa = splitPath(a);
  const pb = splitPath(b);
  return pa.field === pb.field && (pa.key === undefined || pb.key === undefined);
}

/** The value at a path of a record's data (undefined when absent). */
export function readPath(data: Record<string, unknown>, path: string): unknown {
  const { field, key } = splitPath(path);
  const top = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
  if (key === undefined) return top;
  if (top === null || typeof top !== 'object' || Array.isArray(top)) return undefined;
  const map = top as Record<string, unknown>;
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}
