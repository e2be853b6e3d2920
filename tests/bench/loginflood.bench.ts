/**
 * How a flood of log-ins affects everyone else (reported, not pass/fail): 120 parallel log-ins with unknown usernames
 * against the real server process, and meanwhile a full pull as a signed-in user and a load of the app shell. Measured
 * side by side in one run for three servers: no bounds (what the server did before: every scrypt check at once),
 * bounded password checks only (a flood spread over many addresses), and the defaults (one address flooding).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FLOOD = 120;

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'egnet-flood-'));
  const port = 19000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EGNET_DATA_DIR: dir, EGNET_DEMO: '1', EGNET_LOG_LEVEL: 'silent', ...env },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url, dir };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function pullAll(url: string, token: string): Promise<void> {
  for (let cursor = 0; ; ) {
    const page = (await (await fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=500`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      cursor: number;
      hasMore: boolean;
    };
    cursor = page.cursor;
    if (!page.hasMore) return;
  }
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function measure(label: string, env: Record<string, string>, spread: boolean): Promise<void> {
  const server = await start(env);
  try {
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
    const { token } = (await res.json()) as { token: string };
    const quiet = await timed(() => pullAll(server.url, token));
    const statuses = new Map<number, number>();
    const flood = Promise.all(
      Array.from({ length: FLOOD }, (_, i) =>
        fetch(`${server.url}/api/session`, {
          method: 'POST',
          // Spread over addresses as a botnet would (believed only because this server trusts a proxy), or from one.
          headers: { 'Content-Type': 'application/json', ...(spread ? { 'X-Forwarded-For': `192.0.2.${i + 1}` } : {}) },
          body: JSON.stringify({ username: `flom-${i}`, password: 'x' }),
        }).then((r) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)),
      ),
    );
    // Pull and load the app shell again and again for as long as the flood lasts.
    let flooding = true;
    const floodMs = timed(() => flood).finally(() => (flooding = false));
    const pulls: number[] = [];
    const shells: number[] = [];
    await new Promise((r) => setTimeout(r, 200));
    while (flooding) {
      pulls.push(await timed(() => pullAll(server.url, token)));
      shells.push(await timed(() => fetch(`${server.url}/`).then((r) => r.text())));
    }
    const worst = (xs: number[]) => (xs.length ? Math.max(...xs).toFixed(0) : '–');
    const middle = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0) : '–');
    const pull = `${middle(pulls)} ms median, ${worst(pulls)} ms worst of ${pulls.length}`;
    const shell = `${middle(shells)} ms median, ${worst(shells)} ms worst`;
    const answers = [...statuses].map(([s, n]) => `${n}×${s}`).join(', ');
    console.log(`${label}: full pull ${quiet.toFixed(0)} ms quiet; during the flood ${pull}; app shell ${shell}; flood answered in ${(await floodMs).toFixed(0)} ms (${answers})`);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(server.dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const unbounded = { EGNET_PASSWORD_CHECKS: '1000', EGNET_PASSWORD_QUEUE: '1000', EGNET_LOGIN_PER_MINUTE: '100000', EGNET_TRUST_PROXY: '1' };
  await measure('no bounds (as before)', unbounded, true);
  await measure('bounded checks, flood from 120 addresses', { EGNET_TRUST_PROXY: '1' }, true);
  await measure('defaults, flood from one address', {}, false);
}
