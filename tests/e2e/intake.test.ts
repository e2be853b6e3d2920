// The intake team's tools in Chromium: the overview computed on the device equals the server's figures; offline, a
// household is matched and an allocation recorded; after sync the server's figures change too. CSV downloads are read
// back, printed reports are read back from PDF, and every new screen passes axe-core.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/core/figures/computeFigures';
import type { KostraFigures } from '../../src/core/figures/kostraFigures';
import { formatDate } from '../../src/core/format/formatDate';
import { norwegianDate } from '../../src/core/privacy/consentState';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let token = '';
/** The dwelling allocated offline in the third test, and a second intake device that allocates it too. */
let allocated = '';
let other: BrowserContext | undefined;
let otherPage: Page;
let allocatedAddress = '';
const YEAR = norwegianDate(new Date()).slice(0, 4);

async function serverFigures(): Promise<Figures> {
  const res = await fetch(`${server.url}/api/figures`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Figures;
}

async function serverKostra(year = YEAR): Promise<KostraFigures> {
  const res = await fetch(`${server.url}/api/figures?year=${year}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { kostra: KostraFigures }).kostra;
}

async function headline(): Promise<string> {
  const h = page.locator('[data-testid="stock-headline"]');
  await h.waitFor();
  // The percent sign follows a no-break space, as Norwegian typesetting wants.
  return ((await h.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

async function pdfText(): Promise<string> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'inntak', password: 'demo' }),
  });
  token = ((await res.json()) as { token: string }).token;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: TABLET, acceptDownloads: true });
  page = await context.newPage();
  await login(page, server.url, 'inntak');
  await page.goto(`${server.url}/overview`);
  // The first sync fills the device; then the service worker must control the page for offline reloads.
  await page.waitForFunction(() => document.querySelector('[data-testid="stock-headline"]')?.textContent?.startsWith('119 '), null, {
    timeout: 60_000,
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
});

afterAll(async () => {
  await other?.close();
  await browser?.close();
  await server?.stop();
});

describe('intake overview, matching and allocations', () => {
  it('shows the Melhus report’s figures, computed on the device and equal to GET /api/figures', async () => {
    expect(await headline()).toBe('119 boliger · 11 godt egnet 0–3 år · 40 godt egnet 3 år + · 43 % egnet');
    const f = await serverFigures();
    expect(f.byVerdict).toEqual({ suited0to3: 11, suited3plus: 40, notSuitable: 68, notAssessed: 0 });
    expect(await page.locator('[data-testid="share-2018"]').textContent()).toBe('72\u00a0%');
    expect(await page.locator('[data-testid="share-2019"]').textContent()).toBe('68\u00a0%');
    // Every chart is a picture with a name and a description, and carries its numbers as a table.
    // The quarters are replayed after the first paint.
    await page.locator('figure.bar-chart', { hasText: 'Utvikling per kvartal' }).waitFor();
    const charts = page.locator('figure.bar-chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    for (const chart of await charts.all()) {
      const svg = chart.locator('svg[role="img"]');
      expect(await svg.getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/);
      expect((await chart.locator('desc').textContent())!.length).toBeGreaterThan(10);
      expect(await chart.locator('table tbody tr').count()).toBeGreaterThan(0);
    }
    const areaTable = page.locator('figure.bar-chart', { hasText: 'Etter område' }).locator('tbody tr');
    const areaRows = await areaTable.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    for (const row of areaRows) expect(f.byArea[row[0]!]!.dwellings).toBe(Number(row.at(-1)));
    await expectNoAxeViolations(page, 'overview');
  });

  it('downloads the registry and the figures as CSV that Excel reads with æøå intact', async () => {
    const registry = await download('Last ned boligregisteret (CSV)');
    expect(registry.name).toMatch(/^egnet-boligregister-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(registry.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(registry.text, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(119);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['Adresse', 'Område', 'Godkjente soverom', 'Vurdering', 'Begrunnelse']));
    expect(rows.filter((r) => r.Vurdering === 'Godt egnet for barnefamilier 0–3 år')).toHaveLength(11);
    expect(rows.some((r) => r['Område'] === 'Flå' || r['Område'] === 'Brekkåsen' || r['Område'] === 'Hølonda')).toBe(true);

    const figures = await download('Last ned tallene (CSV)');
    const frows = parse(figures.text, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(frows.find((r) => r.Gruppe === 'Totalt')).toMatchObject({ Boliger: '119', 'Andel egnet (%)': '42,9' });
    expect(frows.find((r) => r.Gruppe === 'Tildelingsår' && r.Verdi === '2018')!['Andel til barnefamilier (%)']).toBe('72');
  });

  it('shows the KOSTRA figures with SSB’s codes, equal to the server’s, and exports them with the own figure marked apart', async () => {
    const section = page.locator('[data-testid="kostra"]');
    await section.locator('#kostra-year').selectOption('2018');
    await section.getByRole('table', { name: 'KOSTRA-variabler for 2018' }).waitFor();
    const k = await serverKostra('2018');
    expect(k.values.disposedTotal).toBe(119);
    expect(k.values.newTenants).toBeGreaterThan(0);
    expect(k.values.owned + k.values.rentedIn + k.values.privateAllocationRight + k.missing.ownership).toBe(119);
    for (const key of ['disposedTotal', 'owned', 'rentedIn', 'privateAllocationRight', 'wheelchairAccessible', 'newTenants', 'newTenantRefugees'] as const) {
      expect(await section.locator(`[data-testid="kostra-${key}"]`).textContent(), key).toBe(String(k.values[key]));
    }
    expect(await section.locator('tr[data-kostra="newTenants"] td').first().textContent()).toBe('KOSantnyinnflytt0000');
    expect(await section.locator('tr[data-kostra="newTenantRefugees"] td').first().textContent()).toBe('KOSnyinnflyttfly0000');
    expect(await section.locator('[data-testid="kostra-own-note"]').textContent()).toContain('ikke en KOSTRA-variabel');
    expect(await section.locator('[data-testid="kostra-own-0to3"]').textContent()).toBe('11');
    expect(await section.locator('[data-testid="kostra-own-3plus"]').textContent()).toBe('40');
    await expectNoAxeViolations(page, 'overview with KOSTRA');

    const file = await download('Last ned KOSTRA-tallene (CSV)');
    expect(file.name).toMatch(/^egnet-kostra-2018-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(file.text, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.Variabelkode === 'KOSantnyinnflytt0000')).toMatchObject({ Variabel: 'Antall nyinnflyttede husstander', Verdi: String(k.values.newTenants) });
    expect(rows.find((r) => r.Variabelkode === 'KOSnyinnflyttfly0000')!.Verdi).toBe(String(k.values.newTenantRefugees));
    expect(rows.find((r) => r.Variabel === 'Totalt antall kommunalt disponerte boliger')).toMatchObject({ Variabelkode: '', Verdi: '119' });
    const own = rows.filter((r) => r.Variabel?.startsWith('Godt egnet for barnefamilier'));
    expect(own.map((r) => [r.Variabelkode, r.Verdi])).toEqual([['', '11'], ['', '40']]);
    for (const r of own) expect(r.Merknad).toMatch(/ikke en KOSTRA-variabel/);
  });

  it('offline: matches a household whose consent shares its composition, and records the allocation', async () => {
    await context.setOffline(true);
    // Requests the service worker makes itself are not cut by setOffline; stop those too.
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    expect(await headline()).toContain('119 boliger');

    await page.goto(`${server.url}/match`);
    await page.locator('#needs-household').selectOption({ label: 'Familie Lønn' });
    expect(await page.locator('#needs-adults').inputValue()).toBe('1');
    expect(await page.locator('#needs-childAges').inputValue()).toMatch(/^\d+, \d+$/);
    await page.getByRole('button', { name: 'Finn boliger' }).click();
    await page.locator('[data-testid="match-count"]', { hasText: 'ledige boliger passer' }).waitFor();
    const first = page.locator('[data-testid="matches"] > li').first();
    const reasons = await first.locator('.intake-reasons li').allTextContents();
    expect(reasons.join('\n')).toMatch(/godkjente soverom — trenger 2/);
    expect(reasons.join('\n')).toMatch(/Godt egnet for barnefamilier/);
    expect(reasons.join('\n')).toMatch(/Barneskole \d/);
    expect(reasons.join('\n')).toMatch(/Bussholdeplass \d/);
    await expectNoAxeViolations(page, 'match with results');

    // A family with a 2-year-old is offered the vacant 0–3 dwellings only: the 3+ ones are left out, with the reason.
    await page.locator('#needs-household').selectOption({ label: '– Skriv inn behov selv –' });
    await page.locator('#needs-childAges').fill('2');
    await page.getByRole('button', { name: 'Finn boliger' }).click();
    await page.locator('[data-testid="match-count"]', { hasText: '2 ledige boliger passer' }).waitFor();
    for (const tag of await page.locator('[data-testid="matches"] > li .intake-reasons').allTextContents()) {
      expect(tag).toContain('Godt egnet for barnefamilier 0–3 år');
    }
    await page.locator('.intake-excluded summary').click();
    expect(await page.locator('[data-testid="excluded"]').textContent()).toContain('Egnet bare for barn over 3 år — yngste barn er 2 år');

    // A bad age is named next to its field and in the summary.
    await page.locator('#needs-childAges').fill('2, to');
    await page.getByRole('button', { name: 'Finn boliger' }).click();
    expect(await page.locator('#needs-childAges-error').textContent()).toContain('hele tall fra 0 til 17');

    await page.locator('#needs-household').selectOption({ label: 'Familie Lønn' });
    await page.getByRole('button', { name: 'Finn boliger' }).click();
    const chosen = page.locator('[data-testid="matches"] > li').first();
    const dwellingId = (await chosen.getAttribute('data-dwelling'))!;
    allocated = dwellingId;
    await chosen.getByRole('link', { name: 'Registrer tildeling' }).click();
    await page.waitForURL(/\/allocations\?/);
    // The dwelling from matching is chosen in the searchable picker, shown by name.
    expect(await page.locator('input[name="alloc-dwellingId"]:checked').getAttribute('value')).toBe(dwellingId);
    await page.locator('[data-testid="alloc-dwellingId-chosen"]').waitFor();
    expect(await page.locator('#alloc-hasChildren').isChecked()).toBe(true);
    expect(await page.locator('#alloc-childrenCount').inputValue()).toBe('2');
    await page.locator('input[name="leaseType"][value="fixed"]').check();
    // KOSTRA: the household is new to municipal housing, and refugees (asked once "new" is answered).
    expect(await page.locator('input[name="refugee"]').count()).toBe(0);
    await page.locator('input[name="newTenant"][value="yes"]').check();
    await page.locator('input[name="refugee"][value="yes"]').check();
    await page.getByRole('button', { name: 'Lagre tildelingen' }).click();
    // A fixed lease without its years is refused, with the reason next to the field.
    expect(await page.locator('#alloc-leaseYears-error').textContent()).toContain('Oppgi antall år');
    await page.locator('#alloc-leaseYears').fill('5');
    await page.getByRole('button', { name: 'Lagre tildelingen' }).click();
    await page.locator('[data-testid="allocation-status"]', { hasText: 'lagret på enheten' }).waitFor();
    await expectNoAxeViolations(page, 'allocations');

    // The same dwelling cannot be allocated again for an overlapping period: refused, the existing allocation named
    // with its household, nothing saved. Nor can a move-in be dated years ahead.
    const rowsBefore = await page.locator('[data-testid="allocation-row"]').count();
    await page.goto(`${server.url}/allocations?dwelling=${dwellingId}&children=2`);
    await page.getByRole('button', { name: 'Lagre tildelingen' }).click();
    const clash = (await page.locator('#alloc-dwellingId-error').textContent()) ?? '';
    expect(clash).toContain(`allerede tildelt fra ${formatDate(norwegianDate(new Date()), 'nb')}`);
    expect(clash).toContain('Familie Lønn');
    await page.locator('#alloc-date').fill('2099-01-01');
    await page.getByRole('button', { name: 'Lagre tildelingen' }).click();
    expect(await page.locator('#alloc-date-error').textContent()).toContain('ett år fram i tid');
    expect(await page.locator('[data-testid="allocation-row"]').count()).toBe(rowsBefore);

    // The registry lists the dwelling as let at once, not "Ledig".
    await page.goto(`${server.url}/dwellings`);
    const row = page.locator(`[data-testid="registry-list"] a[href="/dwellings/${dwellingId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Utleid');

    // Matching no longer offers the dwelling just allocated, and says why.
    await page.goto(`${server.url}/match`);
    await page.locator('#needs-household').selectOption({ label: 'Familie Lønn' });
    await page.getByRole('button', { name: 'Finn boliger' }).click();
    await page.locator('[data-testid="match-count"]').waitFor();
    expect(await page.locator(`[data-testid="matches"] > li[data-dwelling="${dwellingId}"]`).count()).toBe(0);
    await page.locator('.intake-excluded summary').click();
    expect(await page.locator('[data-testid="excluded"]').textContent()).toMatch(/Tildelt \d{4}-\d{2}-\d{2} — ikke registrert som utleid ennå/);

    // The device's own figures include it at once, still offline.
    await page.goto(`${server.url}/overview`);
    await page.locator(`[data-testid="children-first"] tr[data-year="${YEAR}"]`).waitFor();
    const before = (await serverFigures()).allocationsByYear[YEAR]?.total ?? 0;
    const total = await page.locator(`[data-testid="children-first"] [data-testid="total-${YEAR}"]`).textContent();
    expect(Number(total)).toBe(before + 1);
    // And its KOSTRA figures for this year: one more new household, one more of them refugees.
    const kostra = (await serverKostra()).values;
    expect(await page.locator('[data-testid="kostra-newTenants"]').textContent()).toBe(String(kostra.newTenants + 1));
    expect(await page.locator('[data-testid="kostra-newTenantRefugees"]').textContent()).toBe(String(kostra.newTenantRefugees + 1));
  });

  it('a second intake device, offline too, allocates the same dwelling: its own form cannot know and saves it', async () => {
    other = await browser.newContext({ viewport: TABLET });
    otherPage = await other.newPage();
    await login(otherPage, server.url, 'inntak');
    await otherPage.goto(`${server.url}/allocations?dwelling=${allocated}&children=1`);
    await otherPage.locator('[data-testid="alloc-dwellingId-chosen"]').waitFor({ timeout: 60_000 });
    allocatedAddress = (await otherPage.locator(`input[name="alloc-dwellingId"][value="${allocated}"]`).evaluate((input) => input.closest('label')?.textContent ?? '')).split(',')[0]!.trim();
    expect(allocatedAddress).not.toBe('');
    await other.setOffline(true);
    await other.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await otherPage.getByRole('button', { name: 'Lagre tildelingen' }).click();
    await otherPage.locator('[data-testid="allocation-status"]', { hasText: 'lagret på enheten' }).waitFor();
  });

  it('after sync, the server’s figures change too, and equal the device’s', async () => {
    const before = (await serverFigures()).allocationsByYear[YEAR]?.total ?? 0;
    // The overview stays open through the sync: its quarter chart must stay on screen while it is worked out again.
    await page.locator('figure.bar-chart', { hasText: 'Utvikling per kvartal' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { quarterGone: boolean };
      w.quarterGone = false;
      new MutationObserver(() => {
        if (!document.getElementById('stock-quarter-title')) w.quarterGone = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    // The allocation made offline, not yet with a server revision.
    const deviceAllocations = () =>
      page.evaluate(
        () =>
          new Promise<{ id: string; rev: number }[]>((resolve) => {
            const open = indexedDB.open('egnet');
            open.onsuccess = () => {
              const all = open.result.transaction('records').objectStore('records').getAll();
              all.onsuccess = () => resolve((all.result as { entity: string; id: string; rev: number }[]).filter((r) => r.entity === 'allocation'));
            };
          }),
      );
    const allocations = (await deviceAllocations()).filter((a) => a.rev === 0).map((a) => a.id);
    expect(allocations).toHaveLength(1);
    await context.unroute('**/api/**');
    await context.setOffline(false);
    await expect.poll(async () => (await serverFigures()).allocationsByYear[YEAR]?.total ?? 0, { timeout: 30_000 }).toBe(before + 1);
    // Once the device has the server's revision of it (so its figures are worked out again), and a moment later, the
    // chart has not left the screen.
    await expect.poll(async () => (await deviceAllocations()).find((a) => a.id === allocations[0])?.rev ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { quarterGone: boolean }).quarterGone)).toBe(false);
    const f = await serverFigures();
    await page.reload();
    const text = await page.locator(`[data-testid="children-first"] tr[data-year="${YEAR}"]`).textContent();
    expect(text).toContain(String(f.allocationsByYear[YEAR]!.total));
    const kostra = (await serverKostra()).values;
    expect(await page.locator('[data-testid="kostra-newTenants"]').textContent()).toBe(String(kostra.newTenants));
    expect(await page.locator('[data-testid="kostra-newTenantRefugees"]').textContent()).toBe(String(kostra.newTenantRefugees));
    expect(await headline()).toBe(
      `${f.dwellings} boliger · ${f.byVerdict.suited0to3} godt egnet 0–3 år · ${f.byVerdict.suited3plus} godt egnet 3 år + · ${Math.round(f.suitableShare * 100)} % egnet`,
    );
  });

  it('the second device’s allocation is refused by the server and waits on its sync page, named by the dwelling', async () => {
    const before = (await serverFigures()).allocationsByYear[YEAR]!.total;
    await other!.unroute('**/api/**');
    await other!.setOffline(false);
    await otherPage.goto(`${server.url}/sync`);
    const refused = otherPage.locator('[data-testid="rejected-op"][data-code="allocation_overlap"]');
    await expect
      .poll(
        async () => {
          if ((await refused.count()) > 0) return true;
          const button = otherPage.getByRole('button', { name: 'Synkroniser nå' });
          if ((await button.count()) && (await button.isEnabled())) await button.click();
          return false;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    const text = (await refused.textContent()) ?? '';
    expect(text).toContain(`Boligen er allerede tildelt fra ${formatDate(norwegianDate(new Date()), 'nb')}`);
    const heading = (await refused.locator('h3').textContent()) ?? '';
    expect(heading).toBe(`Tildeling: ${allocatedAddress}`);
    // One tenant: the server counts the first allocation only.
    expect((await serverFigures()).allocationsByYear[YEAR]!.total).toBe(before);
    await expectNoAxeViolations(otherPage, 'sync page with a refused allocation');
    await other!.close();
    other = undefined;
  });

  it('prints a dwelling report and the stock report to A4 PDF with the address, verdict and figures in the text', async () => {
    const f = await serverFigures();
    const id = Object.entries(f.verdictsByDwelling).find(([, v]) => v === 'suited3plus')![0];
    await page.goto(`${server.url}/reports/dwellings/${id}`);
    const verdict = await page.locator('[data-testid="report-verdict"]').textContent();
    expect(verdict).toBe('Godt egnet for barnefamilier 3 år +');
    const address = (await page.locator('#report-title').textContent())!;
    await expectNoAxeViolations(page, 'dwelling report');
    const text = await pdfText();
    expect(text).toContain(address);
    expect(text).toContain('Vurdering: Godt egnet for barnefamilier 3 år +');
    expect(text).toContain('Siste fullførte sjekklister');
    // The app's frame stays on the screen.
    expect(text).not.toContain('Synkroniser nå');

    await page.goto(`${server.url}/reports/stock`);
    await page.locator('[data-testid="stock-headline"]').waitFor();
    await expectNoAxeViolations(page, 'stock report');
    const stock = await pdfText();
    expect(stock).toContain('119 boliger · 11 godt egnet 0–3 år · 40 godt egnet 3 år + · 43 % egnet');
    expect(stock).toContain('72 %');
  });

  it('prints every table of the stock report whole on A4, no column cut and no heading left at the foot of a page', async () => {
    await page.setViewportSize(TABLET);
    await page.goto(`${server.url}/reports/stock`);
    await page.locator('[data-testid="stock-headline"]').waitFor();
    // Laid out as on paper: print media, A4 less the page margins (210 − 2 × 15 mm = 180 mm).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor((180 / 25.4) * 96), height: 1000 });
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableElement>('.report table')]
        .map((table) => {
          const box = table.parentElement!;
          const report = document.querySelector('.report')!.getBoundingClientRect();
          return {
            table: table.caption?.textContent ?? '',
            overflow: box.scrollWidth - box.clientWidth,
            beyondPage: table.getBoundingClientRect().right - report.right,
          };
        })
        .filter((t) => t.overflow > 0 || t.beyondPage > 0.5),
    );
    expect(cut).toEqual([]);
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const headers = (await page.locator('.report th[scope="col"]').allTextContents()).map(norm);
    const headings = (await page.locator('.report :is(h1, h2, h3, figcaption)').allTextContents()).map(norm);
    expect(headers).toContain('Andel kontrakter 3 år +');
    expect(headings).toContain('Kommer barna først? Tildelinger per år');
    await page.emulateMedia({ media: null });
    await page.setViewportSize(TABLET);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    const all = norm(pages.join(' '));
    // Each table's header row, whole and in order, is in the text of the PDF.
    const rows = await page.locator('.report table thead tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim()).join(' ')),
    );
    for (const row of rows) expect(all).toContain(row);
    for (const header of headers) expect(all).toContain(header);
    // No page ends with a heading: what it heads follows it on the same page.
    const stranded = pages.slice(0, -1).flatMap((p, i) => {
      const last = norm(p.split('\n').filter((l) => l.trim()).at(-1) ?? '');
      return headings.filter((h) => last.endsWith(h)).map((h) => `page ${i + 1}: ${h}`);
    });
    expect(stranded).toEqual([]);
  });

  it('passes axe-core on the new screens at phone size too', async () => {
    await page.setViewportSize(PHONE);
    for (const path of ['/overview', '/match', '/allocations', '/reports/stock']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('h1').first().waitFor();
      await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
      await expectNoAxeViolations(page, `${path} (phone)`);
    }
  });

  it('on a phone, "Finn boliger" takes focus to the results in view, and the allocation’s dwelling is found by typing', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/match`);
    await page.locator('#needs-household').selectOption({ label: 'Familie Lønn' });
    await page.getByRole('button', { name: 'Finn boliger' }).click();
    await page.locator('[data-testid="match-count"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('match-count');
    await expect.poll(async () => {
      const box = await page.locator('[data-testid="match-count"]').boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 844;
    }).toBe(true);

    // No dropdown of 120 addresses: a search field, and at most eight matches to choose from.
    await page.goto(`${server.url}/allocations`);
    const search = page.locator('#alloc-dwellingId');
    await search.waitFor();
    expect(await search.evaluate((e) => e.tagName)).toBe('INPUT');
    expect(await page.locator('#alloc-dwellingId-found').textContent()).toContain('119');
    await search.fill('bær');
    const choices = page.locator('input[name="alloc-dwellingId"]');
    await expect.poll(() => choices.count()).toBeGreaterThan(0);
    expect(await choices.count()).toBeLessThanOrEqual(8);
    const label = (await page.locator('#alloc-dwellingId-choices label').first().textContent())!;
    await search.fill(label.split(',')[0]!);
    await expect.poll(() => choices.count()).toBe(1);
    // Enter picks the only match and does not send the form.
    await search.press('Enter');
    await expect.poll(() => page.locator('[data-testid="alloc-dwellingId-chosen"]').textContent()).toContain(label.split(',')[0]!);
    expect(await page.locator('#alloc-dwellingId-error').count()).toBe(0);
    await expectNoAxeViolations(page, 'allocation with the dwelling picker (phone)');
  });
});
