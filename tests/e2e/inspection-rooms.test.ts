// The room list of dwelling inspection version 2 in real Chromium, offline: add five rooms, duplicate one, remove one and
// undo, see the area worked out, find completion refused until a TG3 room has its photo, open that photo full screen
// and mark up a copy (axe-core finding nothing with the viewer or the mark-up tool open); back online, sync sends the
// room list with both photos and the link between them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { createDwelling, firstSync, serverRecord, syncNow, untilControlled } from './sync-pages';

const PHOTO = fileURLToPath(new URL('../fixtures/gps-photo.jpg', import.meta.url));

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let inspectionId = '';

const names = () => page.locator('[data-testid="entries-rooms.list"] .cl-entry-name').allTextContents();
const saved = () => expect.poll(() => page.locator('[data-testid="save-status"]').getAttribute('data-state')).not.toBe('saving');
const title = () => page.locator('#photo-viewer-title').textContent();

type Ref = { sha256: string; mime: string; caption?: string; markupOf?: string };
type Entry = { id: string; answers: Record<string, { value?: unknown; photos?: Ref[] }> };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  context = await browser.newContext({ viewport: TABLET });
  page = await context.newPage();
  await login(page, server.url, 'inspektor');
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the room list, offline', () => {
  it('starts a new checklist in version 2 for a dwelling of its own, then goes offline', async () => {
    await untilControlled(page);
    await firstSync(page);
    // A dwelling of its own, so the room list starts empty (a demo dwelling's draft starts from its last inspection).
    await createDwelling(page, server.url, 'Romvegen 5', '75');
    await page.locator('[data-testid="start-dwelling-inspection"]').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    inspectionId = page.url().split('/').at(-1)!;
    await page.locator('#checklist-section-title').waitFor();
    await syncNow(page);
    expect(serverRecord(server, 'inspection', inspectionId)?.data.templateVersion).toBe(2);
    await context.setOffline(true);
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  });

  it('adds five rooms, each named as it is added, and works out the area from length × width', async () => {
    await page.locator('.cl-section-link', { has: page.locator('.cl-section-name', { hasText: /^Rom$/ }) }).click();
    for (let n = 1; n <= 5; n++) {
      await page.locator('[data-testid="add-rooms.list"]').click();
      // Focus lands in the new room's name.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^item-rooms\.list\.e[0-9a-z]+\.name$/);
      await page.keyboard.type(`Rom nr ${n}`);
      await page.keyboard.press('Tab');
      await saved();
    }
    expect(await names()).toEqual(['1. Rom nr 1', '2. Rom nr 2', '3. Rom nr 3', '4. Rom nr 4', '5. Rom nr 5']);
    const open = page.locator('.cl-entry[data-open="true"]');
    await open.locator('input[id$=".lengthM"]').fill('3,1');
    await open.locator('input[id$=".widthM"]').fill('2');
    await open.locator('input[id$=".widthM"]').press('Tab');
    await expect.poll(() => open.locator('[data-testid="calc-areaM2"]').textContent()).toBe('6,2 m²');
  });

  it('duplicates a room right after it, removes one and brings it back with undo', async () => {
    await page.locator('.cl-entry-summary', { hasText: 'Rom nr 2' }).click();
    await page.locator('.cl-entry[data-open="true"] button', { hasText: 'Dupliser' }).click();
    await saved();
    expect(await names()).toEqual(['1. Rom nr 1', '2. Rom nr 2', '3. Rom nr 2', '4. Rom nr 3', '5. Rom nr 4', '6. Rom nr 5']);
    await page.locator('.cl-entry-summary', { hasText: 'Rom nr 4' }).click();
    await page.locator('.cl-entry[data-open="true"] button', { hasText: 'Fjern' }).click();
    await saved();
    expect(await names()).toEqual(['1. Rom nr 1', '2. Rom nr 2', '3. Rom nr 2', '4. Rom nr 3', '5. Rom nr 5']);
    expect(await page.locator('.cl-entry-removed').textContent()).toContain('«Rom nr 4» er fjernet.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Angre');
    await page.keyboard.press('Enter');
    await saved();
    expect(await names()).toEqual(['1. Rom nr 1', '2. Rom nr 2', '3. Rom nr 2', '4. Rom nr 3', '5. Rom nr 4', '6. Rom nr 5']);
    expect(await page.locator('[id="item-rooms.list-box"] h3').textContent()).toContain('6 registrert');
  });

  it('refuses completion while a TG3 room has no photo, links into the room, and lets go once the photo is there', async () => {
    const room = page.locator('.cl-entry', { hasText: 'Rom nr 1' });
    if ((await room.getAttribute('data-open')) !== 'true') await room.locator('.cl-entry-summary').click();
    await room.locator('label.cl-grade[data-grade="TG3"]').click();
    await saved();
    await room.locator('[data-testid$=".grade"]').filter({ hasText: 'krever et bilde' }).waitFor();
    const last = page.locator('.cl-section-link').last();
    await last.click();
    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    const summary = page.locator('[data-testid="error-summary"]');
    await summary.waitFor();
    const link = summary.locator('a', { hasText: 'Rom 1 (Rom nr 1) – Tilstandsgrad: Svaret krever bilde' });
    expect(await link.count()).toBe(1);
    // Elsewhere when the link is followed: it opens the section and the room, and puts focus on the camera button.
    await page.locator('.cl-section-link').first().click();
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^item-rooms\.list\.e[0-9a-z]+\.grade-ph-camera$/);
    await page.locator('.cl-entry[data-open="true"] [data-item$=".grade"] input[type=file][capture=environment]').setInputFiles(PHOTO);
    await page.locator('.cl-entry[data-open="true"] [data-item$=".grade"] img.ph-img').waitFor();
    await saved();
    await page.locator('.cl-section-link').last().click();
    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    await summary.waitFor();
    expect(await summary.locator('a', { hasText: 'Svaret krever bilde' }).count()).toBe(0);
    // Other answers are still missing, so it stays a draft.
    expect(await page.locator('[data-testid="read-only-notice"]').count()).toBe(0);
  });

  it('opens the room’s photo full screen and marks up a copy, with no axe violations in the viewer or the tool', async () => {
    await page.locator('.cl-section-link', { has: page.locator('.cl-section-name', { hasText: /^Rom$/ }) }).click();
    const room = page.locator('.cl-entry', { hasText: 'Rom nr 1' });
    if ((await room.getAttribute('data-open')) !== 'true') await room.locator('.cl-entry-summary').click();
    const grade = room.locator('[data-item$=".grade"]');
    await grade.locator('[data-testid="photo-open"]').first().click();
    const viewer = page.locator('[data-testid="photo-viewer"]');
    await viewer.locator('img.ph-full').waitFor();
    await expect.poll(title).toBe('Bilde 1 (1 av 1)');
    await expectNoAxeViolations(page, 'photo viewer over a room');

    await viewer.locator('[data-testid="viewer-markup"]').click();
    const canvas = page.locator('[data-testid="markup-canvas"]');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => canvas.getAttribute('data-shapes')).toBe('1');
    await expectNoAxeViolations(page, 'mark-up tool over a room photo');
    await page.locator('#markup-caption').fill('Sprekk i vinduskarmen');
    await page.locator('[data-testid="markup-save"]').click();
    await expect.poll(title).toBe('Markert kopi av Bilde 1 (2 av 2)');
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    await saved();
    expect(await grade.locator('img.ph-img').count()).toBe(2);
  });

  it('sends the room list with the photo and its marked-up copy once back online', async () => {
    await context.unroute('**/api/**');
    await context.setOffline(false);
    await syncNow(page);
    const answers = serverRecord(server, 'inspection', inspectionId)!.data.answers as Record<string, { entries?: Entry[] }>;
    const entries = answers['rooms.list']?.entries ?? [];
    expect(entries.map((e) => e.answers['name']?.value)).toEqual(['Rom nr 1', 'Rom nr 2', 'Rom nr 2', 'Rom nr 3', 'Rom nr 4', 'Rom nr 5']);
    const first = entries[0]!;
    expect(first.answers['grade']?.value).toBe('TG3');
    const photos = first.answers['grade']?.photos ?? [];
    expect(photos).toHaveLength(2);
    const [original, copy] = photos as [Ref, Ref];
    expect(copy).toMatchObject({ markupOf: original.sha256, caption: 'Sprekk i vinduskarmen' });
    for (const sha of [original.sha256, copy.sha256]) {
      const file = readFileSync(join(server.dataDir, 'blobs', sha));
      expect(createHash('sha256').update(file).digest('hex')).toBe(sha);
    }
  });
});
