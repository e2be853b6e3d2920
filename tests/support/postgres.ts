/**
 * A real PostgreSQL server for the tests: Debian's `postgresql` package (installed with apt-get when missing and
 * root, or else a message says how), a throw-away cluster made with initdb in a temp folder (as the `postgres` user
 * when root: initdb and postgres refuse to run as root), listening on 127.0.0.1 on a free port with fsync off, a
 * template database migrated once, and one database per test file copied from it (CREATE DATABASE … TEMPLATE).
 *
 * The integration project starts one cluster in its global set-up (tests/support/postgres-global.ts); test files ask
 * for their own database with `createPostgresDatabase()`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openClient } from '../../src/server/store/postgres/connect';
import { migratePostgres } from '../../src/server/store/postgres/migrate';
import { freePort } from './server-process';

/** The migrated database every test database is copied from. */
export const TEMPLATE_DATABASE = 'egnet_template';
const DIR_PREFIX = 'egnet-pg-';
const START_MS = 30_000;

/** What the global set-up hands to the test files: where the cluster listens, or why there is none. */
export type ProvidedPostgres = { adminUrl: string; template: string } | { error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: ProvidedPostgres;
  }
}

/** A running throw-away cluster. */
export type PostgresCluster = {
  port: number;
  dir: string;
  /** postgres://postgres@127.0.0.1:port/<database> */
  url: (database: string) => string;
  /** Stops the server at once (nothing in it is kept) and removes its folder. */
  stop: () => Promise<void>;
};

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function isDebian(): boolean {
  try {
    return existsSync('/etc/debian_version') || /^ID(_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** The folder with initdb and postgres: EGNET_PG_BIN, or the newest /usr/lib/postgresql/<version>/bin. */
function findBinDir(): string | null {
  const chosen = process.env.EGNET_PG_BIN;
  if (chosen) return existsSync(join(chosen, 'postgres')) ? chosen : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'postgres')) && existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

const HOW_TO_INSTALL =
  'Installer PostgreSQL / Install PostgreSQL:  sudo apt-get update && sudo apt-get install -y postgresql' +
  '  (eller pek på mappen med initdb og postgres / or point to the folder with initdb and postgres: EGNET_PG_BIN)';

/**
 * The PostgreSQL programs' folder; installs Debian's `postgresql` package first when it is missing and we are root on
 * Debian (without letting the package create and start a system cluster). Throws with what to do otherwise.
 */
export function ensurePostgres(): string {
  const found = findBinDir();
  if (found) return found;
  if (!process.env.EGNET_PG_BIN && isRoot() && isDebian()) {
    console.log('Installerer postgresql med apt-get … / Installing postgresql with apt-get …');
    const conf = '/etc/postgresql-common/createcluster.conf';
    if (!existsSync(conf)) {
      // Debian's package would otherwise create and start a "main" cluster on port 5432; the tests make their own.
      execFileSync('mkdir', ['-p', '/etc/postgresql-common']);
      writeFileSync(conf, 'create_main_cluster = false\n');
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
    } catch {
      throw new Error(`apt-get kunne ikke installere postgresql. / apt-get could not install postgresql.\n${HOW_TO_INSTALL}`);
    }
    const installed = findBinDir();
    if (installed) return installed;
  }
  throw new Error(`Fant ikke PostgreSQL (initdb, postgres). / PostgreSQL (initdb, postgres) was not found.\n${HOW_TO_INSTALL}`);
}

/** Who runs initdb and postgres: the `postgres` user when we are root (both refuse root), else ourselves. */
function runAs(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error("Brukeren 'postgres' finnes ikke; installer pakken postgresql. / There is no 'postgres' user; install the postgresql package.");
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

const OWNER_FILE = 'owner.pid';
const running = new Map<ChildProcess, string>();
process.once('exit', () => {
  for (const [child, dir] of running) {
    child.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops and removes clusters that an earlier test run left behind when it was killed (its owner process is gone). */
function removeLeftovers(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      const owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
      if (owner && alive(owner)) continue;
      const pidFile = join(dir, 'data', 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours or already gone.
    }
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * An initdb'd data folder kept in the temp folder between runs (initdb takes seconds on a busy machine; a copy takes a
 * fraction of one). Made once per PostgreSQL version and user, in a folder of its own, then renamed into place.
 */
function initdbOnce(bin: string, user: { uid: number; gid: number } | null): string {
  // The version folder and the binary's time: a minor upgrade of the package makes a new one.
  const version = `${basename(dirname(bin))}-${Math.round(statSync(join(bin, 'postgres')).mtimeMs)}`;
  const cache = join(tmpdir(), `egnet-initdb-${version}-${user?.uid ?? process.getuid?.() ?? 0}`);
  if (existsSync(join(cache, 'PG_VERSION'))) return cache;
  const work = mkdtempSync(join(tmpdir(), 'egnet-initdb-work-'));
  if (user) chownSync(work, user.uid, user.gid);
  const made = join(work, 'data');
  try {
    execFileSync(join(bin, 'initdb'), ['-D', made, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-locale', '-E', 'UTF8'], {
      ...(user ?? {}),
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    renameSync(made, cache);
  } catch (err) {
    if (!existsSync(join(cache, 'PG_VERSION'))) {
      throw new Error(`initdb failed: ${String((err as { stderr?: Buffer }).stderr ?? err)}`);
    }
    // Another run made it first.
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return cache;
}

/**
 * initdb into a fresh temp folder and start the server on 127.0.0.1 with fsync off (with `durable`, as a real server
 * runs: fsync and synchronous commits on, for benchmarks); resolves once it takes queries.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = ensurePostgres();
  removeLeftovers();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const as = user ?? {};
  try {
    execFileSync('cp', ['-a', initdbOnce(bin, user), data]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const port = await freePort();
  let log = '';
  const child = spawn(
    join(bin, 'postgres'),
    [
      '-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir,
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      '-c', 'max_connections=300', '-c', 'shared_buffers=64MB', '-c', 'log_min_messages=warning',
    ],
    { ...as, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.set(child, dir);
  const keep = (b: Buffer) => (log = (log + b.toString()).slice(-16_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const stop = async () => {
    if (running.delete(child)) {
      child.kill('SIGQUIT'); // immediate shutdown: nothing in a test cluster is worth a checkpoint
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const until = Date.now() + START_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`PostgreSQL stopped while starting:\n${log}`);
    }
    const client = openClient(url('postgres'), 'egnet-tests');
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > until) {
        await stop();
        throw new Error(`PostgreSQL did not start within ${START_MS} ms: ${String(err)}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { port, dir, url, stop };
}

/** Creates the template database and brings it to the latest schema; no connection to it stays open. */
export async function migrateTemplate(cluster: PostgresCluster, template = TEMPLATE_DATABASE): Promise<void> {
  const admin = openClient(cluster.url('postgres'), 'egnet-tests');
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const client = openClient(cluster.url(template), 'egnet-tests');
  await client.connect();
  try {
    await migratePostgres(client);
  } finally {
    await client.end();
  }
}

/** A test's own database. */
export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

/** The cluster the global set-up started; throws with its reason (e.g. how to install PostgreSQL) when there is none. */
export function providedPostgres(): { adminUrl: string; template: string } {
  const provided = inject('postgres');
  if (!provided) throw new Error('No PostgreSQL cluster: run this file in the integration project (tests/support/postgres-global.ts).');
  if ('error' in provided) throw new Error(provided.error);
  return provided;
}

/**
 * A new database copied from the migrated template (or an empty one with `{ empty: true }`); `drop()` removes it.
 * Names are random, so test files running side by side never meet.
 */
export async function createPostgresDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template } = providedPostgres();
  const name = `egnet_t_${randomBytes(6).toString('hex')}`;
  const admin = openClient(adminUrl, 'egnet-tests');
  await admin.connect();
  try {
    await admin.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const drop = async () => {
    const c = openClient(adminUrl, 'egnet-tests');
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return { name, url, drop };
}
