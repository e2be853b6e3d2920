// PostgreSQL migrations: the same numbers, tables and columns as the SQLite ones, applied once under an advisory lock
// by any number of processes starting together; jsonb where SQLite keeps JSON, indexed where SQLite indexes it; the
// audit logs refuse every change in the database itself.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, loadMigrations, openDatabase } from '../../../src/server/store/sqlite/database';
import { openClient } from '../../../src/server/store/postgres/connect';
import { loadPostgresMigrations, migratePostgres, postgresSchemaVersion } from '../../../src/server/store/postgres/migrate';
import { createPostgresDatabase, type TestDatabase } from '../../support/postgres';
import { BLOB_REF_BLOBS, BLOB_REF_RECORDS, EXPECTED_BLOB_REFS, EXPECTED_BLOB_UPLOADS } from '../../fixtures/migrations/blobRefs';

const sqliteMigrations = loadMigrations();
const postgresMigrations = loadPostgresMigrations();
const latest = postgresMigrations.at(-1)!.version;

async function connect(url: string): Promise<pg.Client> {
  const client = openClient(url, 'egnet-tests');
  await client.connect();
  return client;
}

type Columns = Map<string, string[]>;

async function postgresColumns(client: pg.Client): Promise<Columns> {
  const rows = (
    await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
       ORDER BY table_name, ordinal_position`,
    )
  ).rows;
  const out: Columns = new Map();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  return out;
}

function sqliteColumns(): Columns {
  const db = openDatabase(':memory:');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const out: Columns = new Map(tables.map((t) => [t, (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name)]));
  db.close();
  return out;
}

describe('PostgreSQL migrations', () => {
  let migrated: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    migrated = await createPostgresDatabase();
    client = await connect(migrated.url);
  });
  afterAll(async () => {
    await client?.end();
    await migrated?.drop();
  });

  it('carry the same numbers and names as the SQLite migrations', () => {
    expect(postgresMigrations.map((m) => `${m.version}_${m.name}`)).toEqual(sqliteMigrations.map((m) => `${m.version}_${m.name}`));
  });

  it('make the same tables with the same columns as SQLite (plus the feed counter)', async () => {
    const pgCols = await postgresColumns(client);
    const sqliteCols = sqliteColumns();
    sqliteCols.delete('sqlite_sequence');
    expect([...pgCols.keys()].sort()).toEqual([...sqliteCols.keys(), 'feed_counters'].sort());
    for (const [table, columns] of sqliteCols) expect(pgCols.get(table), table).toEqual(columns);
  });

  it('keep JSON as jsonb, with the expression indexes SQLite has, and the planner uses them', async () => {
    const types = (
      await client.query<{ c: string; t: string }>(
        `SELECT table_name || '.' || column_name AS c, data_type AS t FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type = 'jsonb' ORDER BY 1`,
      )
    ).rows.map((r) => r.c);
    expect(types).toEqual([
      'account_audit.changes',
      'applied_ops.op',
      'applied_ops.result',
      'household_audit.fields',
      'records.data',
      'users.roles',
    ]);
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = (
        await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT entity, id FROM records WHERE entity IN ('visit', 'task', 'inspection') AND data ->> 'householdId' = 'h1'`,
        )
      ).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toContain('records_household');
      const planOfPlan = (
        await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM records WHERE entity = 'inspection' AND data ->> 'planId' = 'p1'`)
      ).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(planOfPlan).toContain('records_plan');
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it.each(['household_audit', 'account_audit'])('%s is append-only: UPDATE, DELETE and TRUNCATE are refused', async (table) => {
    const row =
      table === 'household_audit'
        ? `INSERT INTO household_audit (at, user_id, action, via, subject_type, subject_id, entity, record_id, fields)
           VALUES ('2026-01-01T00:00:00.000Z', 'u1', 'read', 'pull', 'household', 'h1', 'household', 'h1', '["name"]')`
        : `INSERT INTO account_audit (at, actor_id, user_id, action, changes) VALUES ('2026-01-01T00:00:00.000Z', NULL, 'u1', 'create', '{}')`;
    await client.query(row);
    await expect(client.query(`UPDATE ${table} SET at = 'x'`)).rejects.toThrow(`${table} is append-only`);
    await expect(client.query(`DELETE FROM ${table}`)).rejects.toThrow(`${table} is append-only`);
    await expect(client.query(`TRUNCATE ${table}`)).rejects.toThrow(`${table} is append-only`);
    expect((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n).toBe(1);
  });

  it('read bigint as a number, and the feed counter starts at 0', async () => {
    const row = (await client.query<{ value: unknown }>("SELECT value FROM feed_counters WHERE feed = 'changes'")).rows[0];
    expect(row?.value).toBe(0);
    expect((await client.query('SELECT 9007199254740991::bigint AS n')).rows[0].n).toBe(Number.MAX_SAFE_INTEGER);
    await expect(client.query('SELECT 9007199254740993::bigint AS n')).rejects.toThrow(/beyond what a JS number holds/);
  });

  it('has a generation id of 32 hex digits and an ISO time', async () => {
    const row = (await client.query<{ id: string; since: string }>('SELECT id, since FROM generation')).rows;
    expect(row).toHaveLength(1);
    expect(row[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Date(row[0]!.since).toISOString()).toBe(row[0]!.since);
  });

  it('an empty database: six processes migrating at once apply every migration exactly once', async () => {
    const empty = await createPostgresDatabase({ empty: true });
    const clients = await Promise.all(Array.from({ length: 6 }, () => connect(empty.url)));
    try {
      const results = await Promise.all(clients.map((c) => migratePostgres(c)));
      const all = postgresMigrations.map((m) => m.version);
      expect(results.filter((r) => r.length > 0)).toEqual([all]);
      expect(results.filter((r) => r.length === 0)).toHaveLength(5);
      expect(await postgresSchemaVersion(clients[0]!)).toBe(latest);
      expect((await clients[0]!.query('SELECT count(*) AS n FROM schema_migrations')).rows[0].n).toBe(all.length);
      expect(await migratePostgres(clients[0]!)).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await empty.drop();
    }
  });

  it('a database migrated by a newer Egnet stops the start and is left as it was', async () => {
    await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00.000Z')");
    try {
      await expect(migratePostgres(client)).rejects.toBeInstanceOf(DatabaseTooNewError);
      expect(await postgresSchemaVersion(client)).toBe(999);
    } finally {
      await client.query('DELETE FROM schema_migrations WHERE version = 999');
    }
  });

  it('index the photos the records of a database at version 7 point to, and their uploaders (008), as on SQLite', async () => {
    const empty = await createPostgresDatabase({ empty: true });
    const c = await connect(empty.url);
    try {
      await migratePostgres(c, postgresMigrations.filter((m) => m.version <= 7));
      for (const [i, r] of BLOB_REF_RECORDS.entries()) {
        await c.query('INSERT INTO records (entity, id, rev, data, deleted, updated_at, updated_by, seq) VALUES ($1, $2, 1, $3::jsonb, $4, $5, $6, $7)', [
          r.entity,
          r.id,
          JSON.stringify(r.data),
          r.deleted,
          '2026-11-30T10:00:00.000Z',
          'u1',
          i + 1,
        ]);
      }
      for (const b of BLOB_REF_BLOBS) {
        await c.query('INSERT INTO blobs (sha256, mime, size, created_at, created_by) VALUES ($1, $2, $3, $4, $5)', [b.sha256, b.mime, b.size, b.created_at, b.created_by]);
      }
      expect(await migratePostgres(c)).toEqual(postgresMigrations.filter((m) => m.version > 7).map((m) => m.version));
      const refs = await c.query({ text: 'SELECT sha256, entity, id FROM blob_refs ORDER BY 1, 2, 3', rowMode: 'array' });
      expect(refs.rows).toEqual(EXPECTED_BLOB_REFS);
      const uploads = await c.query({ text: 'SELECT sha256, user_id, at FROM blob_uploads ORDER BY 1, 2', rowMode: 'array' });
      expect(uploads.rows).toEqual(EXPECTED_BLOB_UPLOADS);
    } finally {
      await c.end();
      await empty.drop();
    }
  });

  it('a failing migration leaves nothing half-applied', async () => {
    const empty = await createPostgresDatabase({ empty: true });
    const c = await connect(empty.url);
    try {
      const broken = [...postgresMigrations.slice(0, 2), { version: 3, name: 'broken', sql: 'CREATE TABLE x (a int); SELECT nope;' }];
      await expect(migratePostgres(c, broken)).rejects.toThrow(/nope/);
      expect(await postgresSchemaVersion(c)).toBe(0);
      expect((await c.query("SELECT to_regclass('users')::text AS t")).rows[0].t).toBeNull();
    } finally {
      await c.end();
      await empty.drop();
    }
  });
});
