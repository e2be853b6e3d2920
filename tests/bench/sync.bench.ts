/**
 * Sync benchmarks (reported, not pass/fail): push 1,000 ops from the IndexedDB outbox in Chromium (target ≤ 2 s),
 * pull 10,000 records into IndexedDB in Chromium (target ≤ 5 s), and server ingest in ops/s next to a raw
 * better-sqlite3 insert loop measured in the same run (target ≥ 5,000 ops/s).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/core/demo/users';
import { MELHUS_AREA_NAMES as MELHUS_AREAS } from '../../src/core/demo/melhusSettings';
import { openSqliteStore } from '../../src/server/store/sqlite/sqliteStore';
import { applyPush } from '../../src/server/sync/applyPush';
import { launchChromium, login } from '../support/browser';
import { startServer } from '../support/server-process';

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

async function browserBenches(): Promise<void> {
  const server = await startServer({ demo: false });
  const browser = await launchChromium();
  try {
    // 10,000 records on the server, written through the API as an administrator would.
    await new Promise((r) => setTimeout(r, 0));
    const { createSession } = await import('../../src/server/auth/sessions');
    const { insertUser } = await import('../../src/server/auth/users');
    const { hashPassword } = await import('../../src/server/auth/password');
    const store = openSqliteStore(join(server.dataDir, 'egnet.sqlite'));
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
    console.log(`pull ${pulled} records into IndexedDB (Chromium): ${(pullMs / 1000).toFixed(2)} s (target ≤ 5 s)`);

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
    console.log(`push 1000 ops from the IndexedDB outbox (Chromium, 5 requests, then the pull back): ${(pushMs / 1000).toFixed(2)} s (target ≤ 2 s)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function ingestBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'egnet-bench-'));
  try {
    const N = 20_000;
    const store = openSqliteStore(join(dir, 'egnet.sqlite'));
    const user = DEMO_USERS[0]!;
    const clientId = crypto.randomUUID();
    const batches = Array.from({ length: N / 200 }, (_, b) => ({
      clientId,
      ops: Array.from({ length: 200 }, (_, i) => ({ opId: crypto.randomUUID(), entity: 'dwelling', id: crypto.randomUUID(), baseRev: 0, set: dwelling(b * 200 + i) })),
    }));
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

    const syncRate = N / (syncMs / 1000);
    const rawRate = N / (rawMs / 1000);
    console.log(`server ingest (applyPush, batches of 200, SQLite WAL synchronous=FULL): ${Math.round(syncRate)} ops/s (target ≥ 5000)`);
    console.log(`raw better-sqlite3 insert loop, same batches and settings: ${Math.round(rawRate)} rows/s; sync ingest is ${((100 * syncRate) / rawRate).toFixed(0)} % of raw (${(rawRate / syncRate).toFixed(1)}× slower)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the three benchmarks and prints their figures. */
export async function run(): Promise<void> {
  await ingestBench();
  await browserBenches();
}
