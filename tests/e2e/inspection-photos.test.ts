// Photos and failed saves in a checklist, in real Chromium: photos shrunk to ≤ 2000 px JPEG with EXIF/GPS gone; clear
// messages on unreadable files and on a full device, with nothing already saved lost and the unsaved answer kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJpeg, readJpegMetadata } from '../../src/app/photos/jpegMetadata';
import { TABLET, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

const GPS_PHOTO = fileURLToPath(new URL('../fixtures/gps-photo.jpg', import.meta.url));
const BROKEN = fileURLToPath(new URL('../fixtures/broken-photo.jpg', import.meta.url));

let server: ServerProcess;
let browser: Browser;
let page: Page;

/** Every photo stored on the device: hash, type and bytes (base64), read straight from IndexedDB. */
function storedPhotos(p: Page): Promise<{ sha256: string; mime: string; b64: string }[]> {
  return p.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('egnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('photos').objectStore('photos').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            resolve(
              (req.result as { sha256: string; mime: string; bytes: ArrayBuffer }[]).map((p) => {
                let s = '';
                for (const b of new Uint8Array(p.bytes)) s += String.fromCharCode(b);
                return { sha256: p.sha256, mime: p.mime, b64: btoa(s) };
              }),
            );
            open.result.close();
          };
        };
      }),
  );
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
  const context: BrowserContext = await browser.newContext({ viewport: TABLET });
  page = await context.newPage();
  await login(page, server.url, 'inspektor');
  // A dwelling of our own and a checklist on it, so this file needs nothing from the demo data.
  await page.goto(`${server.url}/dwellings/new`);
  for (const [field, value] of Object.entries({ address: 'Fotovegen 1', postcode: '7224', gnr: '77', bnr: '1', floor: '1', areaM2: '70', rooms: '3', approvedBedrooms: '2' })) {
    await page.fill(`#dwelling-${field}`, value);
  }
  await page.selectOption('#dwelling-area', 'Gimse');
  await page.locator('form.dw-form button[type=submit]').click();
  await page.waitForURL(/\/dwellings\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="start-dwelling-inspection"]').click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('photos on an item', () => {
  it('shrinks a GPS-tagged camera photo to ≤ 2000 px JPEG, turned upright, with no EXIF, GPS or XMP left', async () => {
    const original = new Uint8Array(readFileSync(GPS_PHOTO));
    // The fixture really carries a location, so the check below can fail.
    expect(readJpegMetadata(original)).toMatchObject({ exif: true, gps: true, orientation: 6 });

    const item = page.locator('.cl-item').first();
    await item.locator('summary', { hasText: 'Bilder' }).click();
    await item.locator('input[type=file][capture=environment]').setInputFiles(GPS_PHOTO);
    await item.locator('img.ph-img').waitFor();
    await expect.poll(() => page.locator('[data-testid="save-status"]').textContent()).toBe('Lagret på enheten');

    const photos = await storedPhotos(page);
    expect(photos).toHaveLength(1);
    const [photo] = photos;
    const bytes = new Uint8Array(Buffer.from(photo!.b64, 'base64'));
    expect(photo!.mime).toBe('image/jpeg');
    expect(isJpeg(bytes)).toBe(true);
    expect(readJpegMetadata(bytes)).toEqual({ exif: false, gps: false, xmp: false });
    expect(Buffer.from(bytes).includes(Buffer.from('GPS'))).toBe(false);
    expect(bytes.length).toBeLessThan(original.length);

    // The stored photo decodes to 1333×2000: the 3000×2000 sensor image turned by its EXIF orientation 6.
    const size = await page.evaluate(async (b64) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const bmp = await createImageBitmap(new Blob([arr], { type: 'image/jpeg' }));
      return { width: bmp.width, height: bmp.height };
    }, photo!.b64);
    expect(size).toEqual({ width: 1333, height: 2000 });

    // The answer points at the photo by its hash.
    const sha = await item.locator('img.ph-img').getAttribute('data-sha256');
    expect(sha).toBe(photo!.sha256);
  });

  it('says clearly when a file is not an image, and keeps the photo already saved', async () => {
    const item = page.locator('.cl-item').first();
    await item.locator('input[type=file][multiple]').setInputFiles(BROKEN);
    const problem = item.locator('[data-testid="photo-problem"]');
    await expect.poll(() => problem.textContent()).toContain('«broken-photo.jpg» kunne ikke leses som et bilde');
    expect(await item.locator('img.ph-img').count()).toBe(1);
    expect(await storedPhotos(page)).toHaveLength(1);
  });

  it('says the storage is full when the device refuses the write, and loses nothing already saved', async () => {
    // Chromium's CDP quota override did not reliably reach an open IndexedDB connection here, so the browser's
    // QuotaExceededError is injected where IndexedDB raises it: adding to the photo store.
    await page.evaluate(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'photos') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
    });
    const item = page.locator('.cl-item').first();
    await item.locator('input[type=file][multiple]').setInputFiles({
      name: 'stor.jpg',
      mimeType: 'image/jpeg',
      // A photo new to the store (the fixture is there already and would not be written again).
      buffer: Buffer.from(
        await page.evaluate(async () => {
          const c = new OffscreenCanvas(800, 600);
          const g = c.getContext('2d')!;
          g.fillStyle = '#5a7';
          g.fillRect(0, 0, 800, 600);
          g.fillStyle = '#222';
          g.fillRect(100, 100, 300, 200);
          const blob = await c.convertToBlob({ type: 'image/jpeg' });
          return [...new Uint8Array(await blob.arrayBuffer())];
        }),
      ),
    });
    const problem = item.locator('[data-testid="photo-problem"]');
    await expect.poll(() => problem.textContent()).toContain('lagringsplassen på enheten er full');
    expect(await item.locator('img.ph-img').count()).toBe(1);
    expect(await storedPhotos(page)).toHaveLength(1);
    // After a reload (the injected fault gone) the draft and its first photo are intact.
    await page.reload();
    const first = page.locator('.cl-item').first();
    await first.locator('img.ph-img').waitFor();
    expect(await first.locator('img.ph-img').count()).toBe(1);
  });
});

describe('an answer the device refuses to save', () => {
  it('stays in the form with a clear message, and is saved by "Prøv igjen" once there is room', async () => {
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { restorePut: () => void }).restorePut = () => (IDBObjectStore.prototype.put = put);
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'records') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const item = page.locator('.cl-item[data-item="identity.registryMatches"]');
    await item.locator('input[type=radio][value="true"]').check();
    const alert = page.locator('.ds-alert[role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('Lagringsplassen på enheten er full');
    expect(await item.locator('input[type=radio][value="true"]').isChecked()).toBe(true);

    await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
    await alert.locator('button', { hasText: 'Prøv igjen' }).click();
    await expect.poll(() => page.locator('[data-testid="save-status"]').textContent()).toBe('Lagret på enheten');
    expect(await alert.count()).toBe(0);
    await page.reload();
    await page.locator('.cl-item[data-item="identity.registryMatches"]').waitFor();
    expect(await page.locator('.cl-item[data-item="identity.registryMatches"] input[value="true"]').isChecked()).toBe(true);
  });
});
