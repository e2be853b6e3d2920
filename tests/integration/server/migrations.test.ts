// SQL migrations: from an empty database, and from every earlier version with that version's fixture rows kept intact.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, loadMigrations, migrate, openDatabase, schemaVersion, type Db } from '../../../src/server/store/sqlite/database';
import { BLOB_REF_BLOBS, BLOB_REF_RECORDS, EXPECTED_BLOB_REFS, EXPECTED_BLOB_UPLOADS } from '../../fixtures/migrations/blobRefs';

// A fixture `NNN.sql` holds rows as a database at version NNN has them; add one with every new migration.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/migrations/', import.meta.url));
const migrations = loadMigrations();
const latest = migrations[migrations.length - 1]!.version;
const dir = mkdtempSync(join(tmpdir(), 'egnet-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Snapshot = Map<string, { columns: string[]; rows: unknown[][] }>;

/** Every user table with its columns and rows (ordered by rowid, or by all columns for WITHOUT ROWID tables). */
function snapshot(db: Db): Snapshot {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((t) => {
      const columns = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
      return [t, { columns, rows: rowsOf(db, t, columns) }];
    }),
  );
}

function rowsOf(db: Db, table: string, columns: string[]): unknown[][] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all() as unknown[][];
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps or duplicates', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('bring an empty database to the latest version, and a second run changes nothing', () => {
    const file = join(dir, 'empty.sqlite');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(migrate(db)).toEqual([]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'login_failures', 'schema_migrations']));
    db.close();
    // Reopening migrates nothing either.
    const again = new Database(file);
    expect(migrate(again)).toEqual([]);
    again.close();
  });

  for (const { version } of migrations) {
    it(`keep the rows of a database at version ${version} when migrating to ${latest}`, () => {
      const file = join(dir, `from-${version}.sqlite`);
      const db = new Database(file);
      expect(migrate(db, migrations.filter((m) => m.version <= version))).toEqual(
        migrations.filter((m) => m.version <= version).map((m) => m.version),
      );
      const fixture = join(FIXTURES, `${String(version).padStart(3, '0')}.sql`);
      if (existsSync(fixture)) db.exec(readFileSync(fixture, 'utf8'));
      const before = snapshot(db);
      expect(migrate(db)).toEqual(migrations.filter((m) => m.version > version).map((m) => m.version));
      expect(schemaVersion(db)).toBe(latest);
      // Every table, column and row that existed is still there with the same values (new columns may be added).
      for (const [table, { columns, rows }] of before) {
        const now = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
        expect(now, `columns of ${table}`).toEqual(expect.arrayContaining(columns));
        expect(rowsOf(db, table, columns), `rows of ${table}`).toEqual(rows);
      }
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }

  it('have a fixture for version 1 with rows in every table it creates', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version <= 1));
    db.exec(readFileSync(join(FIXTURES, '001.sql'), 'utf8'));
    for (const [table, { rows }] of snapshot(db)) expect(rows.length, table).toBeGreaterThan(0);
    db.close();
  });

  it('index the photos the records of a database at version 7 point to, and their uploaders (008)', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version <= 7));
    const record = db.prepare('INSERT INTO records (entity, id, rev, data, deleted, updated_at, updated_by, seq) VALUES (?, ?, 1, ?, ?, ?, ?, ?)');
    BLOB_REF_RECORDS.forEach((r, i) => record.run(r.entity, r.id, JSON.stringify(r.data), r.deleted ? 1 : 0, '2026-11-30T10:00:00.000Z', 'u1', i + 1));
    const blob = db.prepare('INSERT INTO blobs (sha256, mime, size, created_at, created_by) VALUES (?, ?, ?, ?, ?)');
    for (const b of BLOB_REF_BLOBS) blob.run(b.sha256, b.mime, b.size, b.created_at, b.created_by);
    migrate(db);
    expect(db.prepare('SELECT sha256, entity, id FROM blob_refs ORDER BY 1, 2, 3').raw().all()).toEqual(EXPECTED_BLOB_REFS);
    expect(db.prepare('SELECT sha256, user_id, at FROM blob_uploads ORDER BY 1, 2').raw().all()).toEqual(EXPECTED_BLOB_UPLOADS);
    db.close();
  });

  it('roll back a migration that fails, leaving the version where it was', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.filter((m) => m.version <= 1));
    const broken = { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);' };
    expect(() => migrate(db, [...migrations.filter((m) => m.version <= 1), broken])).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    db.close();
  });

  it('run once when four processes start on the same new database at the same moment', async () => {
    const file = join(dir, 'race.sqlite');
    const opener = `import { openDatabase } from './src/server/store/sqlite/database.ts'; openDatabase(${JSON.stringify(file)}).close();`;
    const runs = [0, 1, 2, 3].map(
      () =>
        new Promise<{ code: number | null; err: string }>((done) => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', opener], { cwd: ROOT });
          let err = '';
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          child.once('exit', (code) => done({ code, err }));
        }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code, r.err).toBe(0);
    const db = new Database(file);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      migrations.map((m) => m.version),
    );
    db.close();
  }, 30_000);

  it('stop with a clear message while another process holds the migration lock, and migrate nothing', () => {
    const file = join(dir, 'locked.sqlite');
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const waiting = new Database(file);
    waiting.pragma('busy_timeout = 100');
    expect(() => migrate(waiting)).toThrow(/locked by another process/);
    holder.exec('ROLLBACK');
    holder.close();
    expect(migrate(waiting)).toEqual(migrations.map((m) => m.version));
    waiting.close();
  });

  it('refuse a database migrated by newer code, naming both versions', () => {
    const file = join(dir, 'newer.sqlite');
    const db = openDatabase(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01')").run(latest + 1);
    db.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(`schema version ${latest + 1} but this version of Egnet knows only up to ${latest}`);
  });
});
