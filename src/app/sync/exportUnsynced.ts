/** The last resort: everything not yet on the server, as one JSON file a person can download and hand over. */
import type { EgnetDb } from '../store/db';
import { deviceDb } from '../store/deviceDb';
import { downloadFile } from '../downloadFile';
import { readMeta } from './meta';

/** What the file holds: waiting ops, refused ops, conflicts, the records they touch, and photos not uploaded (base64). */
export type UnsyncedExport = {
  format: 'egnet-unsynced-v1';
  exportedAt: string;
  clientId: string | null;
  user: { id: string; name: string } | null;
  pending: unknown[];
  rejected: unknown[];
  conflicts: unknown[];
  records: unknown[];
  photos: { sha256: string; mime: string; base64: string }[];
};

function base64(bytes: ArrayBuffer): string {
  let s = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) s += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Collects the unsynced data of this device (read in one transaction, so the parts agree). */
export async function collectUnsynced(user: { id: string; name: string } | null, db: EgnetDb = deviceDb()): Promise<UnsyncedExport> {
  return db.transaction('r', [db.outbox, db.rejected, db.conflicts, db.records, db.photos, db.meta], async () => {
    const [pending, rejected, conflicts, photos, meta] = await Promise.all([
      db.outbox.orderBy('seq').toArray(),
      db.rejected.toArray(),
      db.conflicts.toArray(),
      db.photos.where('uploaded').equals(0).toArray(),
      readMeta(db),
    ]);
    const keys = new Map<string, [string, string]>();
    for (const x of [...pending, ...rejected, ...conflicts]) keys.set(`${x.entity}/${x.id}`, [x.entity, x.id]);
    const records = (await db.records.bulkGet([...keys.values()])).filter((r) => r !== undefined);
    return {
      format: 'egnet-unsynced-v1',
      exportedAt: new Date().toISOString(),
      clientId: meta.clientId ?? null,
      user,
      pending,
      rejected,
      conflicts,
      records,
      photos: photos.map((p) => ({ sha256: p.sha256, mime: p.mime, base64: base64(p.bytes) })),
    };
  });
}

/** Downloads the export as `egnet-usynkronisert-<time>.json`; returns the file name. */
export async function downloadUnsynced(user: { id: string; name: string } | null): Promise<string> {
  const data = await collectUnsynced(user);
  const stamp = data.exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const file = `egnet-usynkronisert-${stamp}.json`;
  downloadFile(file, JSON.stringify(data, null, 2), 'application/json');
  return file;
}
