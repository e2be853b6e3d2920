/**
 * A/B of SQLite server ingest between two checkouts, in one run: `npx tsx tests/bench/ingestAb.ts <base checkout>
 * [rounds]`. Each round runs the same 20,000 new dwellings (batches of 200, one client) through applyPush in a fresh
 * process for the base checkout and for this one, in alternating order (ABBA), on a fresh SQLite file in WAL with
 * synchronous=FULL, after a warm-up of 2,000 ops on a throw-away file; it prints each round's ops/s and the median of
 * the per-round ratios. The base may be a checkout from before the storage port (synchronous applyPush on a
 * better-sqlite3 connection) or after it (applyPush on the Store).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
const THIS_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

type Batch = { clientId: string; ops: { opId: string; entity: string; id: string; baseRev: number; set: Record<string, unknown> }[] };

/** In a child process: ingest the batches through the checkout at `root` and print the ops/s as JSON. */
async function child(root: string, batchFile: string): Promise<void> {
  const load = (path: string) => import(pathToFileURL(join(root, path)).href);
  const { DEMO_USERS } = (await load('src/core/demo/users.ts')) as { DEMO_USERS: { id: string }[] };
  const user = DEMO_USERS[0]!;
  const { batches, warmup } = JSON.parse(readFileSync(batchFile, 'utf8')) as { batches: Batch[]; warmup: Batch[] };
  const { applyPush } = (await load('src/server/sync/applyPush.ts')) as { applyPush: (...args: unknown[]) => unknown };
  const dir = mkdtempSync(join(tmpdir(), 'egnet-ab-'));
  try {
    let open: (file: string) => Promise<{ push: (b: Batch) => Promise<{ status: string }[]>; close: () => Promise<void> }>;
    try {
      const { openSqliteStore } = (await load('src/server/store/sqlite/sqliteStore.ts')) as { openSqliteStore: (file: string) => { close: () => Promise<void> } };
      open = async (file) => {
        const store = openSqliteStore(file);
        return { push: async (b) => (await applyPush(store, user, b, new Date())) as { status: string }[], close: () => store.close() };
      };
    } catch {
      // Before the storage port: a better-sqlite3 connection and the photo store beside it.
      const { openDatabase } = (await load('src/server/db.ts')) as { openDatabase: (file: string) => { close: () => void } };
      const { BlobStore } = (await load('src/server/sync/blobStore.ts')) as { BlobStore: new (db: unknown, dir: string) => unknown };
      open = async (file) => {
        const db = openDatabase(file);
        const blobs = new BlobStore(db, dir);
        return { push: async (b) => applyPush(db, blobs, user, b, new Date()) as { status: string }[], close: async () => db.close() };
      };
    }
    const warm = await open(join(dir, 'warm.sqlite'));
    for (const b of warmup) await warm.push(b);
    await warm.close();
    const s = await open(join(dir, 'egnet.sqlite'));
    let applied = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const b of batches) applied += (await s.push(b)).filter((r) => r.status === 'applied').length;
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    await s.close();
    const ops = batches.reduce((n, b) => n + b.ops.length, 0);
    if (applied !== ops) throw new Error(`${root}: ${applied} of ${ops} ops applied`);
    console.log(JSON.stringify({ opsPerSecond: ops / (ms / 1000), opsPerCpuSecond: ops / ((used.user + used.system) / 1e6) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same dwellings as the sync bench, in batches of 200. */
function makeBatches(count: number, areas: readonly string[]): Batch[] {
  const clientId = crypto.randomUUID();
  return Array.from({ length: count }, (_, b) => ({
    clientId,
    ops: Array.from({ length: 200 }, (_, i) => {
      const n = b * 200 + i;
      return {
        opId: crypto.randomUUID(),
        entity: 'dwelling',
        id: crypto.randomUUID(),
        baseRev: 0,
        set: {
          address: `Målevegen ${n}`, postcode: '7224', area: areas[n % areas.length], gnr: 1 + (n % 300), bnr: 1 + (n % 50),
          type: 'apartment', floor: n % 4, hasLift: false, areaM2: 60, rooms: 3, approvedBedrooms: 2, leaseType: 'openEnded', vacant: false,
        },
      };
    }),
  }));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, process.argv[4]!);
  const base = resolve(process.argv[2] ?? '');
  const rounds = Number(process.argv[3] ?? 6);
  if (!process.argv[2]) throw new Error('usage: npx tsx tests/bench/ingestAb.ts <base checkout> [rounds]');
  const { MELHUS_AREA_NAMES } = (await import('../../src/core/demo/melhusSettings')) as { MELHUS_AREA_NAMES: readonly string[] };
  const dir = mkdtempSync(join(tmpdir(), 'egnet-ab-batches-'));
  const batchFile = join(dir, 'batches.json');
  writeFileSync(batchFile, JSON.stringify({ batches: makeBatches(100, MELHUS_AREA_NAMES), warmup: makeBatches(10, MELHUS_AREA_NAMES) }));
  type Rates = { opsPerSecond: number; opsPerCpuSecond: number };
  const runOne = (root: string): Rates => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', HERE, '--child', root, batchFile], { cwd: root, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Rates;
  };
  const a: Rates[] = [];
  const b: Rates[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      // ABBA: neither side always runs first.
      let before: Rates, now: Rates;
      if (r % 2 === 0) {
        before = runOne(base);
        now = runOne(THIS_ROOT);
      } else {
        now = runOne(THIS_ROOT);
        before = runOne(base);
      }
      a.push(before);
      b.push(now);
      console.log(
        `round ${r + 1}: base ${Math.round(before.opsPerSecond)} ops/s (${Math.round(before.opsPerCpuSecond)} per CPU second), ` +
          `this ${Math.round(now.opsPerSecond)} ops/s (${Math.round(now.opsPerCpuSecond)}), ratio ${(now.opsPerSecond / before.opsPerSecond).toFixed(3)} ` +
          `(CPU ${(now.opsPerCpuSecond / before.opsPerCpuSecond).toFixed(3)})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // On a shared machine the wall-clock rate moves with everyone else's load; ops per CPU second of the ingesting
  // process moves much less (the fsyncs, the same count on both sides, are not in it).
  for (const key of ['opsPerSecond', 'opsPerCpuSecond'] as const) {
    const ratios = a.map((x, i) => b[i]![key] / x[key]);
    console.log(
      `${key === 'opsPerSecond' ? 'wall clock' : 'CPU time  '}: median base ${Math.round(median(a.map((x) => x[key])))}, this ${Math.round(median(b.map((x) => x[key])))}; ` +
        `median ratio this/base ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)}, ${rounds} rounds)`,
    );
  }
}

await main();
