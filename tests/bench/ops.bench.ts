/**
 * Operations figures (reported, not pass/fail). Start-up: time from spawning to the first 200 from /api/health for the
 * built server (`npm run serve`) and for `npm start` on a built tree; the built server's resident memory idle and after
 * every demo user has pulled everything. Backup: time and size of `npm run backup` (the same function, in process) for
 * the demo data and for 10,000 dwellings with 30,000 checklists, and the time to check and restore it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS } from '../../src/core/demo/users';
import { MELHUS_AREA_NAMES as MELHUS_AREAS } from '../../src/core/demo/melhusSettings';
import { insertUser } from '../../src/server/auth/users';
import { backup, restore } from '../../src/server/store/sqlite/backup';
import { openSqliteStore, type SqliteStore } from '../../src/server/store/sqlite/sqliteStore';
import { seedDemo } from '../../src/server/seed';
import { applyPush } from '../../src/server/sync/applyPush';

const dwelling = (n: number) => ({
  address: `Målevegen ${n}`, postcode: '7224', area: MELHUS_AREAS[n % MELHUS_AREAS.length], gnr: 1 + (n % 300), bnr: 1 + (n % 50),
  type: 'apartment', floor: n % 4, hasLift: false, areaM2: 60, rooms: 3, approvedBedrooms: 2, leaseType: 'openEnded', vacant: false,
});

/** Fills a database through the push path: `dwellings` dwellings, three checklists each. */
async function fillLarge(store: SqliteStore, dir: string, dwellings: number): Promise<void> {
  const inspector = DEMO_USERS.find((u) => u.username === 'inspektor')!;
  await insertUser(store, { ...inspector, passwordHash: 'x' }, new Date());
  const clientId = crypto.randomUUID();
  let ops: Parameters<typeof applyPush>[2]['ops'] = [];
  const flush = async () => {
    if (ops.length) await applyPush(store, inspector, { clientId, ops }, new Date());
    ops = [];
  };
  for (let n = 0; n < dwellings; n++) {
    const id = crypto.randomUUID();
    ops.push({ opId: crypto.randomUUID(), entity: 'dwelling', id, baseRev: 0, set: dwelling(n) });
    for (let k = 0; k < 3; k++) {
      ops.push({
        opId: crypto.randomUUID(), entity: 'inspection', id: crypto.randomUUID(), baseRev: 0,
        set: { templateId: 'dwelling-inspection', templateVersion: 1, dwellingId: id, status: 'draft', answers: {}, startedAt: '2026-11-27T08:00:00.000Z', inspectorId: inspector.id },
      });
    }
    if (ops.length >= 196) await flush();
  }
  await flush();
}

async function backupFigures(label: string, fill: (store: SqliteStore, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'egnet-ops-bench-'));
  try {
    const data = join(dir, 'data');
    mkdirSync(data);
    const store = openSqliteStore(join(data, 'egnet.sqlite'));
    const db = store.db;
    await fill(store, data);
    const count = (db.prepare('SELECT entity, COUNT(*) AS n FROM records GROUP BY entity').all() as { entity: string; n: number }[])
      .map((r) => `${r.n} ${r.entity}`).join(', ');
    // The server keeps its connection open during a backup; so does this run.
    let start = performance.now();
    const manifest = await backup(data, join(dir, 'backup'));
    const backupMs = performance.now() - start;
    db.close();
    const bytes = manifest.files.reduce((s, f) => s + f.size, 0);
    start = performance.now();
    restore(join(dir, 'backup'), data);
    const restoreMs = performance.now() - start;
    console.log(
      `backup ${label} (${count}): ${backupMs.toFixed(0)} ms, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${manifest.files.length} files; ` +
        `check + restore ${restoreMs.toFixed(0)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The process's resident memory in MiB, from /proc (Linux). */
function residentMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** The server's own process: `npm start` execs node, so the pid npm got is the server's, as for `node`. */
async function startTimed(command: string, args: string[], port: number, dataDir: string): Promise<{ child: ChildProcess; ms: number }> {
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EGNET_DATA_DIR: dataDir, EGNET_DEMO: '1', EGNET_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { child, ms: performance.now() - start };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Every demo user logs in and pulls everything, page by page, as a device does on its first sync. */
async function pullAsEveryone(port: number): Promise<number> {
  let changes = 0;
  for (const user of DEMO_USERS) {
    const res = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: 'demo' }),
    });
    const { token } = (await res.json()) as { token: string };
    for (let cursor = 0; ; ) {
      const page = (await (await fetch(`http://127.0.0.1:${port}/api/sync/pull?cursor=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
        changes: unknown[];
        cursor: number;
        hasMore: boolean;
      };
      changes += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
  }
  return changes;
}

async function startupFigures(): Promise<void> {
  if (!existsSync(join(ROOT, 'build/server/serve.js')) || !existsSync(join(ROOT, 'dist/index.html'))) {
    console.log('building (npm run build) for the start-up figures …');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'egnet-ops-start-'));
  const port = 18000 + Math.floor(Math.random() * 1000);
  try {
    // The first start seeds the demo data; the figures are for a start on an existing database, as after a reboot.
    await stop((await startTimed(process.execPath, ['build/server/serve.js'], port, dir)).child);
    const built = await startTimed(process.execPath, ['build/server/serve.js'], port, dir);
    await new Promise((r) => setTimeout(r, 1000));
    const idle = residentMiB(built.child.pid!);
    const pulled = await pullAsEveryone(port);
    const afterPull = residentMiB(built.child.pid!);
    await stop(built.child);
    const npmStart = await startTimed('npm', ['start', '--silent'], port, dir);
    await stop(npmStart.child);
    console.log(`start-up, built server (node build/server/serve.js): ${built.ms.toFixed(0)} ms`);
    console.log(`start-up, npm start on a built tree: ${npmStart.ms.toFixed(0)} ms`);
    console.log(`resident memory of the built server: ${idle.toFixed(1)} MiB idle; ${afterPull.toFixed(1)} MiB after all ${DEMO_USERS.length} demo users pulled everything (${pulled} changes)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await startupFigures();
  await backupFigures('demo data', async (store) => {
    await seedDemo(store, new Date());
  });
  await backupFigures('10,000 dwellings, 30,000 checklists', (store, dir) => fillLarge(store, dir, 10_000));
}
