// Backup while devices push, restore, and devices converge: the real server process on a real SQLite file, the
// backup and restore commands as separate processes, and two devices with the real sync client (Dexie on
// fake-indexeddb). Also: a tampered backup is refused and leaves the data folder as it was.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/core/demo/users';
import { startServer, type ServerProcess } from '../../support/server-process';
import { makeDevice, type Device } from './device';
import { sampleDwelling } from './sample-records';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const servers: ServerProcess[] = [];
const devices: Device[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const d of devices) d.close();
  for (const s of servers) await s.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** Runs `src/server/cli/<name>.ts <arg>` as its own process on a data folder; resolves with its exit code and output. */
function cli(name: 'backup' | 'restore', arg: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/server/cli/${name}.ts`, arg], {
      cwd: ROOT,
      env: { ...process.env, EGNET_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => done({ code, out }));
  });
}

async function logIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`log-in ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** The server's live dwellings (id → data), read from the SQLite file. */
function serverDwellings(dataDir: string): Map<string, unknown> {
  const db = new Database(join(dataDir, 'egnet.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT id, data FROM records WHERE entity = 'dwelling' AND deleted = 0").all() as { id: string; data: string }[];
    return new Map(rows.map((r) => [r.id, JSON.parse(r.data) as unknown]));
  } finally {
    db.close();
  }
}

async function deviceDwellings(d: Device): Promise<Map<string, unknown>> {
  const rows = await d.db.records.where('[entity+id]').between(['dwelling', ''], ['dwelling', '\uffff']).toArray();
  return new Map(rows.filter((r) => !r.deleted).map((r) => [r.id, r.data]));
}

function fileSums(dataDir: string): string {
  return ['egnet.sqlite', 'egnet.sqlite-wal']
    .map((f) => join(dataDir, f))
    .map((f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : '-'))
    .join(',');
}

describe('backup and restore', () => {
  it('backs up while devices push; after a restore every device converges with its own unsynced changes on top', async () => {
    const server = await startServer({ demo: true });
    servers.push(server);
    const device = async (name: string) => {
      const token = await logIn(server.url, 'inspektor');
      const d = makeDevice(name, { getToken: () => token, fetch, baseUrl: server.url, timeoutMs: 10_000 });
      devices.push(d);
      return d;
    };
    const a = await device('tablet');
    const b = await device('phone');

    // Workload before the backup.
    const early: string[] = [];
    for (let n = 0; n < 20; n++) early.push(await a.repo('dwelling').create(sampleDwelling(n)));
    expect((await a.client.sync()).ok).toBe(true);
    expect((await b.client.sync()).ok).toBe(true);

    // The backup runs while device a keeps creating and pushing.
    const backupDir = join(tempFolder('egnet-backup-'), 'backup');
    const running = cli('backup', backupDir, server.dataDir);
    let pushing = true;
    const during: string[] = [];
    const pusher = (async () => {
      for (let n = 100; pushing || during.length < 5; n++) {
        during.push(await a.repo('dwelling').create(sampleDwelling(n)));
        expect((await a.client.sync()).ok).toBe(true);
      }
    })();
    const made = await running;
    pushing = false;
    await pusher;
    expect(made.code, made.out).toBe(0);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as { counts: { records: Record<string, number> } };
    const inBackup = (() => {
      const db = new Database(join(backupDir, 'egnet.sqlite'), { readonly: true });
      try {
        return new Set((db.prepare("SELECT id FROM records WHERE entity = 'dwelling'").all() as { id: string }[]).map((r) => r.id));
      } finally {
        db.close();
      }
    })();
    expect(manifest.counts.records.dwelling).toBe(inBackup.size);
    for (const id of early) expect(inBackup.has(id)).toBe(true);

    // More pushed after the backup, pulled by both devices; then each makes a change it does not sync.
    const late: string[] = [];
    for (let n = 200; n < 205; n++) late.push(await a.repo('dwelling').create(sampleDwelling(n)));
    await a.repo('dwelling').put(early[0]!, { rooms: 7 });
    expect((await a.client.sync()).ok).toBe(true);
    expect((await b.client.sync()).ok).toBe(true);
    expect((await b.repo('dwelling').get(late[0]!))?.data).toBeTruthy();
    await a.repo('dwelling').put(early[1]!, { floor: 9 });
    const offline = await b.repo('dwelling').create(sampleDwelling(300));

    // A restore is refused while the server runs on the folder, then done with the server stopped.
    const refused = await cli('restore', backupDir, server.dataDir);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/in use/);
    await server.stop();
    const restored = await cli('restore', backupDir, server.dataDir);
    expect(restored.code, restored.out).toBe(0);
    await server.restart();

    for (const d of [a, b]) {
      const out = await d.client.sync();
      expect(out.ok, JSON.stringify(out)).toBe(true);
    }
    // The pull after a's push may miss b's push of the same round: one more round each settles it.
    for (const d of [a, b]) expect((await d.client.sync()).ok).toBe(true);

    const onServer = serverDwellings(server.dataDir);
    // The restored state, plus each device's unsynced change, nothing else: what was pushed after the backup is gone.
    const expected = new Set([...inBackup, offline]);
    expect(new Set(onServer.keys())).toEqual(expected);
    for (const id of late) expect(onServer.has(id)).toBe(false);
    expect(onServer.get(early[1]!)).toMatchObject({ floor: 9 });
    expect(onServer.get(offline)).toMatchObject({ address: 'Testvegen 300' });
    // The edit of early[0] was pushed after the backup, so the restored value stands.
    expect(onServer.get(early[0]!)).toMatchObject({ rooms: 3 });
    for (const d of [a, b]) {
      expect(await d.db.outbox.count()).toBe(0);
      expect(await deviceDwellings(d)).toEqual(onServer);
    }
  }, 120_000);

  it('refuses a tampered backup (SHA-256 mismatch) and leaves the data folder untouched', async () => {
    const server = await startServer({ demo: true });
    servers.push(server);
    const backupDir = join(tempFolder('egnet-backup-'), 'backup');
    const made = await cli('backup', backupDir, server.dataDir);
    expect(made.code, made.out).toBe(0);
    await server.stop();
    const before = fileSums(server.dataDir);
    const dbFile = join(backupDir, 'egnet.sqlite');
    const bytes = readFileSync(dbFile);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(dbFile, bytes);
    const refused = await cli('restore', backupDir, server.dataDir);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/egnet\.sqlite does not match the manifest \(size or SHA-256\)/);
    expect(fileSums(server.dataDir)).toBe(before);
    rmSync(join(backupDir, 'manifest.json'));
    const unfinished = await cli('restore', backupDir, server.dataDir);
    expect(unfinished.code).not.toBe(0);
    expect(unfinished.out).toMatch(/has no manifest\.json: not a finished backup/);
    expect(fileSums(server.dataDir)).toBe(before);
  }, 60_000);
});
