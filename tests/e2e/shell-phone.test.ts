// The app frame on a 360 px phone in real Chromium against the real server: the bottom bar with "Mer", the one-row
// header in every sync state, and chart labels at reading size.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/entities';
import { DEMO_USERS } from '../../src/core/demo/users';
import { ROUTES, mayOpen } from '../../src/app/routes';
import { startServer, type ServerProcess } from '../support/server-process';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login, revealNavLink } from '../support/browser';
import { createDwelling, editDwelling, untilControlled } from './sync-pages';

/** Measured 56 px in every everyday state (online, offline, changes waiting, a failed sync); a row of slack. */
const HEADER_MAX = 64;
/** A notice that needs attention may add a row; still well under a fifth of a 740 px screen. */
const HEADER_MAX_RARE = 120;

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function phone(username: string, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await login(page, server.url, username);
  return page;
}

function rolesOf(username: string): Role[] {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return [...user.roles];
}

const headerHeight = (page: Page) => page.locator('header.app-header').evaluate((h) => h.getBoundingClientRect().height);
const more = (page: Page) => page.locator('[data-testid="nav-more"]');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** How far the page scrolls sideways, once what the screen was loading is on it (tables come with the data). */
async function pageOverflow(page: Page): Promise<number> {
  await expect.poll(() => page.locator('main [aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('bottom navigation at 360 × 740', () => {
  for (const username of ['admin', 'inspektor', 'boveileder', 'inntak']) {
    it(`fits without sideways scrolling and reaches every screen of ${username} through the bar or "Mer"`, async () => {
      const page = await phone(username);
      const paths = ROUTES.filter((r) => r.nav && mayOpen(r, rolesOf(username))).map((r) => r.path);
      const fit = await page.locator('nav.app-nav > ul').evaluate((ul) => ({ scroll: ul.scrollWidth, client: ul.clientWidth }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);
      expect(fit.client).toBeLessThanOrEqual(PHONE.width);

      const bar = page.locator('nav.app-nav > ul > li:visible');
      const slots = await bar.count();
      expect(slots).toBeLessThanOrEqual(5);
      for (const box of await bar.evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect()))) {
        expect(box.height).toBeGreaterThanOrEqual(48);
        expect(box.width).toBeGreaterThanOrEqual(48);
        expect(box.right).toBeLessThanOrEqual(PHONE.width + 0.5);
      }
      const hasMore = paths.length > 5;
      expect(await more(page).isVisible()).toBe(hasMore);

      for (const path of paths) {
        const inBar = page.locator(`nav.app-nav > ul > li > a[href="${path}"]`);
        if (await inBar.isVisible()) {
          await inBar.click();
        } else {
          await more(page).click();
          expect(await more(page).getAttribute('aria-expanded')).toBe('true');
          const link = page.locator(`#app-nav-more-menu a[href="${path}"]`);
          expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(48);
          await link.click();
        }
        await page.waitForURL(`${server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        expect(await pageOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        // The current page is marked where it sits; under "Mer" the button says so too.
        const current = page.locator(`nav.app-nav a[href="${path}"][aria-current="page"]`);
        expect(await current.count(), path).toBeGreaterThanOrEqual(1);
        if (!(await inBar.isVisible())) {
          expect(await more(page).getAttribute('data-current')).toBe('true');
          expect(await more(page).getAttribute('aria-expanded')).toBe('false');
        }
      }
    });
  }

  it('opens and closes "Mer" from the keyboard, Escape returning focus, with no axe violations while open', async () => {
    const page = await phone('inntak');
    const button = page.getByRole('button', { name: 'Mer' });
    expect(await button.getAttribute('aria-controls')).toBe('app-nav-more-menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#app-nav-more-menu').isVisible()).toBe(false);
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);

    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#app-nav-more-menu').waitFor();
    expect(await page.locator('#app-nav-more-menu').getByRole('list', { name: 'Flere sider' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'home with "Mer" open (phone)');

    // Tab goes into the menu, in its order; Escape closes it and puts focus back on the button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#app-nav-more-menu') !== null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/dwellings');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#app-nav-more-menu').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-more');

    // Space opens it as well; a tap beside the menu closes it without opening what lay beneath.
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.mouse.click(180, 120);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(new URL(page.url()).pathname).toBe('/');

    // A choice from the menu opens the page, closes the menu and marks the link current.
    await button.click();
    await page.locator('#app-nav-more-menu').getByRole('link', { name: 'Innstillinger' }).click();
    await page.locator('[data-testid="app-version"]').waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('data-current')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await button.click();
    expect(await page.locator('#app-nav-more-menu a[aria-current="page"]').textContent()).toBe('Innstillinger');
    await expectNoAxeViolations(page, 'settings with "Mer" open (phone)');
  });

  it('keeps the full side navigation without "Mer" at tablet width, and no screen scrolls sideways beside it', async () => {
    const page = await phone('admin', TABLET);
    expect(await more(page).isVisible()).toBe(false);
    const links = page.locator('nav.app-nav > ul > li:visible > a');
    const paths = ROUTES.filter((r) => r.nav && mayOpen(r, ['admin'])).map((r) => r.path);
    expect(await links.count()).toBe(paths.length);
    for (const path of paths) {
      await page.locator(`nav.app-nav > ul > li > a[href="${path}"]`).click();
      await page.waitForURL(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      expect(await pageOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

describe('header at 360 × 740', () => {
  it('stays one short row online, offline, with changes waiting and after a failed sync; the expired notice adds little', async () => {
    const page = await phone('inspektor');
    await untilControlled(page);
    await page.locator('[data-testid="sync-last"][data-at]').waitFor({ state: 'attached', timeout: 30_000 });
    const heights: Record<string, number> = { online: await headerHeight(page) };

    await page.context().setOffline(true);
    await expect.poll(() => page.locator('[data-testid="online-status"]').textContent()).toContain('Frakoblet');
    expect(await page.locator('[data-testid="online-status"]').isVisible()).toBe(true);
    heights.offline = await headerHeight(page);

    await createDwelling(page, server.url, 'Telefonveien 1');
    await expect.poll(() => page.locator('[data-testid="sync-pending"]').getAttribute('data-count')).toBe('1');
    expect(await page.locator('[data-testid="sync-pending"]').isVisible()).toBe(true);
    heights.pending = await headerHeight(page);

    // "Synkroniser nå" keeps its name as an icon button; offline it fails and says so in the header.
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await page.locator('[data-testid="sync-error"]').waitFor();
    heights.failed = await headerHeight(page);
    for (const [state, h] of Object.entries(heights)) expect(h, state).toBeLessThanOrEqual(HEADER_MAX);

    // The header's short version is complete on the sync page: what waits since when, the last sync, the last error.
    await revealNavLink(page, 'Synkronisering');
    await page.locator('nav.app-nav').getByRole('link', { name: 'Synkronisering' }).click();
    const details = page.locator('[data-testid="sync-status-details"]');
    await details.waitFor();
    expect(await details.locator('dd').nth(0).textContent()).toMatch(/^1 \(eldste fra .+\)$/);
    expect(await details.locator('dd').nth(1).textContent()).not.toBe('Ikke synkronisert ennå');
    expect(await details.textContent()).toContain('Siste feil');
    expect(await details.locator('dd').nth(2).textContent()).toBe(await page.locator('[data-testid="sync-error"] .sync-error-full').textContent());

    await page.context().setOffline(false);
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('egnet.session')!) as { token: string };
      localStorage.setItem('egnet.session', JSON.stringify({ ...s, token: 'revoked' }));
    });
    await page.reload();
    await page.getByRole('button', { name: 'Logg inn på nytt' }).waitFor();
    expect(await headerHeight(page)).toBeLessThanOrEqual(HEADER_MAX_RARE);
    const mainTop = await page.locator('#main').evaluate((m) => m.getBoundingClientRect().top);
    expect(mainTop, 'header and expired notice together').toBeLessThanOrEqual(PHONE.height / 3);
    const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  });
});

describe('charts at 360 × 740', () => {
  it('draws every bar label and total at 12 px or more on screen, within the screen', async () => {
    const page = await phone('inntak');
    await page.goto(`${server.url}/overview`);
    await page.locator('figure.bar-chart', { hasText: 'Utvikling per kvartal' }).waitFor();
    // Found and measured in one step: a redraw between the two would measure detached elements.
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('.bar-chart-svg text')].map((el) => {
        const t = el as SVGTextElement;
        const scale = t.getScreenCTM()!.a;
        const box = t.getBoundingClientRect();
        return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, left: box.left, right: box.right };
      }),
    );
    expect(texts.length).toBeGreaterThan(20);
    for (const t of texts) {
      expect(t.px, t.text ?? '').toBeGreaterThanOrEqual(12);
      expect(t.left, t.text ?? '').toBeGreaterThanOrEqual(0);
      expect(t.right, t.text ?? '').toBeLessThanOrEqual(PHONE.width);
    }
  });
});

describe('long words at 360 × 740', () => {
  it('wrap where people’s text is shown, so a pasted link never widens the page or pushes the bars off', async () => {
    const page = await phone('admin');
    const word = `https://kommune.example/${'a'.repeat(100)}`;
    const id = await createDwelling(page, server.url, `Lang${'o'.repeat(60)}vegen 1`, '93');
    await editDwelling(page, server.url, id, { notes: word });
    for (const path of [`/dwellings/${id}`, '/dwellings']) {
      await page.goto(`${server.url}${path}`);
      await page.getByText(path === '/dwellings' ? /Langooo/ : word).first().waitFor();
      expect([path, await pageOverflow(page)]).toEqual([path, 0]);
      const bar = await page.locator('nav.app-nav').evaluate((n) => n.getBoundingClientRect());
      expect(bar.right, path).toBeLessThanOrEqual(PHONE.width);
      expect(await page.locator('header.app-header').isVisible()).toBe(true);
    }
  });
});
