/**
 * Brings a PostgreSQL database's schema up to date with the numbered migrations in ./migrations, which carry the same
 * numbers and names as the SQLite ones (src/server/migrations). Several server processes may start at once: the
 * migration transaction takes an advisory lock first, so one migrates and the others wait, then find nothing to do.
 */
import type pg from 'pg';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DatabaseTooNewError, readMigrationFiles, type Migration } from '../migrationFiles';

/**
 * Folder with the numbered PostgreSQL migrations: beside this file in the source, or at build/server/store/postgres/
 * when bundled into build/server/serve.js (whose own ./migrations/ holds the SQLite ones; see build:server).
 */
export const POSTGRES_MIGRATIONS_DIR = [new URL('./store/postgres/migrations/', import.meta.url), new URL('./migrations/', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(dir))!;

/** The advisory lock key that serialises migrations ('egnet-mi' as 8 bytes). */
export const MIGRATION_LOCK_KEY = 0x65676e65742d6d69n;

/** How long a second process waits for the first one's migration before it gives up with a clear message. */
const LOCK_WAIT = '60s';

/** Reads the PostgreSQL migrations in order of their number. */
export function loadPostgresMigrations(dir = POSTGRES_MIGRATIONS_DIR): Migration[] {
  return readMigrationFiles(dir);
}

/**
 * Applies every migration not yet recorded, all in one transaction behind the advisory lock; returns the versions
 * applied. A database migrated by newer code than this stops the start (DatabaseTooNewError).
 */
export async function migratePostgres(client: pg.ClientBase, migrations = loadPostgresMigrations()): Promise<number[]> {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    await client.query('SET LOCAL lock_timeout = 0');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > known) throw new DatabaseTooNewError(newest, known);
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    if ((err as { code?: string }).code === '55P03') {
      throw new Error(
        'Databasen er låst av en annen prosess som oppgraderer den; vent til den er ferdig og start igjen' +
          ' / The database is locked by another process upgrading it; wait for it to finish and start again',
        { cause: err },
      );
    }
    throw err;
  }
}

/** The highest migration version recorded in the database (0 for an empty one). */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const row = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return row.rows[0]?.v ?? 0;
}
