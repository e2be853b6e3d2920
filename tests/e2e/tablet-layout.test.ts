// The field screens on a tablet: the registry list beside the open checklist in portrait and landscape, a button that
// folds the list away (remembered across a reload) and gives the form the whole width with the verdict beside it,
// and one column with no list on a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let browser: Browser;
let checklistPath = '';

const LANDSCAPE = { width: TABLET.height, height: TABLET.width };

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, selector: string): Promise<Box | null> => page.locator(selector).first().boundingBox();

/** Starts a dwelling inspection on the third dwelling in the list and returns its path. */
async function startChecklist(page: Page): Promise<string> {
  await page.goto(`${server.url}/dwellings`);
  await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
  await page.locator('.reg-link').nth(2).click();
  await page.getByRole('button', { name: 'Start: Boligbefaring' }).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  await page.locator('.cl-item').first().waitFor();
  return new URL(page.url()).pathname;
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('registry beside the checklist', () => {
  it.each([
    ['portrait', TABLET],
    ['landscape', LANDSCAPE],
  ])('on a %s tablet the list and the form sit side by side, the open dwelling marked, nothing scrolls sideways', async (_name, viewport) => {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'inspektor');
      checklistPath ||= await startChecklist(page);
      await page.goto(`${server.url}${checklistPath}`);
      await page.locator('.cl-item').first().waitFor();
      // The list follows the page a moment later (the page's own reads and verdict come first).
      await page.locator('.dw-side [data-testid="registry-list"] li').first().waitFor();
      expect(await page.locator('.dw-side [data-testid="registry-list"] li').count(), 'the registry list is shown').toBeGreaterThan(10);
      const list = await box(page, '.dw-side');
      const form = await box(page, '.cl-screen');
      expect(list).not.toBeNull();
      expect(form).not.toBeNull();
      // Beside, not above: the list ends where the form begins, and both start near the top.
      expect(list!.x + list!.width).toBeLessThanOrEqual(form!.x);
      expect(Math.abs(list!.y - form!.y)).toBeLessThan(200);
      // The form keeps at least a phone's width.
      expect(form!.width).toBeGreaterThanOrEqual(340);
      const dwellingId = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('.cl-header a[href^="/dwellings/"]')!.getAttribute('href')!.split('/').pop());
      expect(await page.locator(`.dw-side [aria-current="page"][href="/dwellings/${dwellingId}"], .dw-side [aria-current="true"][href="/dwellings/${dwellingId}"]`).count()).toBe(1);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
      // Answering in the form with the list beside it still saves on the device.
      await page.locator('.cl-item').first().locator('input[type=radio]:not(:checked)').first().check();
      await expect.poll(() => page.locator('[data-testid="save-status"], .cl-saved').first().textContent()).toContain('Lagret på enheten');
    } finally {
      await context.close();
    }
  });

  it('folds the list away for the whole width (verdict beside the form in landscape), remembered after a reload', async () => {
    const context = await browser.newContext({ viewport: LANDSCAPE });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'inspektor');
      await page.goto(`${server.url}${checklistPath}`);
      await page.locator('.cl-item').first().waitFor();
      const narrow = (await box(page, '.cl-screen'))!.width;
      const toggle = page.locator('#registry-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.textContent()).toBe('Vis boliglisten');
      expect(await page.locator('.dw-side [data-testid="registry-list"]').count()).toBe(0);
      // Keyboard focus stays on the button that moved.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('registry-toggle');
      const wide = (await box(page, '.cl-screen'))!.width;
      expect(wide).toBeGreaterThan(narrow + 150);
      // With the room, the verdict sits beside the form with its reasons open.
      const form = (await box(page, '.cl-form'))!;
      const verdict = (await box(page, '.cl-body > [data-testid="verdict"]'))!;
      expect(verdict.x).toBeGreaterThanOrEqual(form.x + form.width);
      await expect.poll(() => page.locator('.cl-body .verdict-reasons').getAttribute('open')).not.toBeNull();

      await page.reload();
      await page.locator('.cl-item').first().waitFor();
      expect(await page.locator('#registry-toggle').getAttribute('aria-expanded')).toBe('false');
      await page.locator('#registry-toggle').click();
      await page.locator('.dw-side [data-testid="registry-list"]').waitFor();
      // Back beside the list there is no room for the verdict beside the form: it moves below, reasons folded.
      const form2 = (await box(page, '.cl-form'))!;
      const verdict2 = (await box(page, '.cl-body > [data-testid="verdict"]'))!;
      expect(verdict2.y).toBeGreaterThanOrEqual(form2.y + form2.height);
    } finally {
      await context.close();
    }
  });

  it('scrolls the open dwelling into the list beside it, without moving the page', async () => {
    const context = await browser.newContext({ viewport: TABLET });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'inspektor');
      await page.goto(`${server.url}/dwellings`);
      await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
      const far = page.locator('.reg-link').nth(60);
      const address = (await far.locator('.reg-address').textContent())!;
      await far.click();
      await page.locator('h1', { hasText: address }).waitFor();
      const row = page.locator('.dw-side li[aria-current]');
      await row.waitFor();
      await expect.poll(async () => {
        const [r, side] = [await row.boundingBox(), await page.locator('.dw-side').boundingBox()];
        return r !== null && side !== null && r.y >= side.y && r.y + r.height <= side.y + side.height;
      }).toBe(true);
      expect(await row.textContent()).toContain(address);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('on a phone the checklist is one column without the list', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'inspektor');
      await page.goto(`${server.url}${checklistPath}`);
      await page.locator('.cl-item').first().waitFor();
      expect(await page.locator('[data-testid="registry-list"]').count()).toBe(0);
      expect(await page.locator('#registry-toggle').count()).toBe(0);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
    } finally {
      await context.close();
    }
  });

  it('gives a counsellor’s home visit the whole width: no dwelling list, no verdict they cannot see', async () => {
    const context = await browser.newContext({ viewport: TABLET });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'boveileder');
      await page.goto(`${server.url}/households`);
      await page.locator('[data-testid="household-list"] a').first().click();
      await page.getByRole('button', { name: 'Nytt hjemmebesøk' }).click();
      await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
      await page.locator('.cl-item').first().waitFor();
      // The list would follow the page within about a second: give it the time, then look.
      await page.waitForTimeout(1500);
      expect(await page.locator('#registry-toggle').count(), 'no button to fold a list away').toBe(0);
      expect(await page.locator('.dw-side, [data-testid="registry-list"]').count(), 'no dwelling list beside the visit').toBe(0);
      expect(await page.locator('main').textContent()).not.toContain('Ikke vurdert');
      const form = (await box(page, '.cl-screen'))!;
      expect(form.width, 'the visit has the width of the page').toBeGreaterThan(500);
    } finally {
      await context.close();
    }
  });
});

describe('the inspector’s home', () => {
  it('lists what is overdue and never inspected, the person’s drafts and what waits to sync — never "Ingenting haster" then', async () => {
    const context = await browser.newContext({ viewport: TABLET });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'inspektor');
      await page.locator('[data-testid="sync-last"][data-at]').waitFor({ timeout: 60_000 });
      // Sending is held back (the device keeps its changes), so the draft's answer waits to sync.
      await context.route('**/api/sync/push', (route) => route.abort('internetdisconnected'));
      await page.goto(`${server.url}/dwellings`);
      await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
      const link = page.locator('.reg-link').nth(5);
      const address = (await link.locator('.reg-address').textContent())!;
      await link.click();
      await page.getByRole('button', { name: 'Start: Boligbefaring' }).click();
      await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
      await page.locator('.cl-item').first().locator('input[type=radio]:not(:checked)').first().check();
      await expect.poll(() => page.locator('[data-testid="save-status"]').textContent()).toContain('Lagret på enheten');

      await page.goto(`${server.url}/`);
      const now = page.locator('[data-testid="home-attention"]');
      await now.waitFor();
      expect(await page.locator('[data-testid="home-attention-none"]').count()).toBe(0);
      const overdue = (await now.locator('[data-key="inspectionsOverdue"]').textContent())!;
      const neverLine = now.locator('[data-key="neverInspected"]');
      const never = (await neverLine.count()) ? ((await neverLine.textContent()) ?? '') : '';
      expect(overdue).toMatch(/^\d+ boliger? har passert datoen for neste kontroll$/);
      const counted = Number(overdue.match(/^\d+/)![0]) + Number(never.match(/^\d+/)?.[0] ?? 0);
      // The draft just started, by its checklist and address, opening where it was left.
      const drafts = page.locator('[data-testid="home-drafts"]');
      expect(await drafts.textContent()).toContain(`Boligbefaring: ${address}`);
      // What waits to sync, as a list of records.
      const pending = page.locator('[data-testid="pending-record"]', { hasText: `Boligbefaring: ${address}` });
      await pending.waitFor();
      expect(await pending.textContent()).toMatch(/endring(er)? siden/);
      await expectNoAxeViolations(page, 'home with drafts and changes waiting');

      // The overdue line opens the inspection plan filtered to the same dwellings (never inspected ones included there).
      await now.locator('[data-key="inspectionsOverdue"] a').click();
      await page.locator('[data-testid="plan-count"]', { hasText: `${counted} boliger,` }).waitFor();

      // The sync page lists the same record.
      await page.goto(`${server.url}/sync`);
      await page.locator('[data-testid="pending-record"]', { hasText: `Boligbefaring: ${address}` }).waitFor();
      await expectNoAxeViolations(page, 'sync page with changes waiting');

    } finally {
      await context.close();
    }
  });
});
