/** The municipality's settings as the server holds them (the one settings record), for checks outside a push batch. */
import { readSettings, SETTINGS_ID, type Settings } from '../../core/schemas/settings';
import type { StoreTx } from '../store/store';

/** The stored settings, or null when the municipality is not set up yet (or the record is deleted or unreadable). */
export async function storedSettings(tx: StoreTx): Promise<Settings | null> {
  const [row] = await tx.findRecords([{ entity: 'settings', id: SETTINGS_ID }]);
  return row && !row.deleted ? readSettings(row.data) : null;
}
