// Sync in real Chromium against the real server process: offline work survives reloads and browser restarts, lost
// acknowledgements and a killed server duplicate or lose nothing, two people editing one dwelling see a conflict
// (or merge silently), and a photo taken offline arrives with its hash.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { createDwelling, editDwelling, firstSync, pending, serverRecord, syncNow, untilControlled } from './sync-pages';

const PHOTO = fileURLToPath(new URL('../fixtures/gps-photo.jpg', import.meta.url));

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET });
  contexts.push(context);
  const page = await context.newPage();
  await login(page, server.url, username);
  await untilControlled(page);
  await firstSync(page);
  return page;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('sync in the browser', () => {
  it('keeps a dwelling made offline through a reload and a browser restart, and sends it once online', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'egnet-profile-'));
    const launch = () =>
      chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, viewport: TABLET });
    let context = await launch();
    try {
      let page = context.pages()[0] ?? (await context.newPage());
      await login(page, server.url, 'inspektor');
      await untilControlled(page);
      await firstSync(page);
      await context.setOffline(true);
      const id = await createDwelling(page, server.url, 'Frakoblavegen 1');
      await expect.poll(() => pending(page)).toBe(1);
      await page.reload();
      expect(await page.locator('#dwelling-title').textContent()).toBe('Frakoblavegen 1');
      expect(await pending(page)).toBe(1);
      await context.close();

      context = await launch();
      await context.setOffline(true);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/dwellings/${id}`);
      expect(await page.locator('#dwelling-title').textContent()).toBe('Frakoblavegen 1');
      expect(await pending(page)).toBe(1);
      expect(serverRecord(server, 'dwelling', id)).toBeNull();

      // Back online: the `online` event starts a sync by itself.
      await context.setOffline(false);
      await expect.poll(() => serverRecord(server, 'dwelling', id)?.rev, { timeout: 30_000 }).toBe(1);
      await expect.poll(() => pending(page)).toBe(0);
      expect(serverRecord(server, 'dwelling', id)).toMatchObject({ rev: 1, ops: 1, data: { address: 'Frakoblavegen 1' } });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('does not duplicate a change whose acknowledgement was lost', async () => {
    const page = await signedIn('inspektor');
    let pushes = 0;
    await page.route('**/api/sync/push', async (route) => {
      pushes += 1;
      if (pushes === 1) {
        // The server commits the push; the answer never reaches the app.
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    const id = await createDwelling(page, server.url, 'Kvitteringsvegen 2');
    await expect.poll(() => pushes, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await syncNow(page);
    expect(pushes).toBeGreaterThanOrEqual(2);
    expect(serverRecord(server, 'dwelling', id)).toMatchObject({ rev: 1, ops: 1 });
  });

  it('loses nothing when the server is killed in the middle of a push', async () => {
    const page = await signedIn('inspektor');
    await page.context().setOffline(true);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await createDwelling(page, server.url, `Krasjvegen ${i}`, String(60 + i)));
    await editDwelling(page, server.url, ids[0]!, { floor: '4' });
    await expect.poll(() => pending(page)).toBe(4);
    let killed = false;
    await page.route('**/api/sync/push', async (route) => {
      if (killed) return route.continue();
      killed = true;
      const answer = route.fetch().catch(() => null);
      await new Promise((r) => setTimeout(r, 3));
      await server.kill();
      await answer;
      await route.abort('connectionreset');
    });
    await page.context().setOffline(false);
    await expect.poll(() => killed, { timeout: 15_000 }).toBe(true);
    await server.restart();
    await syncNow(page);
    for (const [i, id] of ids.entries()) {
      const rec = serverRecord(server, 'dwelling', id);
      expect(rec?.data.address).toBe(`Krasjvegen ${i}`);
      expect(rec?.rev).toBe(rec?.ops);
    }
    expect(serverRecord(server, 'dwelling', ids[0]!)).toMatchObject({ rev: 2, data: { floor: 4 } });
  });

  it('shows a conflict when two people change the same field of a dwelling, and merges different fields', async () => {
    const a = await signedIn('inspektor');
    const id = await createDwelling(a, server.url, 'Konfliktvegen 3');
    await syncNow(a);
    const b = await signedIn('admin');
    await a.context().setOffline(true);
    await b.context().setOffline(true);
    await editDwelling(a, server.url, id, { floor: '2' });
    await editDwelling(b, server.url, id, { floor: '3', areaM2: '99' });
    await a.context().setOffline(false);
    await syncNow(a);
    await b.context().setOffline(false);
    await syncNow(b);

    // B's area went in silently; the floor is held back and shown to B.
    expect(serverRecord(server, 'dwelling', id)?.data).toMatchObject({ floor: 2, areaM2: 99 });
    await b.locator('[data-testid="sync-attention"]').click();
    const conflict = b.locator('[data-testid="conflict"]');
    await conflict.waitFor();
    expect(await conflict.count()).toBe(1);
    expect(await conflict.getAttribute('data-path')).toBe('floor');
    expect(await conflict.locator('[data-testid="conflict-mine"]').textContent()).toBe('3');
    expect(await conflict.locator('[data-testid="conflict-server"]').textContent()).toBe('2');
    expect(await conflict.textContent()).toContain('Ivar Inspektør');
    await expectNoAxeViolations(b, 'review screen with a conflict');
    // A sees nothing to review: its edit went in.
    expect(await a.locator('[data-testid="sync-attention"]').count()).toBe(0);

    // B keeps their own value: a new op, which applies.
    await conflict.getByRole('button', { name: 'Bruk min verdi' }).click();
    await expect.poll(() => b.locator('[data-testid="conflict"]').count()).toBe(0);
    await syncNow(b);
    expect(serverRecord(server, 'dwelling', id)?.data).toMatchObject({ floor: 3, areaM2: 99 });
    await syncNow(a);
    await a.goto(`${server.url}/dwellings/${id}/edit`);
    expect(await a.inputValue('#dwelling-floor')).toBe('3');
    expect(await a.inputValue('#dwelling-areaM2')).toMatch(/^99/);
  });

  it('sends a photo taken offline, and the server’s copy hashes to its name', async () => {
    const page = await signedIn('inspektor');
    await createDwelling(page, server.url, 'Fotovegen 4', '71');
    await page.locator('[data-testid="start-dwelling-inspection"]').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const inspectionId = page.url().split('/').at(-1)!;
    await syncNow(page);
    await page.context().setOffline(true);
    const item = page.locator('.cl-item').first();
    await item.locator('summary', { hasText: 'Bilder' }).click();
    await item.locator('input[type=file][capture=environment]').setInputFiles(PHOTO);
    await item.locator('img.ph-img').waitFor();
    await expect.poll(() => page.locator('[data-testid="save-status"]').textContent()).toBe('Lagret på enheten');
    const sha = (await item.locator('img.ph-img').getAttribute('data-sha256'))!;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);

    await page.context().setOffline(false);
    await syncNow(page);
    const file = readFileSync(join(server.dataDir, 'blobs', sha));
    expect(createHash('sha256').update(file).digest('hex')).toBe(sha);
    expect(JSON.stringify(serverRecord(server, 'inspection', inspectionId)?.data)).toContain(sha);
  });
});
