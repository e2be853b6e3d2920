// The app shell in real Chromium against the real server process: install criteria, log-in, offline, language, update.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forward } from '../support/forward';
import { startServer, type ServerProcess } from '../support/server-process';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login, revealNavLink } from '../support/browser';

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  return context.newPage();
}

/** Waits until a service worker controls the page (the first install claims it without a reload). */
async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A pass-through proxy in front of the server that can append bytes to /sw.js: to the browser that is a new deploy.
 * Needed because Chromium fetches the service worker script outside what page.route can intercept.
 */
async function startDeployProxy(target: string): Promise<{ url: string; nextVersion: () => void; close: () => Promise<void> }> {
  let suffix = '';
  const proxy: Server = createServer((req, res) => {
    void (async () => {
      const upstream = await forward(req, target);
      let payload = Buffer.from(await upstream.arrayBuffer());
      if (req.url?.split('?')[0] === '/sw.js' && suffix) payload = Buffer.concat([payload, Buffer.from(suffix)]);
      const out: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
      });
      res.writeHead(upstream.status, out).end(payload);
    })().catch((err: unknown) => res.writeHead(502).end(String(err)));
  });
  await new Promise<void>((ok) => proxy.listen(0, ok));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    nextVersion: () => {
      suffix += `\n// deploy ${Date.now()}\n`;
    },
    close: () =>
      new Promise<void>((ok) => {
        proxy.closeAllConnections();
        proxy.close(() => ok());
      }),
  };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('install criteria', () => {
  it('serves a manifest named Egnet with real 192, 512 and maskable PNG icons', async () => {
    const page = await newPage();
    await page.goto(server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const res = await fetch(new URL(href!, server.url));
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as {
      name: string;
      short_name: string;
      lang: string;
      display: string;
      start_url: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Egnet', short_name: 'Egnet', lang: 'nb', display: 'standalone', start_url: '/' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`).sort();
    expect(sizes).toEqual(['192x192:any', '512x512:any', '512x512:maskable']);
    for (const icon of manifest.icons) {
      const r = await fetch(new URL(icon.src, server.url));
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get('content-type')).toContain('image/png');
      const bytes = Buffer.from(await r.arrayBuffer());
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(bytes), icon.src).toEqual({ width: w, height: h });
      expect(bytes.length, `${icon.src} has real pixels`).toBeGreaterThan(1000);
    }
    const touch = await fetch(new URL('/apple-touch-icon.png', server.url));
    expect(pngSize(Buffer.from(await touch.arrayBuffer()))).toEqual({ width: 180, height: 180 });
  });

  it('has a service worker controlling the page after the first visit', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await untilControlled(page);
    const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(scriptURL).toBe(`${server.url}/sw.js`);
  });
});

describe('log-in', () => {
  it('says so next to the form when the password is wrong, and logs in with the right one', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.locator('#login-username').fill('inspektor');
    await page.locator('#login-password').fill('feil');
    await page.locator('form.login-form button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="login-error"]').textContent()).toContain('Feil brukernavn eller passord');
    expect(await page.locator('nav.app-nav').count()).toBe(0);

    await page.locator('#login-password').fill('demo');
    await page.locator('form.login-form button[type="submit"]').click();
    await page.locator('nav.app-nav').waitFor();
    expect(await page.locator('h1').textContent()).toContain('Ivar Inspektør');
    expect(await page.locator('[data-testid="home-roles"]').textContent()).toContain('Inspektør');
    expect(await page.locator('[data-testid="online-status"]').textContent()).toContain('Tilkoblet');
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('egnet.session') ?? 'null') as unknown);
    expect(session).toMatchObject({ user: { username: 'inspektor', roles: ['inspector'] } });
  });

  it('points out empty fields without calling the server', async () => {
    const page = await newPage();
    await page.goto(server.url);
    let calls = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/session')) calls++;
    });
    await page.locator('form.login-form button[type="submit"]').click();
    expect(await page.locator('#login-username-error').textContent()).toContain('Skriv inn brukernavnet');
    expect(await page.locator('#login-username').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-username');
    expect(calls).toBe(0);
  });

  it('tells how long to wait after too many failed attempts (429)', async () => {
    // Throttling is per username, known or not; a name of its own keeps the other tests' accounts open.
    const username = 'ukjent-bruker';
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: `wrong-${i}` }),
      });
      expect(r.status).toBe(401);
    }
    const page = await newPage();
    await page.goto(server.url);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill('demo');
    await page.locator('form.login-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('[data-testid="login-error"]').textContent())
      .toMatch(/For mange forsøk — prøv igjen om 1[45] minutter/);
  });

  it('says the first log-in needs a connection when offline', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await untilControlled(page);
    await page.context().setOffline(true);
    await page.reload();
    await page.locator('#login-username').fill('inspektor');
    await page.locator('#login-password').fill('demo');
    await page.locator('form.login-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('[data-testid="login-error"]').textContent())
      .toContain('Første innlogging krever nettforbindelse');
  });
});

describe('offline after log-in', () => {
  it('reloads into the home screen with the network cut and the server stopped', async () => {
    const page = await newPage();
    await login(page, server.url, 'inspektor');
    await untilControlled(page);
    await page.context().setOffline(true);
    await server.stop();
    try {
      await page.reload();
      await page.locator('nav.app-nav').waitFor();
      expect(await page.locator('h1').textContent()).toContain('Ivar Inspektør');
      expect(await page.locator('[data-testid="online-status"]').textContent()).toContain('Frakoblet');
      expect(await page.locator('[data-testid="home-connection"]').textContent()).toContain('Frakoblet');
      // A deep link opens offline too, and a lazily loaded screen comes from the precache.
      await page.goto(`${server.url}/settings`);
      expect(await page.locator('[data-testid="app-version"]').textContent()).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await server.restart();
    }
  });
});

describe('screens loaded ahead', () => {
  it('loads the code of the screens the person may open while idle, before the first tap, and none they may not', async () => {
    const page = await newPage();
    await page.addInitScript(() => performance.setResourceTimingBufferSize(5_000));
    await login(page, server.url, 'inspektor');
    await untilControlled(page);
    // The inspector never opened Mine befaringer or a checklist; their code arrives by itself once the home screen is drawn.
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()!.split('-')[0]!));
    await expect.poll(loaded, { timeout: 20_000 }).toEqual(expect.arrayContaining(['MyInspectionsScreen', 'InspectionScreen', 'DwellingScreen']));
    // Screens only the counsellors and the intake team may open are not fetched for an inspector.
    expect(await loaded()).not.toContain('HouseholdsScreen');
    expect(await loaded()).not.toContain('AllocationsScreen');
  });
});

describe('navigation, language and log-out', () => {
  it('moves focus to the new screen heading and switches language with <html lang>, remembered', async () => {
    const page = await newPage();
    await login(page, server.url, 'admin');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await revealNavLink(page, 'Innstillinger');
    await page.locator('nav.app-nav').getByRole('link', { name: 'Innstillinger', exact: true }).click();
    await page.locator('[data-testid="app-version"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // On a phone the page sits under "Mer": the menu closed behind the choice, and its link is the current one.
    expect(await page.locator('[data-testid="nav-more"]').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#app-nav-more-menu a[aria-current="page"]').textContent()).toBe('Innstillinger');

    await page.locator('#language-en').check();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Settings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('nav.app-nav a[href="/"]').textContent()).toBe('Home');
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Settings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.locator('#language-nb').check();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Innstillinger');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
  });

  it('shows the storage answer and usage, and logs out (the server forgets the token)', async () => {
    const page = await newPage();
    await login(page, server.url, 'inntak');
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('egnet.session')!) as { token: string }).token);
    await page.goto(`${server.url}/settings`);
    await expect
      .poll(() => page.locator('[data-testid="storage-persistence"]').getAttribute('data-state'))
      .toMatch(/^(granted|denied)$/);
    expect(await page.locator('[data-testid="storage-usage"]').textContent()).toMatch(/\d.* av \d/);

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.locator('#login-username').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('egnet.session'))).toBeNull();
    const after = await fetch(`${server.url}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('asks to log in again, as the same person, when the server refuses the stored session', async () => {
    const page = await newPage();
    await login(page, server.url, 'inspektor');
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('egnet.session')!) as { token: string };
      localStorage.setItem('egnet.session', JSON.stringify({ ...s, token: 'revoked' }));
    });
    await page.reload();
    const notice = page.getByRole('button', { name: 'Logg inn på nytt' });
    await notice.waitFor();
    expect(await page.locator('h1').textContent()).toContain('Ivar Inspektør');
    await notice.click();
    expect(await page.locator('#login-username').inputValue()).toBe('inspektor');
    expect(await page.locator('#login-username').getAttribute('readonly')).not.toBeNull();
    await page.locator('#login-password').fill('demo');
    await page.locator('form.login-form button[type="submit"]').click();
    await page.locator('nav.app-nav').waitFor();
    expect(await page.getByRole('button', { name: 'Logg inn på nytt' }).count()).toBe(0);
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('egnet.session')!) as { token: string; expired?: boolean });
    expect(session.token).not.toBe('revoked');
    expect(session.expired).toBeUndefined();
  });
});

describe('update prompt', () => {
  it('appears when a new service worker waits, never reloads by itself, and reloads on "Oppdater"', async () => {
    const proxy = await startDeployProxy(server.url);
    try {
      const page = await newPage();
      await page.goto(proxy.url);
      await untilControlled(page);
      const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
      expect(firstWorker).toBe(`${proxy.url}/sw.js`);
      await page.evaluate(() => {
        (window as unknown as { unreloaded: boolean }).unreloaded = true;
      });

      proxy.nextVersion();
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const prompt = page.locator('[data-testid="update-prompt"]');
      await prompt.waitFor({ timeout: 30_000 });
      expect(await prompt.textContent()).toContain('Ny versjon er klar');
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);

      // Left alone, the page stays as it is: same document, old worker in control.
      await page.waitForTimeout(3000);
      expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);

      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.getByRole('button', { name: 'Oppdater' }).click()]);
      expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBeUndefined();
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(false);
      expect(await page.locator('[data-testid="update-prompt"]').count()).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['tablet', TABLET],
  ] as const) {
    it(`has no violations on log-in, home and settings at ${name} size`, async () => {
      const page = await newPage(viewport);
      await page.goto(server.url);
      await page.locator('#login-username').waitFor();
      await expectNoAxeViolations(page, `log-in (${name})`);
      await page.locator('form.login-form button[type="submit"]').click();
      await page.locator('#login-username-error').waitFor();
      await expectNoAxeViolations(page, `log-in with errors (${name})`);

      await login(page, server.url, 'boveileder');
      await expectNoAxeViolations(page, `home (${name})`);
      await revealNavLink(page, 'Innstillinger');
      await page.locator('nav.app-nav').getByRole('link', { name: 'Innstillinger', exact: true }).click();
      await page.locator('[data-testid="app-version"]').waitFor();
      await expectNoAxeViolations(page, `settings (${name})`);
    });
  }
});
