/** Starts the real server (src/server/cli/serve.ts) as a child process on a free port, for integration and e2e tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Preloaded into the child: when the test process dies, the pipe on stdin closes and the server shuts itself down.
const EXIT_WITH_PARENT = `data:text/javascript,process.stdin.on("end",()=>process.kill(process.pid,"SIGTERM")).resume()`;
const STARTUP_MS = 60_000;
const OUTPUT_LIMIT = 64 * 1024;

/**
 * How to start: demo data on or off (default on), a data folder to reuse, extra environment, and the engine: with
 * `postgres` (or EGNET_TEST_ENGINE=postgres, as `npm run test:postgres` sets) the server runs on a new PostgreSQL
 * database of the test cluster (tests/support/postgres.ts) unless `env` names one in EGNET_DATABASE_URL.
 */
export type StartOptions = { demo?: boolean; dataDir?: string; env?: Record<string, string>; postgres?: boolean };

/** A running server process. */
export type ServerProcess = {
  url: string;
  port: number;
  dataDir: string;
  /** The PostgreSQL database it runs on (EGNET_DATABASE_URL), or undefined on SQLite in the data folder. */
  databaseUrl: string | undefined;
  /** Everything the process printed so far (stdout and stderr, last 64 KiB). */
  output: () => string;
  /** SIGTERM and wait for it to exit (SIGKILL after 10 s); resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL, as in a crash; resolves when it is gone, with true when a running process died of that SIGKILL. */
  kill: () => Promise<boolean>;
  /** Stops it if running and starts it again on the same port and data folder. */
  restart: () => Promise<void>;
};

const running = new Set<ChildProcess>();
const madeDirs = new Set<string>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts serve.ts with a free port and (unless given) a fresh temp data folder, and waits until /api/health answers. */
export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'egnet-test-'));
  if (!options.dataDir) madeDirs.add(dataDir);
  const url = `http://localhost:${port}`;
  const env = { ...options.env };
  const wantsPostgres = options.postgres ?? process.env.EGNET_TEST_ENGINE === 'postgres';
  if (wantsPostgres && !env.EGNET_DATABASE_URL) {
    const { createPostgresDatabase } = await import('./postgres');
    env.EGNET_DATABASE_URL = (await createPostgresDatabase()).url;
  }
  let out = '';
  let child: ChildProcess;

  const spawnAndWait = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', '--import', EXIT_WITH_PARENT, 'src/server/cli/serve.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        EGNET_DATA_DIR: dataDir,
        EGNET_DEMO: options.demo === false ? '0' : '1',
        // Every browser and test here logs in from one address, far more often than a person would; the tests of
        // the per-address limit set their own.
        EGNET_LOGIN_PER_MINUTE: '10000',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    const append = (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-OUTPUT_LIMIT);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`Server exited (${child.exitCode ?? child.signalCode}) before answering /api/health:\n${out}`);
      }
      if (Date.now() - started > STARTUP_MS) {
        child.kill('SIGKILL');
        throw new Error(`Server did not answer /api/health within ${STARTUP_MS} ms:\n${out}`);
      }
      try {
        const res = await fetch(`${url}/api/health`);
        // 503 is an answer too: listening, and reporting a problem a test may have set up on purpose (a full disk).
        if (res.ok || res.status === 503) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.kill('SIGTERM');
    const code = await exited(child);
    clearTimeout(force);
    return code;
  };

  await spawnAndWait();
  return {
    url,
    port,
    dataDir,
    databaseUrl: env.EGNET_DATABASE_URL,
    output: () => out,
    stop,
    kill: async () => {
      const running = child.exitCode === null && child.signalCode === null;
      child.kill('SIGKILL');
      await exited(child);
      return running && child.signalCode === 'SIGKILL';
    },
    restart: async () => {
      await stop();
      await spawnAndWait();
    },
  };
}
