// Photos full screen and marked up, offline in real Chromium: a checklist item's photo opens full screen, arrow keys
// move between photos, Escape closes with focus back on the thumbnail; a copy is marked up with an arrow, a circle and
// a text (mouse and keyboard), one mark undone, and saved beside the original; once online, sync sends both blobs and
// the link between them. axe-core finds nothing with the viewer or the mark-up tool open, at phone and tablet size.
// EGNET_SCREENSHOTS=1 also writes the mark-up screenshots in docs/screenshots/.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { createDwelling, firstSync, serverRecord, syncNow, untilControlled } from './sync-pages';

const SHOTS = process.env.EGNET_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let inspectionId: string;

type Ref = { sha256: string; mime: string; caption?: string; markupOf?: string };

/** A JPEG drawn in the page: a wall with a dark patch, in a colour of its own so each photo has its own hash. */
async function jpeg(p: Page, colour: string): Promise<Buffer> {
  const bytes = await p.evaluate(async (c) => {
    const canvas = new OffscreenCanvas(1200, 900);
    const g = canvas.getContext('2d')!;
    g.fillStyle = c;
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = '#5b4a3a';
    g.beginPath();
    g.ellipse(700, 400, 160, 110, 0, 0, Math.PI * 2);
    g.fill();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, colour);
  return Buffer.from(bytes);
}

/** The photo references in the first item's answer, as the device stores them. */
async function answerPhotos(p: Page, id: string): Promise<Ref[]> {
  return p.evaluate(
    (recordId) =>
      new Promise<Ref[]>((resolve, reject) => {
        const open = indexedDB.open('egnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('records').objectStore('records').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const row = (req.result as { entity: string; id: string; data: { answers?: Record<string, { photos?: Ref[] }> } }[]).find((r) => r.id === recordId);
            open.result.close();
            resolve(Object.values(row?.data.answers ?? {}).flatMap((a) => a.photos ?? []));
          };
        };
      }),
    id,
  );
}

/** The pixel size of a photo stored on the device. */
function storedSize(p: Page, sha256: string): Promise<{ width: number; height: number } | null> {
  return p.evaluate(
    (sha) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('egnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('photos').objectStore('photos').get(sha);
          req.onerror = () => reject(req.error);
          req.onsuccess = async () => {
            open.result.close();
            const row = req.result as { bytes: ArrayBuffer; mime: string } | undefined;
            if (!row) return resolve(null);
            const bmp = await createImageBitmap(new Blob([row.bytes], { type: row.mime }));
            resolve({ width: bmp.width, height: bmp.height });
          };
        };
      }),
    sha256,
  );
}

/** Drags the mouse across the drawing area from one share of its size to another. */
async function drag(p: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = (await p.locator('[data-testid="markup-canvas"]').boundingBox())!;
  await p.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await p.mouse.down();
  await p.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2), { steps: 3 });
  await p.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 3 });
  await p.mouse.up();
}

const shapes = (p: Page) => p.locator('[data-testid="markup-canvas"]').getAttribute('data-shapes');
const title = (p: Page) => p.locator('#photo-viewer-title').textContent();

async function shot(p: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const later = p.locator('.update-prompt button', { hasText: 'Senere' });
  if (await later.isVisible()) await later.click();
  await p.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

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

describe('a photo opened and marked up offline', () => {
  it('opens full screen, moves with the arrow keys, marks up a copy with undo, and syncs both photos and their link', async () => {
    await untilControlled(page);
    await firstSync(page);
    await createDwelling(page, server.url, 'Merkevegen 3', '73');
    await page.locator('[data-testid="start-dwelling-inspection"]').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    inspectionId = page.url().split('/').at(-1)!;
    await syncNow(page);

    await context.setOffline(true);
    const item = page.locator('.cl-item').first();
    await item.locator('summary', { hasText: 'Bilder' }).click();
    await item.locator('input[type=file][multiple]').setInputFiles([
      { name: 'vegg.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page, '#d8d0c0') },
      { name: 'tak.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page, '#b8c8d8') },
    ]);
    await expect.poll(() => item.locator('img.ph-img').count()).toBe(2);
    const [first, second] = await answerPhotos(page, inspectionId).then((ps) => ps.map((p) => p.sha256));

    // Full screen on the first photo; arrows move on and back; + zooms; Escape closes on the second photo.
    const thumbs = item.locator('[data-testid="photo-open"]');
    await thumbs.nth(0).click();
    const viewer = page.locator('[data-testid="photo-viewer"]');
    await expect.poll(() => title(page)).toBe('Bilde 1 (1 av 2)');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="photo-viewer"]'))).toBe(true);
    await expect.poll(() => viewer.locator('img.ph-full').getAttribute('data-sha256')).toBe(first);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page)).toBe('Bilde 2 (2 av 2)');
    await expect.poll(() => viewer.locator('img.ph-full').getAttribute('data-sha256')).toBe(second);
    await page.keyboard.press('ArrowRight');
    expect(await title(page)).toBe('Bilde 2 (2 av 2)');
    // A swipe to the right goes back; two touch points spreading apart zoom in; + zooms further.
    const stage = viewer.locator('[data-testid="viewer-stage"]');
    const box = (await stage.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => title(page)).toBe('Bilde 1 (1 av 2)');
    await stage.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const y = r.top + r.height / 2;
      const at = (type: string, pointerId: number, x: number) =>
        el.dispatchEvent(new PointerEvent(type, { pointerId, pointerType: 'touch', isPrimary: pointerId === 1, clientX: r.left + x, clientY: y, bubbles: true }));
      at('pointerdown', 1, r.width * 0.45);
      at('pointerdown', 2, r.width * 0.55);
      at('pointermove', 2, r.width * 0.75);
      at('pointerup', 2, r.width * 0.75);
      at('pointerup', 1, r.width * 0.45);
    });
    // The fingers went from 10 % to 30 % of the width apart: three times the size.
    await expect.poll(() => stage.getAttribute('data-zoom')).toBe('3.00');
    await page.keyboard.press('0');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page)).toBe('Bilde 2 (2 av 2)');
    await page.keyboard.press('+');
    await expect.poll(() => stage.getAttribute('data-zoom')).toBe('1.50');
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    // Focus is back on the thumbnail of the photo last shown.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Åpne Bilde 2 i full størrelse');

    await thumbs.nth(1).click();
    // The keys go to the viewer once it is open as a modal dialog, with focus inside it.
    await page.locator('dialog[data-testid="photo-viewer"][open]').waitFor();
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="photo-viewer"]'))).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => title(page)).toBe('Bilde 1 (1 av 2)');
    await viewer.locator('[data-testid="viewer-markup"]').click();
    const canvas = page.locator('[data-testid="markup-canvas"]');
    await canvas.waitFor();
    await expect.poll(() => title(page)).toBe('Merk opp en kopi av Bilde 1');

    // An arrow and a circle with the mouse, a text placed with the keyboard.
    await drag(page, [0.2, 0.2], [0.5, 0.4]);
    await expect.poll(() => shapes(page)).toBe('1');
    await page.locator('label.ph-choice', { hasText: 'Sirkel' }).click();
    await page.locator('label.ph-choice', { hasText: 'Gul' }).click();
    await drag(page, [0.58, 0.44], [0.7, 0.44]);
    await expect.poll(() => shapes(page)).toBe('2');
    await page.locator('label.ph-choice', { hasText: 'Tekst' }).click();
    await page.locator('#markup-text').fill('Fukt');
    await canvas.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => shapes(page)).toBe('3');
    expect(await page.locator('#markup-caption').inputValue()).toBe('Markert: 1 pil, 1 sirkel, tekst: «Fukt» (Bilde 1)');

    // Undo takes the text back; a keyboard arrow (Enter, move, Enter) is drawn in its place.
    await page.locator('[data-testid="markup-undo"]').click();
    await expect.poll(() => shapes(page)).toBe('2');
    await page.locator('label.ph-choice', { hasText: 'Pil' }).click();
    await canvas.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="markup-status"]').textContent()).toContain('Start satt');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => shapes(page)).toBe('3');
    await page.keyboard.press('Control+z');
    await expect.poll(() => shapes(page)).toBe('2');
    await page.locator('label.ph-choice', { hasText: 'Tekst' }).click();
    await canvas.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shapes(page)).toBe('3');
    await page.locator('#markup-caption').fill('Fuktflekk under vinduet, markert med pil og sirkel');
    await page.locator('[data-testid="markup-save"]').click();

    // The copy sits after its original, and the viewer shows it.
    await expect.poll(() => title(page)).toBe('Markert kopi av Bilde 1 (2 av 3)');
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Åpne Markert kopi av Bilde 1: Fuktflekk under vinduet, markert med pil og sirkel i full størrelse',
    );
    await expect.poll(() => page.locator('[data-testid="save-status"]').textContent()).toBe('Lagret på enheten');
    const photos = await answerPhotos(page, inspectionId);
    expect(photos.map((p) => p.sha256)).toEqual([first, photos[1]!.sha256, second]);
    const copy = photos[1]!;
    expect(copy).toMatchObject({ mime: 'image/jpeg', markupOf: first, caption: 'Fuktflekk under vinduet, markert med pil og sirkel' });
    expect(copy.sha256).not.toBe(first);
    // The copy is as large as its original (1200 × 900), and the original is unchanged on the device.
    expect(await storedSize(page, copy.sha256)).toEqual({ width: 1200, height: 900 });
    expect(await storedSize(page, first!)).toEqual({ width: 1200, height: 900 });
    expect(await item.locator('.ph-badge').count()).toBe(1);

    // Online: sync sends the original, the copy and the link.
    await context.setOffline(false);
    await syncNow(page);
    for (const sha of [first!, copy.sha256]) {
      const file = readFileSync(join(server.dataDir, 'blobs', sha));
      expect(createHash('sha256').update(file).digest('hex')).toBe(sha);
    }
    const stored = serverRecord(server, 'inspection', inspectionId)!.data.answers as Record<string, { photos?: Ref[] }>;
    const onServer = Object.values(stored).flatMap((a) => a.photos ?? []);
    expect(onServer.find((p) => p.sha256 === copy.sha256)).toMatchObject({ markupOf: first });
    expect(onServer.map((p) => p.sha256)).toContain(first);
    // Both blobs are served back.
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'inspektor', password: 'demo' }),
    });
    const { token } = (await session.json()) as { token: string };
    for (const sha of [first!, copy.sha256]) {
      const res = await fetch(`${server.url}/api/blobs/${sha}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(createHash('sha256').update(new Uint8Array(await res.arrayBuffer())).digest('hex')).toBe(sha);
    }
  });

  it.each([
    ['phone', PHONE],
    ['tablet', TABLET],
  ] as const)('has no axe violations with the viewer and the mark-up tool open at %s size', async (size, viewport) => {
    await page.setViewportSize(viewport);
    const item = page.locator('.cl-item').first();
    await item.locator('[data-testid="photo-open"]').first().click();
    const viewer = page.locator('[data-testid="photo-viewer"]');
    await viewer.locator('img.ph-full').waitFor();
    await expectNoAxeViolations(page, `photo viewer (${size})`);
    await shot(page, `photo-viewer-${size}`);
    await viewer.locator('[data-testid="viewer-markup"]').click();
    await page.locator('[data-testid="markup-canvas"]').waitFor();
    await drag(page, [0.15, 0.15], [0.5, 0.4]);
    await page.locator('label.ph-choice', { hasText: 'Sirkel' }).click();
    await page.locator('label.ph-choice', { hasText: 'Gul' }).click();
    await drag(page, [0.58, 0.44], [0.72, 0.44]);
    await page.locator('label.ph-choice', { hasText: 'Tekst' }).click();
    await page.locator('label.ph-choice', { hasText: 'Hvit' }).click();
    await page.locator('#markup-text').fill('Fukt');
    const box = (await page.locator('[data-testid="markup-canvas"]').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.58, box.y + box.height * 0.75);
    await expect.poll(() => shapes(page)).toBe('3');
    await expectNoAxeViolations(page, `mark-up tool (${size})`);
    await shot(page, `photo-markup-${size}`);
    // Escape leaves the tool (nothing saved), a second Escape the viewer.
    await page.keyboard.press('Escape');
    await viewer.locator('img.ph-full').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    expect(await answerPhotos(page, inspectionId)).toHaveLength(3);
  });
});
