// The real commands as child processes: serve.ts the way `npm start` runs it, and user:add with the password on stdin.
import { createHash, randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../src/core/demo/users';
import { openSqliteStore } from '../../../src/server/store/sqlite/sqliteStore';
import { checkHealth } from '../../../src/server/health';
import { freePort, startServer, type ServerProcess } from '../../support/server-process';

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
    // The production start (demo off) refuses this database while the demo accounts are in it.
    await expect(startServer({ demo: false, dataDir: server.dataDir })).rejects.toThrow(/still has the demo accounts.*EGNET_ALLOW_DEMO_ACCOUNTS=1/);
  });

  it('npm start says demo is on; SIGTERM to npm lets requests in flight (a log-in, a photo upload) finish, closes the database and leaves no process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'egnet-npmstart-'));
    dirs.push(dataDir);
    const build = join(dataDir, 'build');
    mkdirSync(build);
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>Egnet</title>');
    const port = await freePort();
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), EGNET_DATA_DIR: dataDir, EGNET_STATIC_DIR: build, EGNET_DEMO: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<string>((done) => child.once('close', (code, signal) => done(String(code ?? signal))));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; !(await fetch(`${url}/api/health`).then((r) => r.ok, () => false)); i++) {
      if (i > 300 || child.exitCode !== null) throw new Error(`npm start did not come up:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(out).toContain('*** DEMO');

    const signedIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'inspektor', password: 'demo' }) });
    const { token } = (await signedIn.json()) as { token: string };
    // A photo upload and a log-in whose bodies are only half sent when SIGTERM arrives.
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(200_000)]);
    const sha = createHash('sha256').update(photo).digest('hex');
    const upload = new Promise<number>((done, fail) => {
      const req = request(
        `${url}/api/blobs/${sha}`,
        { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg', 'Content-Length': photo.length } },
        (res) => {
          res.resume();
          done(res.statusCode!);
        },
      );
      req.once('error', fail);
      req.write(photo.subarray(0, 50_000));
      setTimeout(() => req.end(photo.subarray(50_000)), 1500);
    });
    const body = JSON.stringify({ username: 'inspektor', password: 'demo' });
    const answer = new Promise<number>((done, fail) => {
      const req = request(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        done(res.statusCode!);
      });
      req.once('error', fail);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1500);
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    expect(await answer).toBe(200);
    // The upload completed: stored whole under its name, not cut off.
    expect(await upload).toBe(201);
    expect(createHash('sha256').update(readFileSync(join(dataDir, 'blobs', sha))).digest('hex')).toBe(sha);
    // npm ends as its child did, or re-raises the SIGTERM it was sent; 'close' also waits for the server's end of the pipes.
    expect(['0', 'SIGTERM']).toContain(await exited);
    expect(out).toContain('SIGTERM: stopper');
    expect(out).not.toMatch(/Error/);
    // No process is left with this data folder in its environment.
    const left = readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(`EGNET_DATA_DIR=${dataDir}\0`);
        } catch {
          return false;
        }
      });
    expect(left).toEqual([]);
    // Nothing listens any more, and the database was closed cleanly: the WAL is folded in and gone.
    expect(await fetch(`${url}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');
    expect(existsSync(join(dataDir, 'egnet.sqlite-wal'))).toBe(false);
  }, 120_000);

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

  it('health reports too little disk space below the configured minimum', async () => {
    const store = openSqliteStore(':memory:');
    expect(await checkHealth(store, tmpdir(), 0)).toMatchObject({ ok: true });
    expect(await checkHealth(store, tmpdir(), Number.MAX_SAFE_INTEGER)).toMatchObject({ ok: false, problem: 'disk' });
    await store.close();
  });

  it('refuses a bad PORT with a clear message', async () => {
    await expect(startServer({ env: { PORT: 'abc' } })).rejects.toThrow(/PORT må være et tall/);
  });
});

/** The ExecStart command and Environment lines of the systemd unit in deploy/, as the service manager would run them. */
function systemdUnit(): { command: string[]; env: Record<string, string> } {
  const lines = readFileSync(join(ROOT, 'deploy/egnet.service'), 'utf8').split('\n');
  const value = (key: string) => lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  const env = Object.fromEntries(value('Environment').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  return { command: value('ExecStart')[0]!.split(' '), env };
}

describe('the built server (npm run build:server, then the ExecStart line of deploy/egnet.service)', () => {
  it('runs as one node process without tsx, and SIGTERM closes the database and exits 0', async () => {
    const built = spawnSync('npm', ['run', 'build:server'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'egnet-built-'));
    dirs.push(dataDir);
    const port = await freePort();
    const unit = systemdUnit();
    expect(unit.command).toEqual(['/usr/bin/node', 'build/server/serve.js']);
    // The unit's own environment, with this machine's folders and a free port in place of the production ones.
    const { EGNET_STATIC_DIR: _staticDir, ...unitEnv } = unit.env;
    const child = spawn(process.execPath, unit.command.slice(1), {
      cwd: ROOT,
      // No tsx anywhere: a NODE_OPTIONS loader from the test runner must not help it.
      env: { ...unitEnv, PATH: process.env.PATH, PORT: String(port), EGNET_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const closed = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; !(await fetch(`${url}/api/health`).then((r) => r.ok, () => false)); i++) {
      if (i > 150 || child.exitCode !== null) throw new Error(`the built server did not come up:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Production defaults: no demo accounts.
    expect((await login(url, 'inspektor', 'demo')).status).toBe(401);
    child.kill('SIGTERM');
    expect(await closed).toBe(0);
    expect(existsSync(join(dataDir, 'egnet.sqlite-wal'))).toBe(false);
    expect(await fetch(`${url}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');
  }, 60_000);
  it('needs only the runtime dependencies (what npm ci --omit=dev installs): every package it imports is one', () => {
    // Runs after the build above. esbuild leaves every package as an import (--packages=external); each must be a
    // dependency, not a devDependency, or a production install could not start it.
    const bundle = readFileSync(join(ROOT, 'build/server/serve.js'), 'utf8');
    const specifiers = [...bundle.matchAll(/(?:from\s*|import\s*\(\s*)["']([^"'./][^"']*)["']/g)].map((m) => m[1]!);
    const packages = new Set(specifiers.filter((s) => !s.startsWith('node:')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2) : s.split('/').slice(0, 1)).join('/')));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(packages.size).toBeGreaterThan(3);
    expect([...packages].filter((p) => !(p in manifest.dependencies))).toEqual([]);
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
    expect(short.out).toMatch(/minst 12 tegn/);

    const common = await userAdd(dataDir, ['per', 'intake'], 'Sommer2024!!\n');
    expect(common.code).toBe(1);
    expect(common.out).toMatch(/for vanlig og lett å gjette/);

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
