/**
 * Opens the store the server runs on: SQLite in the data folder (the embedded default), or PostgreSQL when
 * EGNET_DATABASE_URL names a database (postgres://…; see README "Run on PostgreSQL").
 */
import { join } from 'node:path';
import { isPostgresUrl } from './postgres/connect';
import { openPostgresStore } from './postgres/postgresStore';
import { openSqliteStore } from './sqlite/sqliteStore';
import type { Store } from './store';

/** The SQLite database file's name in a data folder. */
export const SQLITE_FILE = 'egnet.sqlite';

/**
 * Opens (creating and migrating as needed) the store: the PostgreSQL database at `databaseUrl` when one is given,
 * else the SQLite file in this data folder.
 */
export async function openStore(dataDir: string, databaseUrl = process.env.EGNET_DATABASE_URL): Promise<Store> {
  if (databaseUrl) {
    if (!isPostgresUrl(databaseUrl)) {
      throw new Error(
        'EGNET_DATABASE_URL må være en PostgreSQL-adresse (postgres://bruker:passord@vert:5432/database), eller stå tom for SQLite' +
          ' / EGNET_DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), or be left unset for SQLite',
      );
    }
    return openPostgresStore(databaseUrl);
  }
  return openSqliteStore(join(dataDir, SQLITE_FILE));
}
