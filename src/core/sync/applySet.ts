/** Applies an op's `set` to a record's data without touching the input (both sides of the sync use it). */
import { splitPath } from './path';

/** Assigns an own property, so a key such as `__proto__` can never reach an object's prototype. */
function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Returns new data with every path of `set` written. `field` replaces a top-level field; `field.key` writes one entry
 * of a map-valued field (creating the map when absent). A map entry set to `null` is removed: that is how an answer
 * is cleared without touching the other answers.
 */
export function applySet(data: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(data)) assign(out, k, data[k]);
  for (const path of Object.keys(set)) {
    const value = set[path];
    const { field, key } = splitPath(path);
    if (key === undefined) {
      assign(out, field, value);
      continue;
    }
    const prev = out[field];
    const map: Record<string, unknown> = {};
    if (prev !== null && typeof prev === 'object' && !Array.isArray(prev)) {
      for (const k of Object.keys(prev)) assign(map, k, (prev as Record<string, unknown>)[k]);
    }
    if (value === null) delete map[key];
    else assign(map, key, value);
    assign(out, field, map);
  }
  return out;
}
