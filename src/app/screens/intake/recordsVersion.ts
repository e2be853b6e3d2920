/** A fingerprint of a set of records, so figures computed from them can be reused until one of them changes. */

/** What identifies one state of a record. */
export type RecordStamp = { entity: string; id: string; rev: number; updatedAt: string };

/** FNV-1a over every record's entity, id, revision and change time, with the count in front. */
export function recordsVersion(groups: readonly (readonly RecordStamp[])[]): string {
  let h = 0x811c9dc5;
  let n = 0;
  for (const rows of groups)
    for (const r of rows) {
      const s = `${r.entity}/${r.id}/${r.rev}/${r.updatedAt};`;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      n++;
    }
  return `${n}-${(h >>> 0).toString(16)}`;
}
