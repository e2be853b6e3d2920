/** A fingerprint per dwelling of its record and its checklists, so a verdict is reassessed only when one of them changed. */
import type { RecordStamp } from './recordsVersion';

/** FNV-1a of one record's state. */
function hashOf(r: RecordStamp): number {
  const s = `${r.id}/${r.rev}/${r.updatedAt}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Per dwelling id: its own revision and change time, and the count, sum and xor of its checklists' hashes. Sum and
 * xor do not depend on the order the checklists are read in; a checklist added, removed or changed changes them.
 */
export function dwellingStamps(
  dwellings: readonly RecordStamp[],
  inspections: readonly (RecordStamp & { data: { dwellingId?: string | null } })[],
): Map<string, string> {
  const sums = new Map<string, [count: number, sum: number, xor: number]>();
  for (const i of inspections) {
    const id = i.data.dwellingId;
    if (!id) continue;
    const h = hashOf(i);
    const s = sums.get(id);
    if (s) {
      s[0]++;
      s[1] = (s[1] + h) >>> 0;
      s[2] = (s[2] ^ h) >>> 0;
    } else sums.set(id, [1, h, h]);
  }
  const out = new Map<string, string>();
  for (const d of dwellings) {
    const [count, sum, xor] = sums.get(d.id) ?? [0, 0, 0];
    out.set(d.id, `${d.rev}/${d.updatedAt}/${count}/${sum.toString(36)}/${xor.toString(36)}`);
  }
  return out;
}
