/** Page steps and server checks shared by the sync browser tests: the dwelling form, the sync status, the SQLite file. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ServerProcess } from '../support/server-process';

/** Creates a dwelling through the form and returns its id. */
export async function createDwelling(page: Page, base: string, address: string, gnr = '88'): Promise<string> {
  await page.goto(`${base}/dwellings/new`);
  const fields = { address, postcode: '7224', gnr, bnr: '1', floor: '1', areaM2: '70', rooms: '3', approvedBedrooms: '2' };
  for (const [field, value] of Object.entries(fields)) await page.fill(`#dwelling-${field}`, value);
  await page.selectOption('#dwelling-area', 'Gimse');
  await page.locator('form.dw-form button[type=submit]').click();
  await page.waitForURL(/\/dwellings\/[0-9a-f-]{36}$/);
  return page.url().split('/').at(-1)!;
}

/** Changes some fields of a dwelling through the edit form (one save, so one op). */
export async function editDwelling(page: Page, base: string, id: string, fields: Record<string, string>): Promise<void> {
  await page.goto(`${base}/dwellings/${id}/edit`);
  for (const [field, value] of Object.entries(fields)) await page.fill(`#dwelling-${field}`, value);
  await page.locator('form.dw-form button[type=submit]').click();
  await page.waitForURL(new RegExp(`/dwellings/${id}$`));
}

/** The number of changes waiting on the device, as the header shows it. */
export async function pending(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="sync-pending"]').getAttribute('data-count'));
}

/** Presses "Synkroniser nå" until a round finishes after the press with nothing left waiting and no error. */
export async function syncNow(page: Page): Promise<void> {
  const last = page.locator('[data-testid="sync-last"]');
  let before = await last.getAttribute('data-at');
  await expect
    .poll(
      async () => {
        const at = await last.getAttribute('data-at');
        if (at !== before && (await pending(page)) === 0 && (await page.locator('[data-testid="sync-error"]').count()) === 0) return true;
        const button = page.getByRole('button', { name: 'Synkroniser nå' });
        if (await button.isEnabled()) {
          before = await last.getAttribute('data-at');
          await button.click();
        }
        return false;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
}

/** Waits until the first sync after log-in has finished. */
export async function firstSync(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="sync-last"]').textContent(), { timeout: 30_000 }).toMatch(/Sist synkronisert/);
}

/** Waits until a service worker controls the page. */
export async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/** A read-only look at the server's SQLite file: a record, and how many ops were applied to it. */
export function serverRecord(server: ServerProcess, entity: string, id: string): { rev: number; data: Record<string, unknown>; ops: number } | null {
  const db = new Database(join(server.dataDir, 'egnet.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT rev, data FROM records WHERE entity = ? AND id = ?').get(entity, id) as { rev: number; data: string } | undefined;
    if (!row) return null;
    const ops = (db.prepare("SELECT COUNT(*) AS n FROM applied_ops WHERE entity = ? AND id = ? AND status IN ('applied', 'conflict')").get(entity, id) as { n: number }).n;
    return { rev: row.rev, data: JSON.parse(row.data) as Record<string, unknown>, ops };
  } finally {
    db.close();
  }
}
