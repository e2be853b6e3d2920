// The inspection plan in Chromium against the real server: an administrator, offline, plans three inspections for the
// inspector and moves one to another day; online they sync; the inspector's device, offline, shows them in Mine
// befaringer and on the home screen, and the property unit's figures on the overview. Axe finds nothing on the new
// screens at phone and tablet size.
// EGNET_SCREENSHOTS=1 also writes Mine befaringer's screenshots in docs/screenshots/.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/planning/dates';
import { norwegianDate } from '../../src/core/privacy/consentState';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login, revealNavLink } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { firstSync, serverRecord, syncNow, untilControlled } from './sync-pages';

const SHOTS = process.env.EGNET_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Follows a menu link in the app (client-side routing, so it works offline). */
async function go(page: Page, name: string): Promise<void> {
  await revealNavLink(page, name);
  await page.getByRole('link', { name, exact: true }).first().click();
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  const later = page.locator('.update-prompt button', { hasText: 'Senere' });
  if (await later.isVisible()) await later.click();
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

describe('inspection plan', () => {
  it('plans three inspections offline for the inspector, who sees them after sync in Mine befaringer', async () => {
    const today = norwegianDate(new Date());
    const later = addDays(today, 21);
    const admin = await (await browser.newContext({ viewport: TABLET })).newPage();
    await login(admin, server.url, 'admin');
    await firstSync(admin);
    await untilControlled(admin);
    // Online once on the plan, so the device keeps the inspectors to choose from.
    await go(admin, 'Mine befaringer');
    await admin.getByRole('link', { name: 'Planlegg befaringer' }).click();
    await admin.locator('#plan-inspector option', { hasText: 'Ivar Inspektør' }).waitFor({ state: 'attached' });

    await admin.context().setOffline(true);
    await admin.selectOption('#plan-area', 'Gimse');
    const candidates = admin.locator('[data-testid="plan-candidate"]');
    await candidates.first().waitFor();
    const addresses: string[] = [];
    for (let i = 0; i < 3; i++) {
      await candidates.nth(i).locator('input[type=checkbox]').check();
      addresses.push((await candidates.nth(i).locator('.pl-main > span').first().textContent())!);
    }
    await expect.poll(() => admin.locator('[data-testid="plan-count"]').textContent()).toContain('3 valgt');
    // What is missing is said before anything is saved.
    await admin.locator('[data-testid="plan-submit"]').click();
    await admin.locator('#plan-inspector-error', { hasText: 'Velg en inspektør' }).waitFor();
    await admin.selectOption('#plan-inspector', { label: 'Ivar Inspektør' });
    await admin.fill('#plan-day', today);
    await admin.fill('#plan-note', 'Nøkkel hos vaktmester');
    await expectNoAxeViolations(admin, 'plan, tablet');
    await admin.locator('[data-testid="plan-submit"]').click();
    await admin.locator('[data-testid="plan-status"]', { hasText: '3 befaringer er planlagt for Ivar Inspektør.' }).waitFor();
    const open = admin.locator('[data-testid="plan-open"] [data-testid="plan-row"]');
    await expect.poll(() => open.count()).toBe(3);

    // Rescheduling is an ordinary edit: the first is moved three weeks on.
    const moved = open.filter({ hasText: addresses[0]! });
    await moved.getByRole('button', { name: `Endre befaringen av ${addresses[0]}` }).click();
    await moved.locator('input[type=date]').fill(later);
    await moved.getByRole('button', { name: 'Lagre' }).click();
    await moved.locator('[role=status]', { hasText: 'Lagret' }).waitFor();
    await admin.setViewportSize(PHONE);
    await expectNoAxeViolations(admin, 'plan, phone');

    await admin.context().setOffline(false);
    await syncNow(admin);
    const movedId = (await moved.getAttribute('data-id'))!;
    expect(serverRecord(server, 'scheduledInspection', movedId)?.data).toMatchObject({ date: later, byWeek: false, status: 'planned' });
    await admin.context().close();

    // The inspector's phone: one sync, then offline.
    const inspector = await (await browser.newContext({ viewport: PHONE })).newPage();
    await login(inspector, server.url, 'inspektor');
    await firstSync(inspector);
    await untilControlled(inspector);
    await inspector.context().setOffline(true);
    const home = inspector.locator('[data-testid="home-mine"]');
    await home.waitFor();
    expect(await home.textContent()).toContain('0 forfalt, 2 denne uken, 1 senere, 0 fullført denne uken');
    await inspector.locator('[data-testid="home-attention"] [data-key="myDue"]', { hasText: '2 befaringer skal gjøres denne uken' }).waitFor();
    expect(await inspector.locator('[data-testid="home-attention-none"]').count()).toBe(0);
    await expectNoAxeViolations(inspector, 'home with Mine befaringer, phone');

    await go(inspector, 'Mine befaringer');
    const due = inspector.locator('[data-testid="mine-due"] [data-testid="plan-row"]');
    await expect.poll(() => due.count()).toBe(2);
    const laterRows = inspector.locator('[data-testid="mine-assigned"] [data-testid="plan-row"]');
    expect(await laterRows.count()).toBe(1);
    expect(await laterRows.textContent()).toContain(addresses[0]);
    for (const a of addresses.slice(1)) expect(await inspector.locator('[data-testid="mine-due"]').textContent()).toContain(a);
    expect(await inspector.locator('[data-testid="mine-due"]').textContent()).toContain('Nøkkel hos vaktmester');
    await expectNoAxeViolations(inspector, 'Mine befaringer, phone');
    await shot(inspector, 'my-inspections-phone');
    await inspector.setViewportSize(TABLET);
    await expectNoAxeViolations(inspector, 'Mine befaringer, tablet');
    await shot(inspector, 'my-inspections-tablet');

    // The property unit's figures on the overview, from the same device, still offline.
    await go(inspector, 'Oversikt');
    const figures = inspector.locator('[data-testid="property-figures"]');
    await figures.waitFor({ timeout: 30_000 });
    expect(Number(await figures.locator('[data-testid="property-overdue"]').textContent())).toBeGreaterThan(0);
    await expectNoAxeViolations(inspector, 'overview with the property figures, tablet');
    await inspector.context().close();
  }, 180_000);
});
