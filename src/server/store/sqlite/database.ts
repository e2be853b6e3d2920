/** Opens the embedded SQLite database and brings its schema up to date with the numbered migrations. */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseTooNewError, readMigrationFiles, type Migration } from '../migrationFiles';

export { DatabaseTooNewError, type Migration };

export type Db = Database.Database;

/**
 * Folder with the numbered SQL migrations (`001_accounts.sql`, `002_sync.sql`, …): src/server/migrations from the
 * source, or build/server/migrations beside build/server/serve.js when bundled (see build:server).
 */
export const MIGRATIONS_DIR = [new URL('./migrations/', import.meta.url), new URL('../../migrations/', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(dir))!;

/** Reads every SQLite migration file in order of its number. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readMigrationFiles(dir);
}

/**
 * Makes the data folder private to the server's user (0700) and the database file 0600 before SQLite opens it: SQLite
 * gives its WAL and shared-memory files the database file's mode, so all three stay unreadable to other local users.
 */
export function privateDatabaseFile(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Opens (creating if needed) the database file in WAL mode with full sync, and migrates it. */
export function openDatabase(file: string, migrations = loadMigrations()): Db {
  if (file !== ':memory:') privateDatabaseFile(file);
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  // Switching a new file to WAL takes an exclusive lock; when two processes switch at once, SQLite answers one of
  // them SQLITE_BUSY at once rather than through the busy handler (so the two cannot deadlock), so that one waits here.
  whileBusy(() => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

/** Runs `step` again while SQLite answers SQLITE_BUSY, for up to `ms` milliseconds, then lets the error through. */
export function whileBusy<T>(step: () => T, ms = 5000): T {
  const until = Date.now() + ms;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return step();
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= until) throw err;
      Atomics.wait(pause, 0, 0, 10 + Math.floor(Math.random() * 20));
    }
  }
}

/**
 * Applies every migration not yet recorded in the database, all in one transaction that holds SQLite's write lock
 * from its first statement (BEGIN IMMEDIATE): a second process starting at the same time waits for it (busy_timeout)
 * and then finds nothing left to do, or stops with a clear message; no migration runs twice. A database migrated by
 * newer code than this stops the start.
 */
export function migrate(db: Db, migrations = loadMigrations()): number[] {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const done = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    const newest = Math.max(0, ...done);
    if (newest > known) throw new DatabaseTooNewError(newest, known);
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      applied.push(m.version);
    }
    return applied;
  });
  try {
    return run.immediate();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(
        'Databasen er låst av en annen prosess (oppgradering eller server som kjører); stopp den andre og start igjen' +
          ' / The database is locked by another process (an upgrade or a running server); stop the other one and start again',
        { cause: err },
      );
    }
    throw err;
  }
}

/** The highest migration version recorded in the database. */
export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
