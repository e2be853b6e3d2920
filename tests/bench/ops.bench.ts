/**
 * Operations figures (reported, not pass/fail). Backup: time and size of `npm run backup` (the same function, in
 * process) for the demo data and for 10,000 dwellings with 30,000 checklists, and the time to check and restore it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS } from '../../src/core/demo/users';
import { MELHUS_AREAS } from '../../src/core/schemas/place';
import { insertUser } from '../../src/server/auth/users';
import { backup, restore } from '../../src/server/backup';
import { openDatabase, type Db } from '../../src/server/db';
import { seedDemo } from '../../src/server/seed';
import { applyPush } from '../../src/server/sync/applyPush';
import { BlobStore } from '../../src/server/sync/blobStore';

const dwelling = (n: number) => ({
  address: `Målevegen ${n}`, postcode: '7224', area: MELHUS_AREAS[n % MELHUS_AREAS.length], gnr: 1 + (n % 300), bnr: 1 + (n % 50),
  type: 'apartment', floor: n % 4, hasLift: false, areaM2: 60, rooms: 3, approvedBedrooms: 2, leaseType: 'openEnded', vacant: false,
});

/** Fills a database through the push path: `dwellings` dwellings, three checklists each. */
function fillLarge(db: Db, dir: string, dwellings: number): void {
  const inspector = DEMO_USERS.find((u) => u.username === 'inspektor')!;
  insertUser(db, { ...inspector, passwordHash: 'x' }, new Date());
  const blobs = new BlobStore(db, dir);
  const clientId = crypto.randomUUID();
  let ops: Parameters<typeof applyPush>[3]['ops'] = [];
  const flush = () => {
    if (ops.length) applyPush(db, blobs, inspector, { clientId, ops }, new Date());
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
    if (ops.length >= 196) flush();
  }
  flush();
}

async function backupFigures(label: string, fill: (db: Db, dir: string) => Promise<void> | void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'egnet-ops-bench-'));
  try {
    const data = join(dir, 'data');
    mkdirSync(data);
    const db = openDatabase(join(data, 'egnet.sqlite'));
    await fill(db, data);
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

export async function run(): Promise<void> {
  await backupFigures('demo data', async (db) => {
    await seedDemo(db, new Date());
  });
  await backupFigures('10,000 dwellings, 30,000 checklists', (db, dir) => fillLarge(db, dir, 10_000));
}
