// The Brukere screen in Chromium against the real server: an administrator finds people, creates a counsellor with a
// unit (errors next to the fields first), is told "Krever nett" offline with the form kept, sets a temporary password,
// disables and enables with a confirmation; the counsellor then logs in (choosing her own password) and holds the unit.
// axe-core at phone size.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectNoAxeViolations, launchChromium, login, loginWithTemporaryPassword } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
let userId = '';

const submit = (page: Page) => page.locator('form.us-form button[type=submit]').click();

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: PHONE });
  admin = await adminContext.newPage();
  await login(admin, server.url, 'admin');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an administrator on the Brukere screen', () => {
  it('lists every person with roles and units, and the search narrows the list', async () => {
    await admin.goto(`${server.url}/users`);
    const list = admin.locator('[data-testid="user-list"]');
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(4);
    const intake = list.locator('li[data-username="inntak"]');
    expect(await intake.textContent()).toContain('Inntaksteam');
    // Unit names come with the municipality's settings, which reach a freshly logged-in device with its first sync.
    await expect.poll(() => intake.textContent(), { timeout: 15_000 }).toContain('NAV');
    await expectNoAxeViolations(admin, 'users list');
    await admin.fill('#users-search', 'ingrid');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    expect(await admin.locator('.us-count').textContent()).toBe('1 av 4 brukere');
  });

  it('creates a counsellor: empty fields are named next to each field, then the account is saved with its unit', async () => {
    await admin.getByRole('link', { name: 'Ny bruker' }).click();
    await admin.locator('#user-username').waitFor();
    await submit(admin);
    const summary = admin.locator('[data-testid="error-summary"]');
    await expect.poll(() => summary.textContent()).toContain('Velg minst én rolle');
    expect(await admin.locator('#user-name-error').textContent()).toBe('Skriv navnet');
    expect(await admin.locator('#user-password-error').textContent()).toBe('Passordet må ha minst 12 tegn');
    expect(await admin.locator('#user-name').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(admin, 'user form with errors');
    // The summary link moves focus to the field.
    await summary.getByRole('link', { name: /Roller/ }).click();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('user-roles');

    // A taken username comes back from the server next to the username.
    await admin.fill('#user-username', 'Inntak');
    await admin.fill('#user-name', 'Kari Karlsen');
    await admin.getByRole('checkbox', { name: 'Boveileder', exact: true }).check();
    await admin.getByRole('checkbox', { name: 'Flyktningeenheten', exact: true }).check();
    await admin.fill('#user-password', 'midlertidig-1');
    await submit(admin);
    await expect.poll(() => admin.locator('#user-username-error').textContent()).toBe('Brukernavnet er tatt; velg et annet');

    await admin.fill('#user-username', 'kari');
    await submit(admin);
    await admin.waitForURL(/\/users\/[0-9a-f-]{36}\?created=1$/);
    userId = new URL(admin.url()).pathname.split('/').at(-1)!;
    await expect.poll(() => admin.locator('[data-testid="user-form-notice"]').textContent()).toContain('Brukeren er opprettet');
    expect(await admin.locator('[data-testid="user-username"]').textContent()).toBe('kari');
    expect(await admin.getByRole('checkbox', { name: 'Flyktningeenheten', exact: true }).isChecked()).toBe(true);
    await admin.locator('[data-testid="user-log"]').waitFor();
    await expectNoAxeViolations(admin, 'user edit page');
  });

  it('offline says "Krever nett" and keeps the form; online again the change is saved', async () => {
    await adminContext.setOffline(true);
    await admin.locator('[data-testid="users-offline"]').waitFor();
    await admin.fill('#user-name', 'Kari K. Karlsen');
    await admin.getByRole('checkbox', { name: 'NAV', exact: true }).check();
    await submit(admin);
    await expect.poll(() => admin.locator('[data-testid="user-form-notice"]').textContent()).toContain('Krever nett');
    expect(await admin.inputValue('#user-name')).toBe('Kari K. Karlsen');
    expect(await admin.getByRole('checkbox', { name: 'NAV', exact: true }).isChecked()).toBe(true);
    await adminContext.setOffline(false);
    await admin.locator('[data-testid="users-offline"]').waitFor({ state: 'detached' });
    await submit(admin);
    await expect.poll(() => admin.locator('[data-testid="user-form-notice"]').textContent()).toContain('Endringene er lagret');
    expect(await admin.locator('#user-form-title').textContent()).toBe('Bruker: Kari K. Karlsen');
    await expect.poll(() => admin.locator('[data-testid="user-log"] tbody tr').count()).toBe(2);
    expect(await admin.locator('[data-testid="user-log"] tbody tr').first().textContent()).toContain('Enheter: Flyktningeenheten → NAV, Flyktningeenheten');

    // The list opened offline says so, and fills in by itself when the connection is back.
    await adminContext.setOffline(true);
    await admin.getByRole('link', { name: /Tilbake til brukerne/ }).click();
    await admin.locator('[data-testid="users-offline"]').waitFor();
    expect(await admin.locator('[data-testid="user-list"]').count()).toBe(0);
    await adminContext.setOffline(false);
    await admin.locator('[data-testid="user-list"] li[data-username="kari"]').waitFor();
    await admin.locator('li[data-username="kari"] a').click();
    await admin.locator('#user-new-password').waitFor();
  });

  it('sets a temporary password, refusing a short one next to the field', async () => {
    await admin.fill('#user-new-password', 'kort');
    await admin.getByRole('button', { name: 'Sett passord' }).click();
    await expect.poll(() => admin.locator('#user-new-password-error').textContent()).toBe('Passordet må ha minst 12 tegn');
    await admin.fill('#user-new-password', 'nytt-passord-2');
    await admin.getByRole('button', { name: 'Sett passord' }).click();
    await expect.poll(() => admin.locator('[data-testid="user-password-notice"]').textContent()).toContain('Nytt passord er satt');
    expect(await admin.inputValue('#user-new-password')).toBe('');
  });

  it('disables and enables after a confirmation; Escape cancels and returns focus to the button', async () => {
    const disable = admin.getByRole('button', { name: 'Deaktiver bruker' });
    await disable.click();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Ja, deaktiver');
    await expectNoAxeViolations(admin, 'disable confirmation');
    await admin.keyboard.press('Escape');
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Deaktiver bruker');

    await disable.click();
    await admin.getByRole('button', { name: 'Ja, deaktiver' }).click();
    await expect.poll(() => admin.locator('[data-testid="user-status"]').textContent()).toContain('deaktivert og kan ikke logge inn');
    const refused = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'kari', password: 'nytt-passord-2' }),
    });
    expect(refused.status).toBe(401);
    await admin.getByRole('button', { name: 'Aktiver bruker' }).click();
    await admin.getByRole('button', { name: 'Ja, aktiver' }).click();
    await expect.poll(() => admin.locator('[data-testid="user-status"]').textContent()).toContain('aktiv og kan logge inn');
  });

  it('the new counsellor logs in with the temporary password, chooses her own, and holds the units given', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      await loginWithTemporaryPassword(page, server.url, 'kari', 'nytt-passord-2', 'karis-eget-passord');
      expect(await page.locator('nav.app-nav a[href="/households"]').count()).toBe(1);
      expect(await page.locator('nav.app-nav a[href="/users"]').count()).toBe(0);
      const units = await page.evaluate(async (id) => {
        const token = (JSON.parse(localStorage.getItem('egnet.session')!) as { token: string }).token;
        const res = await fetch(`/api/users/${id}/units`, { headers: { Authorization: `Bearer ${token}` } });
        return ((await res.json()) as { units: string[] }).units;
      }, userId);
      expect(units.sort()).toEqual(['nav', 'refugeeUnit']);
    } finally {
      await context.close();
    }
  });
});
