// Temporary passwords in Chromium against the real server: an administrator sets one on the Brukere screen, the person
// logs in and meets Bytt passord before anything else (no other route, no sync), fixes errors shown next to the fields
// by keyboard, reaches home, and later changes the password again under Innstillinger. axe-core at phone size.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectNoAxeViolations, launchChromium, login, revealNavLink } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
let person: Page;
const syncCalls: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  contexts.push(context);
  return context.newPage();
}

const submitChange = (page: Page) => page.locator('[data-testid="password-form"] button[type="submit"]').click();

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('a temporary password', () => {
  it('is set by an administrator on the Brukere screen', async () => {
    const admin = await newPage();
    await login(admin, server.url, 'admin');
    await admin.goto(`${server.url}/users`);
    await admin.locator('li[data-username="boveileder"] a').click();
    await admin.fill('#user-new-password', 'midlertidig-9');
    await admin.getByRole('button', { name: 'Sett passord' }).click();
    await expect.poll(() => admin.locator('[data-testid="user-password-notice"]').textContent()).toContain('Nytt passord er satt');
  });

  it('brings the person to Bytt passord after log-in, with no other route and no sync', async () => {
    person = await newPage();
    person.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/sync/')) syncCalls.push(r.url());
    });
    await person.goto(server.url);
    await person.locator('#login-username').fill('boveileder');
    await person.locator('#login-password').fill('midlertidig-9');
    await person.locator('form.login-form button[type="submit"]').click();
    const heading = person.getByRole('heading', { level: 1, name: 'Bytt passord' });
    await heading.waitFor();
    expect(await person.locator('nav.app-nav').count()).toBe(0);
    await expect.poll(() => person.evaluate(() => document.activeElement?.textContent)).toBe('Bytt passord');
    expect(await person.title()).toBe('Bytt passord – Egnet');
    await expectNoAxeViolations(person, 'change password screen');

    // A deep link or a reload still shows the same screen.
    await person.goto(`${server.url}/households`);
    await heading.waitFor();
    expect(await person.locator('nav.app-nav').count()).toBe(0);
    expect(syncCalls).toEqual([]);
  });

  it('names what to fix next to each field, by keyboard, and the server’s answer about the current password too', async () => {
    await person.locator('#password-current').focus();
    await person.keyboard.press('Enter');
    await expect.poll(() => person.locator('#password-current-error').textContent()).toBe('Skriv passordet du har nå');
    expect(await person.locator('#password-new-error').textContent()).toBe('Passordet må ha minst 12 tegn');
    expect(await person.locator('#password-repeat-error').textContent()).toBe('Skriv det nye passordet en gang til');
    expect(await person.locator('#password-current').getAttribute('aria-invalid')).toBe('true');
    expect(await person.locator('#password-current').getAttribute('aria-describedby')).toContain('password-current-error');
    expect(await person.evaluate(() => document.activeElement?.id)).toBe('password-current');
    await expectNoAxeViolations(person, 'change password screen with errors');

    await person.keyboard.type('feil-passord');
    await person.keyboard.press('Tab');
    await person.keyboard.type('bergits-eget-passord');
    await person.keyboard.press('Tab');
    await person.keyboard.type('bergits-eget-pasord');
    await person.keyboard.press('Enter');
    await expect.poll(() => person.locator('#password-repeat-error').textContent()).toBe('Passordene er ikke like; skriv det samme to ganger');
    expect(await person.locator('#password-current-error').count()).toBe(0);

    await person.fill('#password-repeat', 'bergits-eget-passord');
    await person.keyboard.press('Enter');
    await expect.poll(() => person.locator('#password-current-error').textContent()).toBe('Passordet du har nå er feil');
    await expect.poll(() => person.evaluate(() => document.activeElement?.id)).toBe('password-current');
    expect(await person.locator('nav.app-nav').count()).toBe(0);
    expect(syncCalls).toEqual([]);
  });

  it('once changed, opens home and syncs; the old password no longer works', async () => {
    await person.fill('#password-current', 'midlertidig-9');
    const pulled = person.waitForResponse((r) => new URL(r.url()).pathname === '/api/sync/pull', { timeout: 30_000 });
    await person.keyboard.press('Enter');
    await person.locator('nav.app-nav').waitFor();
    expect(new URL(person.url()).pathname).toBe('/');
    expect((await pulled).status()).toBe(200);
    const stored = await person.evaluate(() => JSON.parse(localStorage.getItem('egnet.session')!) as { user: { mustChangePassword?: boolean } });
    expect(stored.user.mustChangePassword).toBeUndefined();
    const old = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'boveileder', password: 'midlertidig-9' }),
    });
    expect(old.status).toBe(401);
  });

  it('can be changed again by the person under Innstillinger', async () => {
    await revealNavLink(person, 'Innstillinger');
    await person.getByRole('link', { name: 'Innstillinger' }).click();
    await person.getByRole('heading', { level: 2, name: 'Bytt passord' }).waitFor();
    await person.fill('#password-current', 'bergits-eget-passord');
    await person.fill('#password-new', 'bergits-andre-passord');
    await person.fill('#password-repeat', 'bergits-andre-passord');
    await submitChange(person);
    await expect.poll(() => person.locator('[data-testid="password-done"]').textContent()).toContain('Passordet er byttet');
    expect(await person.inputValue('#password-current')).toBe('');
    await expectNoAxeViolations(person, 'settings with the password form');
    const fresh = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'boveileder', password: 'bergits-andre-passord' }),
    });
    expect(fresh.status).toBe(200);
  });
});
