// The dwelling registry and form in Chromium: search by address and gnr/bnr, filters kept in the address bar, errors
// next to their fields with a summary that moves focus, a typed-in form kept across a reload, and edits that write
// only the fields that changed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLET, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let browser: Browser;
let page: Page;
let dwellingUrl = '';

const count = () => page.locator('[data-testid="registry-count"]').textContent();

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: TABLET })).newPage();
  await login(page, server.url, 'inspektor');
  await page.goto(`${server.url}/dwellings`);
  await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('dwelling form', () => {
  it('puts each error next to its field, lists them at the top, and a summary link focuses the field', async () => {
    await page.locator('a', { hasText: 'Ny bolig' }).click();
    await page.fill('#dwelling-address', 'Testvegen 9');
    await page.fill('#dwelling-postcode', '72');
    await page.fill('#dwelling-areaM2', 'sekstifem');
    await page.locator('form.dw-form button[type=submit]').click();
    const summary = page.locator('[data-testid="error-summary"]');
    await summary.waitFor();
    expect(await page.locator('#dwelling-postcode-error').textContent()).toBe('Postnummer må være fire sifre');
    expect(await page.locator('#dwelling-areaM2-error').textContent()).toBe('Skriv et tall, for eksempel 64,5.');
    expect(await page.locator('#dwelling-postcode').getAttribute('aria-describedby')).toContain('dwelling-postcode-error');
    expect(await page.locator('#dwelling-address-error').count()).toBe(0);
    await summary.locator('a', { hasText: 'Bruksareal' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dwelling-areaM2');
  });

  it('keeps what was typed across a reload until it is saved', async () => {
    await page.reload();
    await page.locator('form.dw-form').waitFor();
    expect(await page.locator('#dwelling-address').inputValue()).toBe('Testvegen 9');
    expect(await page.locator('.dw-form [role="status"]').textContent()).toContain('Vi fant det du skrev sist');
  });

  it('saves a valid dwelling and opens its page, not yet assessed', async () => {
    for (const [field, value] of Object.entries({ postcode: '7224', gnr: '4321', bnr: '17', floor: '2', areaM2: '71,5', rooms: '4', approvedBedrooms: '3' })) {
      await page.fill(`#dwelling-${field}`, value);
    }
    await page.selectOption('#dwelling-area', 'Hovin');
    await page.locator('input[name="vacant"][value="no"]').check();
    // The KOSTRA facts, optional: how the municipality disposes of it, and wheelchair access.
    await page.getByLabel('Eierforhold').selectOption({ label: 'Innleid fra private' });
    await page.getByLabel('Tilgjengelig for rullestolbrukere').selectOption({ label: 'Ja' });
    await page.locator('form.dw-form button[type=submit]').click();
    await page.waitForURL(/\/dwellings\/[0-9a-f-]{36}$/);
    dwellingUrl = page.url();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Testvegen 9');
    expect(await page.locator('[data-testid="verdict"]').getAttribute('data-verdict')).toBe('notAssessed');
    expect(await page.locator('.dw-facts').textContent()).toContain('71,5 m²');
    expect(await page.locator('.dw-facts').textContent()).toContain('EierforholdInnleid fra private');
    expect(await page.locator('.dw-facts').textContent()).toContain('Tilgjengelig for rullestolbrukereJa');
  });

  it('edits only the field that changed', async () => {
    // Offline, so the edit waits in the outbox where its op can be read.
    await page.context().setOffline(true);
    await page.context().route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.locator('a', { hasText: 'Endre boligen' }).click();
    await page.fill('#dwelling-floor', '3');
    await page.locator('form.dw-form button[type=submit]').click();
    await page.waitForURL(dwellingUrl);
    await expect.poll(() => page.locator('.dw-facts').textContent()).toContain('Etasje3');
    const ops = await page.evaluate(
      () =>
        new Promise<{ set?: Record<string, unknown> }[]>((resolve) => {
          const open = indexedDB.open('egnet');
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => resolve(all.result as { set?: Record<string, unknown> }[]);
          };
        }),
    );
    // The create op (every field) may still be queued too; the edit is the op without the address.
    const edits = ops.filter((o) => o.set && 'floor' in o.set && !('address' in o.set));
    expect(edits.map((o) => Object.keys(o.set!))).toEqual([['floor']]);
    expect(edits[0]!.set!.floor).toBe(3);
    await page.context().unroute('**/api/**');
    await page.context().setOffline(false);
  });
});

describe('registry', () => {
  it('finds the new dwelling by gnr/bnr and by address words', async () => {
    await page.goto(`${server.url}/dwellings`);
    await page.fill('#registry-search', '4321/17');
    await expect.poll(count).toBe('1 av 120 boliger');
    expect(await page.locator('.reg-address').textContent()).toBe('Testvegen 9');
    await page.fill('#registry-search', 'testvegen hovin');
    await expect.poll(count).toBe('1 av 120 boliger');
    await page.fill('#registry-search', '4321/170');
    await expect.poll(count).toBe('0 av 120 boliger');
  });

  it('filters by vacancy, bedrooms, verdict and inspection age, and keeps the filter in the address', async () => {
    await page.fill('#registry-search', '');
    await page.locator('.reg-filters summary').click();
    await page.selectOption('#f-verdict', 'suited0to3');
    await expect.poll(count).toBe('11 av 120 boliger');
    await page.selectOption('#f-verdict', 'suited3plus');
    await expect.poll(count).toBe('40 av 120 boliger');
    await page.selectOption('#f-verdict', '');
    await page.selectOption('#f-inspection', 'never');
    await expect.poll(count).toBe('1 av 120 boliger');
    await page.selectOption('#f-occupancy', 'let');
    await page.selectOption('#f-bedrooms', '3');
    await expect.poll(count).toBe('1 av 120 boliger');
    expect(page.url()).toContain('kontroll=never');
    expect(page.url()).toContain('status=let');
    await page.reload();
    await expect.poll(count).toBe('1 av 120 boliger');
    await page.locator('button', { hasText: 'Nullstill filtre' }).click();
    await expect.poll(count).toBe('120 av 120 boliger');
  });
});
