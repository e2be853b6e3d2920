// A municipality sets Egnet up for itself, in Chromium against the real server with EGNET_DEMO=0: an administrator
// (made with `npm run user:add`) fills in Innstillinger for kommunen — name, number, 4 areas, 3 units — after being told
// what is missing; an inspector's device then offers exactly those areas in the dwelling form with the network cut.
// axe-core on the new screen at tablet and phone size, and on the accessibility statement it links to.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { firstSync, serverRecord, syncNow, untilControlled } from './sync-pages';
import { SETTINGS_ID } from '../../src/core/schemas/settings';

const PASSWORD = 'kommune-oppsett-2026';
const AREAS = ['Sentrum', 'Nordbyen', 'Østmarka', 'Vestli'];
const UNITS = ['NAV', 'Bygg og eiendom', 'Flyktningeenheten'];

let server: ServerProcess;
let browser: Browser;

/** `npm run user:add` against the data folder, the password on stdin. */
function userAdd(dataDir: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/userAdd.ts', ...args], {
      env: { ...process.env, EGNET_DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user:add ${args.join(' ')}: ${out}`))));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'egnet-municipality-'));
  await Promise.all([userAdd(dataDir, ['sjef', 'admin', '--name', 'Siri Sjef']), userAdd(dataDir, ['ivar', 'inspector', '--name', 'Ivar Inspektør'])]);
  server = await startServer({ demo: false, dataDir });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('setting up a municipality', () => {
  it('an administrator sets up name, number, 4 areas and 3 units; an inspector offline gets the areas', async () => {
    const adminContext = await browser.newContext({ viewport: TABLET });
    const admin = await adminContext.newPage();
    await login(admin, server.url, 'sjef', PASSWORD);
    await firstSync(admin);
    await admin.goto(`${server.url}/settings`);
    await admin.getByRole('link', { name: 'Innstillinger for kommunen' }).click();
    await admin.getByText('Kommunen er ikke satt opp ennå').waitFor();

    // Saving the empty form names what is missing, next to each field and in the summary.
    await admin.getByRole('button', { name: 'Lagre innstillingene' }).click();
    const summary = admin.locator('[data-testid="error-summary"]');
    await expect.poll(() => summary.textContent()).toContain('Kommunens navn: Må fylles ut');
    expect(await summary.textContent()).toContain('Legg inn minst ett område');
    expect(await admin.locator('#mun-number').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(admin, 'municipality settings with errors (tablet)');

    await admin.fill('#mun-name', 'Eksempel');
    await admin.fill('#mun-number', '9999');
    for (const [i, name] of AREAS.entries()) {
      await admin.getByRole('button', { name: 'Legg til område' }).click();
      // The new row's name field has focus, so typing goes straight into it.
      await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe(`area-${i}-name`);
      await admin.keyboard.type(name);
    }
    await admin.fill('#area-1-extra', 'N1');
    for (const [i, name] of UNITS.entries()) {
      await admin.getByRole('button', { name: 'Legg til enhet' }).click();
      await admin.fill(`#unit-${i}-name`, name);
    }
    await admin.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await admin.getByText('Lagret. Alle enheter får endringene ved neste synkronisering.').waitFor();
    await admin.setViewportSize(PHONE);
    await expectNoAxeViolations(admin, 'municipality settings (phone)');
    await syncNow(admin);

    const stored = serverRecord(server, 'settings', SETTINGS_ID);
    expect(stored?.data).toMatchObject({
      municipality: { name: 'Eksempel', number: '9999' },
      units: [{ id: 'nav', name: 'NAV' }, { id: 'bygg-og-eiendom', name: 'Bygg og eiendom' }, { id: 'flyktningeenheten', name: 'Flyktningeenheten' }],
    });
    const areas = (stored!.data as { areas: { id: string; name: string; code?: string }[] }).areas;
    expect(areas.map((a) => a.name)).toEqual(AREAS);
    expect(areas[1]!.code).toBe('N1');
    for (const a of areas) expect(a.id).toMatch(/^area-[0-9a-f]{8}$/);

    // The statement the settings link to opens and passes axe too.
    await admin.goto(`${server.url}/settings`);
    await admin.getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
    await admin.getByRole('heading', { name: 'Tilgjengelighetserklæring for Egnet' }).waitFor();
    await expectNoAxeViolations(admin, 'accessibility statement (phone)');
    await adminContext.close();

    const inspectorContext = await browser.newContext({ viewport: PHONE });
    const inspector = await inspectorContext.newPage();
    await login(inspector, server.url, 'ivar', PASSWORD);
    await firstSync(inspector);
    await untilControlled(inspector);
    await inspectorContext.setOffline(true);
    await inspector.goto(`${server.url}/dwellings/new`).catch(() => undefined);
    // Offline the service worker serves the app; the areas come from the device's copy of the settings.
    const options = inspector.locator('#dwelling-area option');
    await expect.poll(() => options.allTextContents(), { timeout: 20_000 }).toEqual(['–', ...AREAS]);
    expect(await inspector.locator('#dwelling-area option', { hasText: 'Nordbyen' }).getAttribute('value')).toBe(areas[1]!.id);
    await inspectorContext.close();
  }, 120_000);
});
