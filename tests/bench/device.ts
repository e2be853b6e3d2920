/**
 * The device the browser benchmarks measure on: the app built from the tree into a temp folder, the real server with
 * the demo data, an inspector logged in and synced once, then offline with extra demo records written straight into
 * IndexedDB until 2,000 dwellings and 5,000 inspections are on the device. Shared by field.bench.ts and plan.bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type PluginOption } from 'vite';
import { withDueKey } from '../../src/app/store/dueIndex';
import { generateDemoData } from '../../src/core/demo/generate';
import { login } from '../support/browser';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DWELLINGS = 2000;
export const INSPECTIONS = 5000;

export type Row = { entity: string; id: string; rev: number; data: unknown; base: unknown; deleted: boolean; updatedAt: string; updatedBy: string };

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
};
export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Runs `measure` against the app as built from the tree (plus `plugins`) in a temp folder; the shared dist/ is left alone. */
export async function withBuiltApp(plugins: PluginOption[], measure: (staticDir: string) => Promise<void>): Promise<void> {
  const staticDir = mkdtempSync(join(tmpdir(), 'egnet-bench-app-'));
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', plugins, build: { outDir: staticDir, emptyOutDir: true } });
    await measure(staticDir);
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
  }
}

/** Demo data under other seeds: realistic dwellings and checklists, as many as needed on top of what sync brought. */
export function extraRecords(haveDwellings: number, haveInspections: number): Row[] {
  const rows: Row[] = [];
  let dwellings = haveDwellings;
  let inspections = haveInspections;
  for (let seed = 1; dwellings < DWELLINGS || inspections < INSPECTIONS; seed++) {
    const { records } = generateDemoData(seed);
    const kept = new Set<string>();
    for (const r of records) {
      if (r.entity !== 'dwelling' || dwellings >= DWELLINGS) continue;
      kept.add(r.id);
      dwellings++;
      rows.push({ entity: 'dwelling', id: r.id, rev: 1, data: r.data, base: r.data, deleted: false, updatedAt: r.updatedAt, updatedBy: r.updatedBy });
    }
    for (const r of records) {
      if (r.entity !== 'inspection' || inspections >= INSPECTIONS || !kept.has(String(r.data.dwellingId))) continue;
      inspections++;
      rows.push({ entity: 'inspection', id: r.id, rev: 1, data: r.data, base: r.data, deleted: false, updatedAt: r.updatedAt, updatedBy: r.updatedBy });
    }
    if (seed > 100) throw new Error('demo data ran out');
  }
  return rows;
}

/** Writes rows straight into the device database, as a finished sync would have left them. */
export async function putRecords(page: Page, rows: Row[]): Promise<void> {
  // Written straight into IndexedDB, so each record carries the due key the app's store would have set (dueIndex.ts).
  rows = rows.map((r) => withDueKey(r as never) as Row);
  for (let i = 0; i < rows.length; i += 500) {
    await page.evaluate(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('egnet');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('records', 'readwrite');
            for (const r of chunk) tx.objectStore('records').put(r);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      rows.slice(i, i + 500),
    );
  }
}

export async function countRecords(page: Page): Promise<{ dwellings: number; inspections: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('egnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const index = open.result.transaction('records').objectStore('records').index('entity');
          const d = index.count('dwelling');
          const i = index.count('inspection');
          i.onsuccess = () => (open.result.close(), resolve({ dwellings: d.result, inspections: i.result }));
        };
      }),
  );
}

/**
 * The inspector's device in the field: logged in, synced once (the demo's 119 dwellings), then offline with no sync
 * work competing, topped up with demo records to 2,000 dwellings and 5,000 inspections plus `more` over the added
 * dwellings' ids, and reloaded so Dexie's live-query cache starts from the database.
 */
export async function fieldDevice(page: Page, url: string, more: (dwellingIds: string[]) => Row[] = () => []): Promise<{ dwellings: number; inspections: number }> {
  await login(page, url, 'inspektor');
  await page.goto(`${url}/dwellings`);
  await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await page.context().setOffline(true);
  await page.context().route('**/api/**', (route) => route.abort('internetdisconnected'));
  const have = await countRecords(page);
  const extra = extraRecords(have.dwellings, have.inspections);
  await putRecords(page, [...extra, ...more(extra.filter((r) => r.entity === 'dwelling').map((r) => r.id))]);
  const counts = await countRecords(page);
  await page.reload();
  await page.locator('[data-testid="registry-count"]', { hasText: `${counts.dwellings} av ${counts.dwellings}` }).waitFor({ timeout: 60_000 });
  return counts;
}

/** Client-side navigation, timed in the page until `ready` matches: route, lazy screen, database reads and render. */
export async function timedNavigation(page: Page, path: string, ready: string): Promise<number> {
  // Sent as source text: tsx would wrap a named inner function in a helper the page does not have.
  return page.evaluate(`new Promise((resolve, reject) => {
    const start = performance.now();
    history.pushState(null, '', ${JSON.stringify(path)});
    dispatchEvent(new PopStateEvent('popstate'));
    const poll = () => {
      if (document.querySelector(${JSON.stringify(ready)})) resolve(performance.now() - start);
      else if (performance.now() - start > 20000) reject(new Error('never appeared: ' + ${JSON.stringify(ready)}));
      else requestAnimationFrame(poll);
    };
    poll();
  })`) as Promise<number>;
}
