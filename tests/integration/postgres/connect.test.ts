// The pool survives the database ending one of its idle connections (a restart, a fail-over, pg_terminate_backend):
// without a listener on the pool, node-postgres raises that as an uncaught exception, which ends a server process
// and fails this test run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../../../src/server/store/postgres/connect';
import { createPostgresDatabase, type TestDatabase } from '../../support/postgres';

let db: TestDatabase;

beforeAll(async () => {
  db = await createPostgresDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('PostgreSQL connection pool', () => {
  it('replaces an idle connection the database ended, and keeps answering', async () => {
    const pool = openPool({ url: db.url, max: 2, applicationName: 'egnet-idle' });
    const other = openPool({ url: db.url, max: 1, applicationName: 'egnet-admin' });
    try {
      const first = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const pid = first.rows[0]!.pid;
      expect(pool.idleCount).toBe(1);
      const ended = await other.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid]);
      expect(ended.rows[0]!.ok).toBe(true);
      // The idle client learns of it and leaves the pool.
      for (let i = 0; i < 100 && pool.totalCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(pool.totalCount).toBe(0);
      const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await pool.end();
      await other.end();
    }
  });
});
