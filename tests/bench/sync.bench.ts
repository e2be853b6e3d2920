/**
 * Sync benchmarks (reported, not pass/fail), on SQLite and on PostgreSQL in one run: push 1,000 ops from the
 * IndexedDB outbox in Chromium (target ≤ 2 s), pull 10,000 records into IndexedDB in Chromium (target ≤ 5 s), server
 * ingest in ops/s next to a raw insert loop on the same engine measured in the same run (target ≥ 5,000 ops/s on
 * SQLite), and four devices pushing at once through one and through two server processes on one PostgreSQL database.
 * PostgreSQL is a throw-away cluster on this machine (tests/support/postgres.ts) with fsync and synchronous commits on.
 * SQLite ingest against a checkout from before the storage port, interleaved in one run: tests/bench/ingestAb.ts.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/core/demo/users';
import { MELHUS_AREA_NAMES as MELHUS_AREAS } from '../../src/core/demo/melhusSettings';
import { openSqliteStore } from '../../src/server/store/sqlite/sqliteStore';
import { openClient } from '../../src/server/store/postgres/connect';
import { openPostgresStore } from '../../src/server/store/postgres/postgresStore';
import type { Store } from '../../src/server/store/store';
import { migrateTemplate, startPostgres, TEMPLATE_DATABASE, type PostgresCluster } from '../support/postgres';
import { applyPush } from '../../src/server/sync/applyPush';
import { launchChromium, login } from '../support/browser';
import { startServer } from '../support/server-process';
import { withBuiltApp } from './device';

const dwelling = (n: number) => ({
  address: `Målevegen ${n}`, postcode: '7224', area: MELHUS_AREAS[n % MELHUS_AREAS.length], gnr: 1 + (n % 300), bnr: 1 + (n % 50),
  type: 'apartment', floor: n % 4, hasLift: false, areaM2: 60, rooms: 3, approvedBedrooms: 2, leaseType: 'openEnded', vacant: false,
});

/** Clicks "Synkroniser nå" and resolves with the milliseconds until a new successful sync with nothing waiting. */
async function timedSync(page: Page): Promise<number> {
  const last = page.locator('[data-testid="sync-last"]');
  const before = await last.getAttribute('data-at');
  const start = performance.now();
  await page.getByRole('button', { name: 'Synkroniser nå' }).click();
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid="sync-last"]');
      const pend = document.querySelector('[data-testid="sync-pending"]');
      return el?.getAttribute('data-at') !== prev && pend?.getAttribute('data-count') === '0';
    },
    before,
    { timeout: 120_000, polling: 20 },
  );
  return performance.now() - start;
}

/** Counts the records in the page's device database. */
function deviceRecords(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('egnet');
        open.onsuccess = () => {
          const c = open.result.transaction('records').objectStore('records').count();
          c.onsuccess = () => {
            resolve(c.result);
            open.result.close();
          };
        };
      }),
  );
}

/** A new database on the bench cluster, copied from the migrated template; returns its URL. */
async function newDatabase(cluster: PostgresCluster, name: string): Promise<string> {
  const admin = openClient(cluster.url('postgres'), 'egnet-bench');
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return cluster.url(name);
}

/** The server's store: the SQLite file in the data folder, or the PostgreSQL database. */
const serverStore = (dataDir: string, databaseUrl: string | undefined): Promise<Store> =>
  databaseUrl ? openPostgresStore(databaseUrl, { max: 2 }) : Promise.resolve(openSqliteStore(join(dataDir, 'egnet.sqlite')));

async function browserBenches(staticDir: string, engine: string, databaseUrl?: string): Promise<void> {
  const server = await startServer({ demo: false, env: { EGNET_STATIC_DIR: staticDir, ...(databaseUrl ? { EGNET_DATABASE_URL: databaseUrl } : {}) } });
  const browser = await launchChromium();
  try {
    // 10,000 records on the server, written through the API as an administrator would.
    await new Promise((r) => setTimeout(r, 0));
    const { createSession } = await import('../../src/server/auth/sessions');
    const { insertUser } = await import('../../src/server/auth/users');
    const { hashPassword } = await import('../../src/server/auth/password');
    const store = await serverStore(server.dataDir, databaseUrl);
    const admin = DEMO_USERS[0]!;
    const inspector = DEMO_USERS[1]!;
    await insertUser(store, { ...admin, passwordHash: await hashPassword('demo') }, new Date());
    await insertUser(store, { ...inspector, passwordHash: await hashPassword('demo') }, new Date());
    const token = await createSession(store, admin.id, new Date());
    await store.close();
    const clientId = crypto.randomUUID();
    for (let b = 0; b < 50; b++) {
      const ops = Array.from({ length: 200 }, (_, i) => ({ opId: crypto.randomUUID(), entity: 'dwelling', id: crypto.randomUUID(), baseRev: 0, set: dwelling(b * 200 + i) }));
      const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ clientId, ops }) });
      if (!res.ok) throw new Error(`seeding failed: ${res.status}`);
    }

    const page = await (await browser.newContext()).newPage();
    // Log in with sync held back, so the pull is timed on its own.
    await page.route('**/api/sync/**', (route) => route.abort('internetdisconnected'));
    await login(page, server.url, 'inspektor');
    await page.locator('[data-testid="sync-status"]').waitFor();
    await page.unroute('**/api/sync/**');
    const pullMs = await timedSync(page);
    const pulled = await deviceRecords(page);
    console.log(`[${engine}] pull ${pulled} records into IndexedDB (Chromium): ${(pullMs / 1000).toFixed(2)} s (target ≤ 5 s)`);

    // 1,000 changes waiting in the outbox, written the way the store writes them, then one "Sync now".
    await page.route('**/api/sync/**', (route) => route.abort('internetdisconnected'));
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('egnet');
          open.onsuccess = () => {
            const tx = open.result.transaction(['records', 'outbox'], 'readwrite');
            const now = new Date().toISOString();
            for (const r of rows) {
              tx.objectStore('records').put({ entity: 'dwelling', id: r.id, rev: 0, base: null, data: r.data, deleted: false, updatedAt: now, updatedBy: '' });
              tx.objectStore('outbox').add({ opId: crypto.randomUUID(), entity: 'dwelling', id: r.id, baseRev: 0, set: r.data, createdAt: now, attempts: 0, status: 'pending' });
            }
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      Array.from({ length: 1000 }, (_, i) => ({ id: crypto.randomUUID(), data: dwelling(20_000 + i) })),
    );
    await page.unroute('**/api/sync/**');
    const pushMs = await timedSync(page);
    console.log(`[${engine}] push 1000 ops from the IndexedDB outbox (Chromium, 5 requests, then the pull back): ${(pushMs / 1000).toFixed(2)} s (target ≤ 2 s)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const N = 20_000;
const ingestBatches = () => {
  const clientId = crypto.randomUUID();
  return Array.from({ length: N / 200 }, (_, b) => ({
    clientId,
    ops: Array.from({ length: 200 }, (_, i) => ({ opId: crypto.randomUUID(), entity: 'dwelling', id: crypto.randomUUID(), baseRev: 0, set: dwelling(b * 200 + i) })),
  }));
};

/** Server ingest (applyPush, batches of 200) on SQLite next to a raw better-sqlite3 loop; returns ops/s and rows/s. */
async function ingestSqlite(): Promise<{ sync: number; raw: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'egnet-bench-'));
  try {
    const store = openSqliteStore(join(dir, 'egnet.sqlite'));
    const user = DEMO_USERS[0]!;
    const batches = ingestBatches();
    let start = performance.now();
    for (const batch of batches) await applyPush(store, user, batch, new Date());
    const syncMs = performance.now() - start;
    await store.close();

    // The floor: the same number of JSON rows inserted in transactions of 200 with the same durability settings.
    const raw = new Database(join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE t (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    const insert = raw.prepare('INSERT INTO t (id, data) VALUES (?, ?)');
    start = performance.now();
    for (const batch of batches) raw.transaction(() => { for (const op of batch.ops) insert.run(op.id, JSON.stringify(op.set)); })();
    const rawMs = performance.now() - start;
    raw.close();
    return { sync: N / (syncMs / 1000), raw: N / (rawMs / 1000) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same on PostgreSQL: applyPush on the PostgreSQL store, and a raw node-postgres loop (one INSERT per row, BEGIN/COMMIT per 200). */
async function ingestPostgres(cluster: PostgresCluster): Promise<{ sync: number; raw: number }> {
  const url = await newDatabase(cluster, 'egnet_bench_ingest');
  const store = await openPostgresStore(url);
  const user = DEMO_USERS[0]!;
  const batches = ingestBatches();
  let start = performance.now();
  for (const batch of batches) await applyPush(store, user, batch, new Date());
  const syncMs = performance.now() - start;
  await store.close();

  const raw = openClient(url, 'egnet-bench');
  await raw.connect();
  await raw.query('CREATE TABLE t (id text PRIMARY KEY, data jsonb NOT NULL)');
  start = performance.now();
  for (const batch of batches) {
    await raw.query('BEGIN');
    for (const op of batch.ops) await raw.query('INSERT INTO t (id, data) VALUES ($1, $2::jsonb)', [op.id, JSON.stringify(op.set)]);
    await raw.query('COMMIT');
  }
  const rawMs = performance.now() - start;
  await raw.end();
  return { sync: N / (syncMs / 1000), raw: N / (rawMs / 1000) };
}

function reportIngest(engine: string, r: { sync: number; raw: number }, settings: string): void {
  console.log(`[${engine}] server ingest (applyPush, batches of 200, ${settings}): ${Math.round(r.sync)} ops/s${engine === 'sqlite' ? ' (target ≥ 5000)' : ''}`);
  console.log(
    `[${engine}] raw insert loop, same batches and settings: ${Math.round(r.raw)} rows/s; sync ingest is ${((100 * r.sync) / r.raw).toFixed(0)} % of raw (${(r.raw / r.sync).toFixed(1)}× slower)`,
  );
}

/**
 * Four devices push 1,000 new records each at once (batches of 200) through `servers` (device i talks to server
 * i mod n), then each pulls everything from another server; returns ops/s of the pushes and the slowest pull in ms.
 */
async function fourDevices(cluster: PostgresCluster, name: string, processes: number): Promise<{ opsPerSecond: number; pullMs: number; pulled: number }> {
  const url = await newDatabase(cluster, name);
  const shared = mkdtempSync(join(tmpdir(), 'egnet-bench-shared-'));
  const { createSession } = await import('../../src/server/auth/sessions');
  const { insertUser } = await import('../../src/server/auth/users');
  const store = await openPostgresStore(url, { max: 2 });
  const admin = DEMO_USERS[0]!;
  await insertUser(store, { ...admin, passwordHash: 'x' }, new Date());
  const token = await createSession(store, admin.id, new Date());
  await store.close();
  const servers = await Promise.all(Array.from({ length: processes }, () => startServer({ demo: false, dataDir: shared, env: { EGNET_DATABASE_URL: url, EGNET_ALLOW_DEMO_ACCOUNTS: '1' } })));
  try {
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const start = performance.now();
    await Promise.all(
      [0, 1, 2, 3].map(async (d) => {
        const server = servers[d % servers.length]!;
        const clientId = crypto.randomUUID();
        for (let b = 0; b < 5; b++) {
          const ops = Array.from({ length: 200 }, (_, i) => ({ opId: crypto.randomUUID(), entity: 'dwelling', id: crypto.randomUUID(), baseRev: 0, set: dwelling(d * 1000 + b * 200 + i) }));
          const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers, body: JSON.stringify({ clientId, ops }) });
          if (!res.ok) throw new Error(`push failed: ${res.status}`);
        }
      }),
    );
    const pushMs = performance.now() - start;
    const pulls = await Promise.all(
      [0, 1, 2, 3].map(async (d) => {
        const server = servers[(d + 1) % servers.length]!;
        const t0 = performance.now();
        let cursor = 0;
        let pulled = 0;
        for (;;) {
          const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=1000`, { headers });
          const page = (await res.json()) as { cursor: number; changes: unknown[]; hasMore?: boolean };
          pulled += page.changes.length;
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
        return { ms: performance.now() - t0, pulled };
      }),
    );
    return { opsPerSecond: 4000 / (pushMs / 1000), pullMs: Math.max(...pulls.map((p) => p.ms)), pulled: Math.min(...pulls.map((p) => p.pulled)) };
  } finally {
    for (const s of servers) await s.stop();
    rmSync(shared, { recursive: true, force: true });
  }
}

/** Runs the benchmarks on both engines and prints their figures and ratios. */
export async function run(): Promise<void> {
  const sqlite = await ingestSqlite();
  reportIngest('sqlite', sqlite, 'SQLite WAL synchronous=FULL');
  const cluster = await startPostgres({ durable: true });
  try {
    await migrateTemplate(cluster);
    const pg = await ingestPostgres(cluster);
    reportIngest('postgres', pg, 'PostgreSQL fsync on, synchronous_commit on, one pool');
    console.log(`ingest ratio postgres/sqlite: ${(pg.sync / sqlite.sync).toFixed(2)} (raw loops: ${(pg.raw / sqlite.raw).toFixed(2)})`);

    const one = await fourDevices(cluster, 'egnet_bench_one', 1);
    const two = await fourDevices(cluster, 'egnet_bench_two', 2);
    console.log(`[postgres] 4 devices × 1000 ops at once, 1 server process: ${Math.round(one.opsPerSecond)} ops/s; each pulls ${one.pulled} back in ≤ ${(one.pullMs / 1000).toFixed(2)} s`);
    console.log(`[postgres] 4 devices × 1000 ops at once, 2 server processes on one database: ${Math.round(two.opsPerSecond)} ops/s; each pulls ${two.pulled} back from the other process in ≤ ${(two.pullMs / 1000).toFixed(2)} s`);
    console.log(`two processes / one process: ${(two.opsPerSecond / one.opsPerSecond).toFixed(2)}× the ops/s (feed writes are serialised on the counter row)`);

    // The app as built from the tree, so the bench runs on a fresh checkout without a dist/ folder.
    await withBuiltApp([], async (staticDir) => {
      await browserBenches(staticDir, 'sqlite');
      await browserBenches(staticDir, 'postgres', await newDatabase(cluster, 'egnet_bench_browser'));
    });
  } finally {
    await cluster.stop();
  }
}
