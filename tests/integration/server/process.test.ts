// The real commands as child processes: serve.ts the way `npm start` runs it, and user:add with the password on stdin.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../src/core/demo/users';
import { openDatabase } from '../../../src/server/db';
import { checkHealth } from '../../../src/server/health';
import { startServer, type ServerProcess } from '../../support/server-process';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const started: ServerProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs `npm run user:add -- …args` (as tsx directly) with `stdin` piped in; resolves with exit code and output. */
function userAdd(dataDir: string, args: string[], stdin: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/userAdd.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, EGNET_DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

async function login(url: string, username: string, password: string) {
  return fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('serve.ts as npm start runs it', () => {
  it('migrates, seeds demo data, answers health, lets inspektor/demo in, prints URL and demo logins; SIGTERM stops it', async () => {
    const server = await startServer({ demo: true });
    started.push(server);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/), db: 'sqlite' });
    expect(health.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const res = await login(server.url, 'inspektor', 'demo');
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const me = await fetch(`${server.url}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe('Ivar Inspektør');

    const out = server.output();
    expect(out).toContain(`http://localhost:${server.port}`);
    for (const u of DEMO_USERS) expect(out).toMatch(new RegExp(`^\\s+${u.username}\\s`, 'm'));
    expect(out).toContain('"demo"');

    // The session survives a restart: it lives in the database, not in memory.
    await server.restart();
    const again = await fetch(`${server.url}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
    // And a crash: a session committed before SIGKILL is there after the restart (WAL, synchronous=FULL).
    const second = ((await (await login(server.url, 'admin', 'demo')).json()) as { token: string }).token;
    await server.kill();
    await server.restart();
    const afterCrash = await fetch(`${server.url}/api/session`, { headers: { Authorization: `Bearer ${second}` } });
    expect(afterCrash.status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  it('with EGNET_DEMO=0 starts with no users and prints no demo logins; health answers 503 once the database file is unreadable', async () => {
    const server = await startServer({ demo: false });
    started.push(server);
    expect((await login(server.url, 'inspektor', 'demo')).status).toBe(401);
    expect(server.output()).not.toContain('inspektor');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // The database file made unreadable under the running server (its header overwritten): health says it cannot serve.
    const fd = openSync(join(server.dataDir, 'egnet.sqlite'), 'r+');
    writeSync(fd, Buffer.alloc(100, 'x'), 0, 100, 0);
    closeSync(fd);
    const sick = await fetch(`${server.url}/api/health`);
    expect(sick.status).toBe(503);
    expect(await sick.json()).toMatchObject({ ok: false, problem: 'database', message: expect.stringContaining('cannot be read') });
    await server.stop();
  });

  it('health reports too little disk space below the configured minimum', () => {
    const db = openDatabase(':memory:');
    expect(checkHealth(db, tmpdir(), 0)).toMatchObject({ ok: true });
    expect(checkHealth(db, tmpdir(), Number.MAX_SAFE_INTEGER)).toMatchObject({ ok: false, problem: 'disk' });
    db.close();
  });

  it('refuses a bad PORT with a clear message', async () => {
    await expect(startServer({ env: { PORT: 'abc' } })).rejects.toThrow(/PORT må være et tall/);
  });
});

describe('user:add', () => {
  it('creates a user from the first line of stdin, who can then log in; refuses duplicates, unknown roles, short passwords', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'egnet-useradd-'));
    dirs.push(dataDir);
    const ok = await userAdd(dataDir, ['Kari', 'inspector,counsellor', '--name', 'Kari Nordmann'], 'hemmelig-passord\nignored\n');
    expect(ok.out).toContain('kari');
    expect(ok.code).toBe(0);
    // The password never appears in what the command prints.
    expect(ok.out).not.toContain('hemmelig');

    const dup = await userAdd(dataDir, ['kari', 'admin'], 'annet-passord\n');
    expect(dup.code).toBe(1);
    expect(dup.out).toMatch(/finnes allerede/);

    const role = await userAdd(dataDir, ['per', 'boss'], 'langt-passord\n');
    expect(role.code).toBe(1);
    expect(role.out).toMatch(/Ukjent rolle "boss".*admin, inspector, counsellor, intake/);

    const short = await userAdd(dataDir, ['per', 'intake'], 'kort\n');
    expect(short.code).toBe(1);
    expect(short.out).toMatch(/minst 8 tegn/);

    const usage = await userAdd(dataDir, ['per'], '');
    expect(usage.code).toBe(1);
    expect(usage.out).toMatch(/Usage: npm run user:add/);

    const server = await startServer({ demo: false, dataDir });
    started.push(server);
    const res = await login(server.url, 'kari', 'hemmelig-passord');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: unknown }).user).toMatchObject({
      username: 'kari',
      name: 'Kari Nordmann',
      roles: ['inspector', 'counsellor'],
    });
    expect((await login(server.url, 'per', 'langt-passord')).status).toBe(401);
    await server.stop();
  });
});
