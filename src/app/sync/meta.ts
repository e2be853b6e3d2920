/** The sync engine's small state in the device database's `meta` table: cursor, installation id, last sync and error. */
import type { LocalText } from '../../core/text';
import type { EgnetDb } from '../store/db';

/** The last failed sync: when, a code for tests and logs, and what to tell the person. */
export type SyncError = { at: string; code: string; text: LocalText };

/** Everything the engine keeps between syncs. */
export type SyncMeta = {
  /** The server's change sequence up to which this device has applied changes. */
  cursor: number;
  /** The server database's generation the cursor belongs to; absent before the first pull of this app version. */
  generation?: string;
  /** This installation's id (sent as `clientId`); made once per database. */
  clientId?: string;
  /** When the last sync finished without error (ISO). */
  lastSync?: string;
  lastError?: SyncError;
};

/** Reads the engine's state (cursor 0 when never synced). Call inside a transaction over `meta` to read consistently. */
export async function readMeta(db: EgnetDb): Promise<SyncMeta> {
  const rows = await db.meta.bulkGet(['cursor', 'clientId', 'lastSync', 'lastError', 'generation']);
  const [cursor, clientId, lastSync, lastError, generation] = rows.map((r) => r?.value);
  return {
    cursor: typeof cursor === 'number' ? cursor : 0,
    ...(typeof generation === 'string' ? { generation } : {}),
    ...(typeof clientId === 'string' ? { clientId } : {}),
    ...(typeof lastSync === 'string' ? { lastSync } : {}),
    ...(lastError ? { lastError: lastError as SyncError } : {}),
  };
}

/** This installation's id, made and stored on first use. */
export async function ensureClientId(db: EgnetDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('clientId');
    if (typeof row?.value === 'string') return row.value;
    const id = crypto.randomUUID();
    await db.meta.put({ key: 'clientId', value: id });
    return id;
  });
}
