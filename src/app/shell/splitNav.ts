/** Which navigation entries a phone's bottom bar holds and which go under "Mer": the bar has room for five. */
import type { Role } from '../../core/entities';

/** Slots in the phone's bottom bar, "Mer" included: five labels of about 72 px fit a 360 px screen. */
export const BAR_SLOTS = 5;

// What each role opens most, most used first (README: who uses Egnet, and for what).
// Entries in no list rank after the listed ones, in navigation order.
const MOST_USED: Record<Role, readonly string[]> = {
  inspector: ['/', '/dwellings'],
  counsellor: ['/', '/households', '/tasks', '/foyer'],
  intake: ['/', '/match', '/overview', '/allocations', '/households', '/dwellings'],
  admin: ['/', '/dwellings', '/households', '/tasks', '/overview'],
};

/** The entries (by path, in navigation order) split into the bar and the "Mer" menu, both kept in navigation order. */
export type NavSplit = { bar: string[]; more: string[] };

/**
 * Keeps every entry in the bar when they all fit; otherwise the four most used by the person's roles (their roles'
 * lists taken in turn, so a person with two roles gets the top of both) stay in the bar and the rest go under "Mer".
 */
export function splitNav(paths: readonly string[], roles: readonly Role[]): NavSplit {
  if (paths.length <= BAR_SLOTS) return { bar: [...paths], more: [] };
  const lists = roles.map((r) => MOST_USED[r] ?? []);
  const ranked: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const path = list[i];
      if (path !== undefined && paths.includes(path) && !ranked.includes(path)) ranked.push(path);
    }
  }
  for (const path of paths) if (!ranked.includes(path)) ranked.push(path);
  const chosen = new Set(ranked.slice(0, BAR_SLOTS - 1));
  return { bar: paths.filter((p) => chosen.has(p)), more: paths.filter((p) => !chosen.has(p)) };
}
