/** Bench of the app shell: first-load JS/CSS of the log-in route, precache size, Lighthouse (mobile) against `npm start`. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../support/browser';
import { FIRST_LOAD_JS_BUDGET_KB, measureFirstLoad, measurePrecache } from '../support/first-load';
import { freePort } from '../support/server-process';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');

type Scores = Record<'performance' | 'accessibility' | 'best-practices', number | null>;

/** Starts the server the way `npm start` does (start.ts: build if needed, migrate, seed demo data, serve). */
async function startLikeNpmStart(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'egnet-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EGNET_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > 120_000) {
      await stop();
      throw new Error(`npm start did not answer within 120 s:\n${out}`);
    }
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Lighthouse 12 CLI, default mobile emulation and throttling, in headless Chromium. */
async function lighthouse(url: string): Promise<Scores> {
  const bin = join(ROOT, 'node_modules', '.bin', 'lighthouse');
  const { stdout } = await promisify(execFile)(
    bin,
    [
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    },
  );
  const report = JSON.parse(stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { score: number | null; title: string; displayValue?: string }>;
  };
  const failing = Object.entries(report.audits)
    .filter(([, a]) => a.score !== null && a.score < 0.9)
    .map(([id, a]) => `${id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  if (failing.length) console.log(`  audits under 0.9: ${failing.join(', ')}`);
  return {
    performance: report.categories.performance?.score ?? null,
    accessibility: report.categories.accessibility?.score ?? null,
    'best-practices': report.categories['best-practices']?.score ?? null,
  };
}

/** Builds, measures, and prints every figure next to its budget. */
export async function run(): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn' });
  const first = measureFirstLoad(DIST);
  const precache = measurePrecache(DIST);
  console.log('Log-in route, first load (gzip -9):');
  for (const f of [...first.js, ...first.css]) console.log(`  ${f.file}  ${kb(f.bytes)} raw, ${kb(f.gzip)} gzip`);
  const jsOk = first.jsGzip <= FIRST_LOAD_JS_BUDGET_KB * 1024;
  console.log(`  JS  ${kb(first.jsGzip)} gzip   budget ≤ ${FIRST_LOAD_JS_BUDGET_KB} KB   ${mark(jsOk)}`);
  console.log(`  CSS ${kb(first.cssGzip)} gzip`);
  console.log(`Precache: ${precache.entries.length} files, ${kb(precache.bytes)} (uncompressed)`);

  const server = await startLikeNpmStart();
  try {
    console.log(`Lighthouse 12 (mobile) on ${server.url}/ (log-in screen):`);
    const scores = await lighthouse(`${server.url}/`);
    const budgets: Scores = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
    for (const key of Object.keys(budgets) as (keyof Scores)[]) {
      const s = scores[key];
      const ok = s !== null && s >= budgets[key]!;
      console.log(`  ${key.padEnd(15)} ${s === null ? 'n/a' : s.toFixed(2)}   budget ≥ ${budgets[key]!.toFixed(2)}   ${mark(ok)}`);
    }
  } finally {
    await server.stop();
  }
}
