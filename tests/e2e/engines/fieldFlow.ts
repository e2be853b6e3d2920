/**
 * The offline field flow, written once and run in every engine through an EnginePage: log in, the service worker
 * takes over, the server stops (a real outage), the app opens from the device, answers are kept and counted while the
 * person moves with the app's own links and with full page loads, and once the server is back they reach it by
 * themselves. WebKit (Safari's engine) also takes a photo, a consent signed on the screen, and a refused log-out.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEMPLATE_IDS } from '../../../src/core/checklist/templates';
import { startServer, type ServerProcess } from '../../support/server-process';
import { serverRecord } from '../sync-pages';
import { js, mark, until, type EnginePage } from './engine';

const PHOTO = fileURLToPath(new URL('../../fixtures/gps-photo.jpg', import.meta.url));

/** What the device holds: ops waiting in the outbox (read straight from IndexedDB) and the header's count. */
async function waiting(page: EnginePage): Promise<{ outbox: number; header: number | null }> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('egnet');
    open.onerror = () => reject(String(open.error));
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('outbox').objectStore('outbox').count();
      req.onsuccess = () => {
        db.close();
        const el = document.querySelector('[data-testid="sync-pending"]');
        resolve({ outbox: req.result, header: el ? Number(el.getAttribute('data-count')) : null });
      };
      req.onerror = () => reject(String(req.error));
    };
  })`);
}

async function exists(page: EnginePage, selector: string, ms = 30_000): Promise<void> {
  await until(`${selector} on the page`, () => page.evaluate<boolean>(`document.querySelector(${js(selector)}) !== null`), Boolean, ms);
}

async function text(page: EnginePage, selector: string): Promise<string> {
  return page.evaluate<string>(`document.querySelector(${js(selector)})?.textContent ?? ''`);
}

async function path(page: EnginePage): Promise<string> {
  return new URL(await page.url()).pathname;
}

/** Waits until the checklist says its answers are on the device. */
async function saved(page: EnginePage): Promise<void> {
  await until('the answer saved on the device', () => text(page, '[data-testid="save-status"]'), (t) => t === 'Lagret på enheten');
}

/** Follows a link of the app's own navigation (client-side routing, no page load). */
async function appLink(page: EnginePage, href: string): Promise<void> {
  await page.click(`a[href="${href}"]`);
  await until(`the address ${href}`, () => path(page), (p) => p === href);
  await exists(page, 'main h1');
}

/** Opens a section of the checklist by its title, with the app's own link. */
async function section(page: EnginePage, title: string): Promise<void> {
  await page.click(await mark(page, '.cl-section-link', title));
  await until(`section ${title}`, () => text(page, '#checklist-section-title'), (t) => t.includes(title));
}

/** Problems the app itself noted since the tab opened (errors, unhandled rejections, CSP violations), and the driver's. */
async function problems(page: EnginePage): Promise<string[]> {
  const own = await page.evaluate<string[]>(`JSON.parse(sessionStorage.getItem('egnet.problems') || '[]').map((p) => p.at + ' ' + p.kind + ': ' + p.message)`);
  // A stopped server is part of the flow: the browser reports each refused request, which is not an error of the app.
  // Full page loads cancel what the page left was loading, which Firefox reports as failed loads too; a load that fails
  // while the page stays is caught by the app's own list above (a screen's module that does not load is a rejection).
  const driver = page
    .driverErrors()
    .filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|NetworkError|net::ERR_|A ServiceWorker intercepted the request|error loading dynamically imported module/i.test(e));
  return [...own, ...driver];
}

/** Registers the flow's tests for one engine; `open` starts the browser. `extras`: photo, signature, refused log-out. */
export function fieldFlow(open: (viewport: { width: number; height: number }) => Promise<EnginePage>, extras: boolean): void {
  let server: ServerProcess;
  let page: EnginePage;
  let inspectionId = '';

  beforeAll(async () => {
    server = await startServer({ demo: true });
    page = await open({ width: 820, height: 1180 });
  });

  afterAll(async () => {
    await page?.close();
    await server?.stop();
  });

  it('logs in through the form; after a reload the service worker controls the page', async () => {
    await page.goto(server.url);
    await page.fill('#login-username', 'inspektor');
    await page.fill('#login-password', 'demo');
    await page.click('form.login-form button[type="submit"]');
    await exists(page, '[data-testid="sync-last"][data-at]', 60_000);
    await page.reload();
    await until('a controlling service worker', () => page.evaluate<boolean>('navigator.serviceWorker.controller !== null'), Boolean);
  });

  it('opens signed in with the registry from the device while the server is stopped', async () => {
    await server.stop();
    await page.reload();
    await exists(page, 'nav.app-nav');
    await page.goto(`${server.url}/dwellings`);
    await until('the registry from the device', () => text(page, '[data-testid="registry-count"]'), (t) => t.includes('119 av 119'));
  });

  it('keeps answers on the device and counts them, moving with app links and with full page loads', async () => {
    await page.click('.reg-link');
    await until('a dwelling page', () => path(page), (p) => /^\/dwellings\/[0-9a-f-]{36}$/.test(p));
    const dwellingPath = await path(page);
    await page.click(`[data-testid="start-${TEMPLATE_IDS.dwellingInspection}"]`);
    inspectionId = (await until('a new checklist', () => path(page), (p) => /^\/inspections\/[0-9a-f-]{36}$/.test(p))).split('/')[2]!;
    await section(page, 'Radon');
    await page.click(await mark(page, '.cl-item[data-item="radon.documented"] label', 'Ja'));
    await page.fill('[id="item-radon.bqm3"]', '40');
    await saved(page);
    // Leave with a full page load while the last answer may still be being written, several times over: on WebKit a
    // page kept in the back/forward cache with a transaction open used to lock the stores for every later page.
    for (const [i, value] of ['41', '42', '43'].entries()) {
      await page.fill('[id="item-radon.bqm3"]', value);
      await page.goto(`${server.url}${i % 2 ? dwellingPath : '/dwellings'}`);
      await exists(page, 'main h1');
      await page.goto(`${server.url}/inspections/${inspectionId}`);
      await section(page, 'Radon');
    }
    await page.fill('[id="item-radon.bqm3"]', '44');
    await saved(page);
    // The app's own links: away to the registry and home, and back to the checklist from the dwelling page.
    await appLink(page, '/dwellings');
    await appLink(page, '/');
    await page.goto(`${server.url}${dwellingPath}`);
    await appLink(page, `/inspections/${inspectionId}`);
    // A room added to the room list: its entry opens with the name first.
    await section(page, 'Rom');
    await page.click('[data-testid="add-rooms.list"]');
    await exists(page, '.cl-entry[data-open="true"] [id$=".lengthM"]');
    await page.fill('.cl-entry[data-open="true"] [id$=".name"]', 'Bod');
    await page.fill('.cl-entry[data-open="true"] [id$=".lengthM"]', '2,4');
    await saved(page);
    if (extras) {
      await section(page, 'Bilder og oppsummering');
      await page.upload('.cl-item[data-item="summary.photos"] input[type=file][capture=environment]', PHOTO);
      await exists(page, '.cl-item[data-item="summary.photos"] img.ph-img');
      await saved(page);
    }
    const now = await until('the header counting what waits', () => waiting(page), (w) => w.outbox > 0 && w.header === w.outbox);
    expect(now.outbox).toBeGreaterThan(0);
  });

  if (extras) {
    it('refuses to log out while changes are only on the device', async () => {
      await appLink(page, '/settings');
      // Safari's engine outside the home screen may clear the data after 7 days without use: Settings says so.
      await exists(page, '[data-testid="storage-eviction"]');
      await page.click(await mark(page, 'button', 'Logg ut'));
      await until('the refusal', () => text(page, 'main'), (t) => t.includes('Du kan ikke logge ut ennå'));
      await exists(page, 'nav.app-nav');
    });
  }

  it('sends the changes by themselves once the server is back, and the header counts zero', async () => {
    await server.restart();
    await until('nothing left waiting', () => waiting(page), (w) => w.outbox === 0 && w.header === 0, 150_000);
    const record = serverRecord(server, 'inspection', inspectionId);
    type Answer = { value?: unknown; photos?: unknown[]; entries?: { id: string; answers: Record<string, { value?: unknown }> }[] };
    const answers = record?.data.answers as Record<string, Answer> | undefined;
    expect(answers?.['radon.bqm3']?.value).toBe(44);
    const room = answers?.['rooms.list']?.entries?.find((e) => e.answers['name']?.value === 'Bod');
    expect(room?.answers['lengthM']?.value).toBe(2.4);
    if (extras) expect(answers?.['summary.photos']?.photos).toHaveLength(1);
  });

  it('says the device storage does not answer while another connection holds it, instead of "all synced"', async () => {
    await page.goto(`${server.url}/inspections/${inspectionId}`);
    await section(page, 'Radon');
    // Another connection keeps a write transaction on the outbox busy for as long as it likes (as a page paused in the
    // back/forward cache used to): every transaction of the app on it waits.
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('egnet');
      open.onerror = () => reject(String(open.error));
      open.onsuccess = () => {
        const db = open.result;
        const store = db.transaction(['outbox', 'records'], 'readwrite').objectStore('outbox');
        window.egnetHold = { stop: false };
        const spin = () => { if (!window.egnetHold.stop) store.get(0).onsuccess = spin; };
        spin();
        resolve(true);
      };
    })`);
    await page.fill('[id="item-radon.bqm3"]', '45');
    await until(
      'the header saying the store does not answer',
      () => page.evaluate<string>(`document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''`),
      (t) => t.includes('Lagring på enheten svarer ikke') && !t.includes('Alt er synkronisert'),
      40_000,
    );
    await page.evaluate('(window.egnetHold.stop = true)');
    await until('the header counting again', () => waiting(page), (w) => w.header !== null && Number.isFinite(w.header), 40_000);
    // Once the store answers, the app goes on: what was saved reaches the server and nothing is left waiting.
    await until('nothing left waiting', () => waiting(page), (w) => w.outbox === 0 && w.header === 0, 150_000);
  });

  if (extras) {
    it('records a consent signed on the screen while the server is stopped, and sends it with its signature', async () => {
      await appLink(page, '/settings');
      await page.click(await mark(page, 'button', 'Logg ut'));
      await exists(page, '#login-username');
      await page.fill('#login-username', 'boveileder');
      await page.fill('#login-password', 'demo');
      await page.click('form.login-form button[type="submit"]');
      await exists(page, '[data-testid="sync-last"][data-at]', 60_000);
      await server.stop();
      await page.goto(`${server.url}/households`);
      await page.click('a.hh-item-name');
      const household = (await until('a household page', () => path(page), (p) => /^\/households\/[0-9a-f-]{36}$/.test(p))).split('/')[2]!;
      await page.click('a[href$="/consent"]');
      await page.fill('#consent-givenBy', 'mor');
      await page.click('[data-testid="consent-nav-housing"]');
      const points = Array.from({ length: 13 }, (_, i) => [20 + i * 18, 60 + (i % 2 ? 18 : -18)] as const);
      await page.draw('[data-testid="signature-pad"]', points);
      await until('the drawn signature', () => page.evaluate<string>(`document.querySelector('[data-testid="signature-pad"]').getAttribute('aria-label')`), (l) => l.includes('Underskrift er tegnet'));
      await page.click('form.hh-form button[type=submit]');
      await exists(page, '[data-testid="signature-image"]').catch(async (err: unknown) => {
        await page.screenshot('/tmp/egnet-consent-failure.png');
        throw new Error(`${String(err)}; the page says: ${await text(page, 'main')}`);
      });
      await server.restart();
      await until('nothing left waiting', () => waiting(page), (w) => w.outbox === 0 && w.header === 0, 150_000);
      const consent = serverRecord(server, 'household', household)?.data.consent as { signature?: { sha256: string } } | undefined;
      expect(consent?.signature?.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  }

  it('shows no console error, page error or CSP violation', async () => {
    expect(await problems(page)).toEqual([]);
  });
}
