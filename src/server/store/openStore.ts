/** Opens the store the server runs on: SQLite in the data folder (the embedded default). */
import { join } from 'node:path';
import { openSqliteStore } from './sqlite/sqliteStore';
import type { Store } from './store';

/** The SQLite database file's name in a data folder. */
export const SQLITE_FILE = 'egnet.sqlite';

/** Opens (creating and migrating as needed) the store for this data folder. */
export function openStore(dataDir: string): Store {
  return openSqliteStore(join(dataDir, SQLITE_FILE));
}
