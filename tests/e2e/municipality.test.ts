// A municipality sets Egnet up for itself, in Chromium against the real server with EGNET_DEMO=0: an administrator
// (made with `npm run user:add`) fills in Innstillinger for kommunen — name, number, 4 areas, 3 units — after being told
// what is missing; an inspector's device then offers exactly those areas in the dwelling form with the network cut.
// axe-core on the new screen at tablet and phone size, and on the accessibility statement it links to. Then the same
// administrator imports a registry file, sees the two wrong rows with their errors beside them, imports the corrected
// file (saved as .xlsx) and a file of places; an inspector's device has the dwellings offline and the neighbourhood
// checklist proposes the distance to the nearest bus stop.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { firstSync, serverRecord, syncNow, untilControlled } from './sync-pages';
import { SETTINGS_ID } from '../../src/core/schemas/settings';
import { xlsxBytes } from '../support/xlsx';

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
    // The rule set in force: rule set 2 unless chosen, and the field says what the choice does.
    const ruleSet = admin.locator('#mun-ruleset');
    expect(await ruleSet.locator('option:checked').textContent()).toBe('Regelsett 2 (rom for rom)');
    expect(await admin.locator('#mun-ruleset-hint').textContent()).toContain('Regelsettet avgjør om hver bolig er egnet for barnefamilier');
    await ruleSet.selectOption({ label: 'Regelsett 1 (godkjente soverom telles samlet)' });
    await admin.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await admin.getByText('Lagret. Alle enheter får endringene ved neste synkronisering.').waitFor();
    await admin.setViewportSize(PHONE);
    await expectNoAxeViolations(admin, 'municipality settings (phone)');
    await syncNow(admin);

    const stored = serverRecord(server, 'settings', SETTINGS_ID);
    expect(stored?.data).toMatchObject({
      municipality: { name: 'Eksempel', number: '9999' },
      ruleSet: { id: 'suitability', version: 1 },
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

  it('the administrator imports the registry and places; an inspector offline gets the dwellings and proposed distances', async () => {
    const HEADER = ['Adresse', 'Bruksenhetsnummer', 'Postnummer', 'Område', 'Gnr', 'Bnr', 'Boligtype', 'Etasje', 'Heis', 'BRA (m²)', 'Rom', 'Godkjente soverom', 'Leieforhold', 'Ledig', 'Nord', 'Øst'];
    const row = (address: string, unit: string, postcode: string, area: string, rooms: string, north: string) =>
      [address, unit, postcode, area, '12', '3', 'Leilighet i blokk', '1', 'Nei', '60', rooms, '2', 'Løpende', 'Nei', north, '10,2801'];
    const rows = [
      row('Åsvegen 1', 'H0101', '7224', 'Sentrum', '3', '63,2900'),
      row('Øvre Nordbyveg 2', 'H0101', '72A4', 'Nordbyen', '3', '63,2950'),
      row('Lærkevegen 3', 'H0102', '7224', 'Østmarka', '3', '63,3000'),
      row('Vestliveien 4', 'H0101', '7224', 'Vestli', 'tre', '63,3050'),
    ];
    const csv = [HEADER, ...rows].map((r) => r.join(';')).join('\n');

    const adminContext = await browser.newContext({ viewport: TABLET });
    const admin = await adminContext.newPage();
    await login(admin, server.url, 'sjef', PASSWORD);
    await firstSync(admin);
    await admin.goto(`${server.url}/import`);
    await admin.setInputFiles('#import-file', { name: 'boliger.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const counts = admin.locator('[data-testid="import-counts"]');
    await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toBe('2 rader kan importeres, 2 har feil, 0 finnes fra før.');
    // Each error stands in the row of its file line, naming the column and what to write.
    const line3 = await admin.locator('[data-testid="import-errors"] tr[data-line="3"]').allTextContents();
    expect(line3.join(' ')).toMatch(/Postnummer.*72A4.*fire sifre/);
    const line5 = await admin.locator('[data-testid="import-errors"] tr[data-line="5"]').allTextContents();
    expect(line5.join(' ')).toMatch(/Rom.*«tre»/);

    // The corrected file, saved from Excel.
    rows[1]![2] = '7224';
    rows[3]![10] = '3';
    const fixed = xlsxBytes([HEADER, ...rows]);
    await admin.setInputFiles('#import-file', { name: 'boliger.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(fixed) });
    await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toBe('4 rader kan importeres, 0 har feil, 0 finnes fra før.');
    await admin.getByRole('button', { name: 'Importer 4 boliger' }).click();
    await admin.getByText('4 boliger er importert.').waitFor({ timeout: 30_000 });

    await admin.goto(`${server.url}/import/places`);
    const places = 'navn;type;lat;lon\nSentrum stasjon;Bussholdeplass;63.2930;10.2801\nFjerntorget;Bussholdeplass;63.4000;10.2801\n';
    await admin.setInputFiles('#places-file', { name: 'steder.csv', mimeType: 'text/csv', buffer: Buffer.from(places) });
    await admin.getByRole('button', { name: 'Importer 2 steder' }).click();
    await admin.getByText('2 steder er importert.').waitFor({ timeout: 30_000 });
    await adminContext.close();

    const db = new Database(join(server.dataDir, 'egnet.sqlite'), { readonly: true });
    const dwellings = db.prepare("SELECT id, data FROM records WHERE entity = 'dwelling'").all() as { id: string; data: string }[];
    db.close();
    const first = dwellings.find((d) => (JSON.parse(d.data) as { address: string }).address === 'Åsvegen 1');
    expect(dwellings).toHaveLength(4);

    const inspectorContext = await browser.newContext({ viewport: PHONE });
    const inspector = await inspectorContext.newPage();
    await login(inspector, server.url, 'ivar', PASSWORD);
    await firstSync(inspector);
    await untilControlled(inspector);
    await inspectorContext.setOffline(true);
    await inspector.goto(`${server.url}/dwellings/${first!.id}`).catch(() => undefined);
    await inspector.locator('[data-testid="start-neighbourhood"]').click({ timeout: 20_000 });
    await inspector.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    // 63.2930 − 63.2900 degrees north is about 334 m.
    await inspector.getByText('Nærmeste bussholdeplass: Sentrum stasjon, ca. 330 m i luftlinje — sjekk gangavstanden.').waitFor({ timeout: 20_000 });
    await inspectorContext.close();
  }, 120_000);
});
