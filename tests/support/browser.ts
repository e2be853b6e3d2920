/** Browser-test helpers: Chromium from Debian driven by playwright-core, device sizes, log-in, and the axe-core audit. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The flags Chromium needs here: no sandbox as root, and no traffic to outside hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone in portrait. */
export const PHONE = { width: 360, height: 740 };
/** A tablet in portrait. */
export const TABLET = { width: 820, height: 1180 };

/** Starts headless Chromium (CHROMIUM_PATH or /usr/bin/chromium). Close it in afterAll. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Opens the app, logs in through the form, and waits for the signed-in shell. */
export async function login(page: Page, baseUrl: string, username: string, password = 'demo'): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('form.login-form button[type="submit"]').click();
  await page.locator('nav.app-nav').waitFor();
}

/**
 * Logs in with a temporary password from an administrator: the Bytt passord screen comes first; chooses `chosen` there
 * and waits for the signed-in app.
 */
export async function loginWithTemporaryPassword(page: Page, baseUrl: string, username: string, temporary: string, chosen: string): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(temporary);
  await page.locator('form.login-form button[type="submit"]').click();
  await page.locator('#password-current').fill(temporary);
  await page.locator('#password-new').fill(chosen);
  await page.locator('#password-repeat').fill(chosen);
  await page.locator('[data-testid="password-form"] button[type="submit"]').click();
  await page.locator('nav.app-nav').waitFor();
}

/**
 * On a phone, opens the navigation's "Mer" menu when the screen called `name` sits there (not in the bottom bar), so
 * the link can then be clicked by its name; elsewhere it does nothing.
 */
export async function revealNavLink(page: Page, name: string): Promise<void> {
  const more = page.locator('[data-testid="nav-more"]');
  if (!(await more.isVisible())) return;
  if ((await page.locator('#app-nav-more-menu a', { hasText: name }).count()) === 0) return;
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
}

/** Fails with a readable list when axe-core finds any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (result.violations.length === 0) return;
  const lines = result.violations.map(
    (v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  throw new Error(`axe-core: ${result.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
}
