// Households end to end in Chromium against the real server: a counsellor offline records consent with a drawn
// signature, does a home visit with a photo and agrees two tasks; online they sync; the intake team sees only the
// shared fields; after withdrawal the intake device drops the household; log-out refuses with unsynced data and, after
// sync, leaves no household data in IndexedDB. Every new screen is checked with axe-core at phone size.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectNoAxeViolations, launchChromium, login, revealNavLink } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

const PHOTO = join(import.meta.dirname, '../fixtures/gps-photo.jpg');
const NAME = 'Familie Testbakken';
const SECRET = 'Hemmelig notat fra boveileder';

let server: ServerProcess;
let browser: Browser;
let counsellorContext: BrowserContext;
let intakeContext: BrowserContext;
let counsellor: Page;
let intake: Page;
let householdId = '';

type IdbRecord = { entity: string; id: string; deleted: boolean; data: Record<string, unknown> };

/** Every record in the device database, read with the plain IndexedDB API (what is really on the disk). */
function idbRecords(page: Page): Promise<IdbRecord[]> {
  return page.evaluate(
    () =>
      new Promise<IdbRecord[]>((resolve, reject) => {
        const open = indexedDB.open('egnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) return resolve([]);
          const req = db.transaction('records').objectStore('records').getAll();
          req.onsuccess = () => {
            resolve(req.result as IdbRecord[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Presses "Synkroniser nå" and waits until nothing waits and the last sync moved on. */
async function syncNow(page: Page): Promise<void> {
  const last = page.locator('[data-testid="sync-last"]');
  const before = await last.getAttribute('data-at');
  await page.locator('[data-testid="sync-status"] button').click();
  await expect.poll(async () => (await last.getAttribute('data-at')) !== before, { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.locator('[data-testid="sync-pending"]').getAttribute('data-count'), { timeout: 30_000 }).toBe('0');
}

/** Follows a link in the app (client-side routing, so it works offline too). */
async function go(page: Page, name: string | RegExp): Promise<void> {
  if (typeof name === 'string') await revealNavLink(page, name);
  await page.getByRole('link', { name, exact: typeof name === 'string' }).first().click();
}

async function drawSignature(page: Page): Promise<void> {
  const pad = page.locator('[data-testid="signature-pad"]');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 18, y + (i % 2 ? 18 : -18), { steps: 2 });
  await page.mouse.up();
  await expect.poll(() => pad.getAttribute('aria-label')).toContain('Underskrift er tegnet');
}

async function openSection(page: Page, title: string): Promise<void> {
  await page.locator('.cl-section-link', { hasText: title }).click();
  await page.locator('#checklist-section-title', { hasText: title }).waitFor();
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
  counsellorContext = await browser.newContext({ viewport: PHONE });
  intakeContext = await browser.newContext({ viewport: PHONE });
  counsellor = await counsellorContext.newPage();
  intake = await intakeContext.newPage();
  await login(counsellor, server.url, 'boveileder');
  await login(intake, server.url, 'inntak');
  // The first sync fills each device; after that the counsellor's device holds the app shell and the demo data.
  for (const page of [counsellor, intake]) await page.locator('[data-testid="sync-last"][data-at]').waitFor({ timeout: 60_000 });
  await counsellor.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a counsellor offline', () => {
  it('registers a household with only the minimum, each field marked with who may see it', async () => {
    await counsellorContext.setOffline(true);
    await go(counsellor, 'Husstander');
    await counsellor.locator('#households-title').waitFor();
    await expectNoAxeViolations(counsellor, 'households list');
    await go(counsellor, 'Ny husstand');
    await counsellor.locator('#household-displayName').waitFor();
    expect(await counsellor.locator('.hh-vis', { hasText: 'Bare boveileder' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(counsellor, 'household form');
    // A wrong birth year is refused next to the field, in Bokmål.
    await counsellor.fill('#household-displayName', NAME);
    await counsellor.fill('#household-adults', '2');
    await counsellor.fill('#household-childBirthYears', '2019, 23');
    await counsellor.fill('#household-notes', SECRET);
    await counsellor.locator('form.hh-form button[type=submit]').click();
    await expect.poll(() => counsellor.locator('#household-childBirthYears-error').textContent()).toContain('fire sifre');
    await counsellor.fill('#household-childBirthYears', '2019, 2023');
    await counsellor.locator('form.hh-form button[type=submit]').click();
    await counsellor.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    householdId = counsellor.url().split('/').at(-1)!;
    await counsellor.locator('[data-testid="consent-state"]', { hasText: 'Ikke registrert' }).waitFor();
    await expectNoAxeViolations(counsellor, 'household page');
  });

  it('records consent signed on the screen, sharing composition, housing and tasks with NAV', async () => {
    await go(counsellor, 'Registrer samtykke');
    await counsellor.locator('#consent-givenBy').waitFor();
    await expectNoAxeViolations(counsellor, 'consent form');
    // Without a signature the form says what is missing.
    await counsellor.fill('#consent-givenBy', 'mor');
    for (const c of ['composition', 'housing', 'tasks']) await counsellor.locator(`[data-testid="consent-nav-${c}"]`).check();
    await counsellor.locator('form.hh-form button[type=submit]').click();
    await expect.poll(() => counsellor.locator('[data-testid="error-summary"]').textContent()).toContain('Underskriften mangler');
    await drawSignature(counsellor);
    await counsellor.locator('form.hh-form button[type=submit]').click();
    await counsellor.waitForURL(new RegExp(`/households/${householdId}$`));
    await expect.poll(() => counsellor.locator('[data-testid="consent-state"]').getAttribute('data-state')).toBe('valid');
    await counsellor.locator('[data-testid="signature-image"]').waitFor();
    expect(await counsellor.locator('[data-testid="consent-scope"]').textContent()).toContain('NAV');
  });

  it('does a home visit with a photo; a concern for a child shows the duty to notify; two agreed actions become tasks', async () => {
    await counsellor.getByRole('button', { name: 'Nytt hjemmebesøk' }).click();
    await counsellor.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
    await counsellor.locator('#checklist-title').waitFor();
    await expectNoAxeViolations(counsellor, 'visit page');

    await openSection(counsellor, 'Boligens tilstand');
    const photos = counsellor.locator('.cl-item[data-item="home.photos"]');
    await photos.locator('input[type=file][multiple]').setInputFiles(PHOTO);
    await photos.locator('img.ph-img').waitFor({ timeout: 30_000 });
    await expect.poll(() => counsellor.locator('[data-testid="save-status"]').textContent()).toBe('Lagret på enheten');

    await openSection(counsellor, 'Barna');
    expect(await counsellor.locator('[data-testid="duty-to-notify"]').count()).toBe(0);
    await counsellor.locator('.cl-item[data-item="child.concern"]').getByLabel('Ja').check();
    const duty = counsellor.locator('[data-testid="duty-to-notify"]');
    await duty.waitFor();
    expect(await duty.textContent()).toContain('barnevernsloven § 13-2');
    expect(await duty.textContent()).toContain('Neste steg');
    await expectNoAxeViolations(counsellor, 'visit page with the duty to notify');

    for (const [title, unit] of [['Søke bostøtte', 'nav'], ['Vurdere startlån', 'husbanken']] as const) {
      await counsellor.fill('#visit-task-title', title);
      await counsellor.selectOption('#visit-task-ownerUnit', unit);
      await counsellor.locator('form.tk-form button[type=submit]').click();
      await counsellor.locator('[data-testid="visit-tasks"]', { hasText: title }).waitFor();
    }
    // Agreed actions are task rows like every other list: the counsellor may correct or remove them here.
    expect(await counsellor.locator('[data-testid="visit-tasks"]').getByRole('button', { name: 'Endre oppgaven «Søke bostøtte»' }).count()).toBe(1);
  });

  it('cannot log out while the changes are only on the device', async () => {
    await go(counsellor, 'Innstillinger');
    await counsellor.getByRole('button', { name: 'Logg ut' }).click();
    await counsellor.getByText('Du kan ikke logge ut ennå').waitFor();
    expect(await counsellor.locator('nav.app-nav').count()).toBe(1);
    expect(Number(await counsellor.locator('[data-testid="sync-pending"]').getAttribute('data-count'))).toBeGreaterThan(0);
  });
});

describe('back online', () => {
  it('syncs the household, consent with its signature, the visit with its photo and both tasks to the server', async () => {
    await counsellorContext.setOffline(false);
    await syncNow(counsellor);
    const db = new Database(join(server.dataDir, 'egnet.sqlite'), { readonly: true });
    try {
      const record = (entity: string, where: string) =>
        db.prepare(`SELECT id, data FROM records WHERE entity = ? AND ${where}`).all(entity).map((r) => JSON.parse((r as { data: string }).data) as Record<string, unknown>);
      const [household] = record('household', `id = '${householdId}'`);
      expect(household).toMatchObject({ displayName: NAME, childBirthYears: [2019, 2023], notes: SECRET });
      const consent = household!.consent as { method: string; signature: { sha256: string; mime: string } };
      expect(consent.method).toBe('drawn');
      expect(consent.signature.mime).toBe('image/png');
      const blob = (sha: string) => db.prepare('SELECT size FROM blobs WHERE sha256 = ?').get(sha) as { size: number } | undefined;
      expect(blob(consent.signature.sha256)?.size).toBeGreaterThan(0);
      const [inspection] = record('inspection', `json_extract(data, '$.householdId') = '${householdId}'`);
      const photo = (inspection!.answers as Record<string, { photos?: { sha256: string }[] }>)['home.photos']!.photos![0]!;
      expect(blob(photo.sha256)?.size).toBeGreaterThan(0);
      expect(record('visit', `json_extract(data, '$.householdId') = '${householdId}'`)).toHaveLength(1);
      expect(record('task', `json_extract(data, '$.householdId') = '${householdId}'`).map((t) => t.title).sort()).toEqual(['Søke bostøtte', 'Vurdere startlån']);
    } finally {
      db.close();
    }
  });

  it('shows the intake team (NAV) the shared fields only, and only NAV’s task', async () => {
    await syncNow(intake);
    await go(intake, 'Husstander');
    await go(intake, NAME);
    await intake.locator('[data-testid="shared-notice"]').waitFor();
    const page = await intake.locator('main').textContent();
    expect(page).toContain('født 2019');
    expect(page).not.toContain(SECRET);
    expect(page).not.toContain('Gitt av');
    expect(page).toContain('Søke bostøtte');
    expect(page).not.toContain('Vurdere startlån');
    // The same rule as on /tasks: the intake team may mark its unit's task done, but not correct or remove it.
    const tasks = intake.locator('[data-testid="household-tasks"]');
    expect(await tasks.getByRole('button', { name: 'Merk «Søke bostøtte» som utført' }).count()).toBe(1);
    expect(await tasks.getByRole('button', { name: /^(Endre|Fjern) oppgaven/ }).count()).toBe(0);
    await expectNoAxeViolations(intake, 'household page, intake');
    const onDevice = (await idbRecords(intake)).find((r) => r.id === householdId)!;
    expect(Object.keys(onDevice.data).sort()).toEqual(['adults', 'childBirthYears', 'counsellorIds', 'displayName', 'dwellingId', 'languageNeeds', 'needs', 'priorityFamily']);
    expect(JSON.stringify(await idbRecords(intake))).not.toContain(SECRET);
  });

  it('drops the household from the intake device at the next sync after the consent is withdrawn', async () => {
    await go(counsellor, 'Husstander');
    await go(counsellor, NAME);
    await counsellor.getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
    await counsellor.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
    await expect.poll(() => counsellor.locator('[data-testid="consent-state"]').getAttribute('data-state')).toBe('withdrawn');
    await syncNow(counsellor);

    await syncNow(intake);
    await go(intake, 'Husstander');
    await intake.locator('#households-title').waitFor();
    await expect.poll(() => intake.locator('main').textContent()).not.toContain(NAME);
    const left = (await idbRecords(intake)).filter((r) => r.id === householdId || r.data.householdId === householdId);
    expect(left.every((r) => r.deleted)).toBe(true);
  });
});

describe('the rest of the new screens', () => {
  it('passes axe on tasks, the meeting agenda, Foyer plans and the access log', async () => {
    await go(counsellor, 'Oppgaver');
    await counsellor.locator('#tasks-title').waitFor();
    await expectNoAxeViolations(counsellor, 'tasks');
    await go(counsellor, 'Månedsmøtet (agenda)');
    await counsellor.locator('[data-testid="agenda-unit"]').first().waitFor();
    await expectNoAxeViolations(counsellor, 'meeting agenda');

    await go(counsellor, 'Foyer');
    await counsellor.fill('#plan-youthAlias', 'Ung Test');
    await counsellor.fill('#plan-birthYear', '2008');
    await counsellor.locator('form.fy-form button[type=submit]').click();
    await counsellor.waitForURL(/\/foyer\/[0-9a-f-]{36}$/);
    await counsellor.locator('[data-testid="domain-homeSkills"] summary').click();
    await counsellor.locator('[data-testid="domain-homeSkills"] select').first().selectOption('2');
    await counsellor.locator('[data-testid="domain-homeSkills"] select').nth(1).selectOption('3');
    await expect.poll(() => counsellor.locator('[data-testid="domain-homeSkills"] desc').textContent()).toContain('0: 2');
    await expectNoAxeViolations(counsellor, 'Foyer plan');
    await go(counsellor, /Alle Foyer-planer/);
    await expectNoAxeViolations(counsellor, 'Foyer list');

    // The access log on a phone as the issue saw it (390 × 844): cards, not a table squeezed to 3–4 letters a line.
    const admin = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await login(admin, server.url, 'admin');
    await admin.goto(`${server.url}/households/${householdId}/audit`);
    const log = admin.locator('[data-testid="audit-list"]');
    await log.waitFor();
    const text = (await log.textContent())!;
    expect(text).toContain('Ingrid Inntak');
    // Fields are named as a person reads them, not as the code does: an answer by its question.
    expect(text).toContain('barnas fødselsår');
    expect(text).not.toContain('childBirthYears');
    expect(text).toMatch(/svar: /);
    expect(text).not.toMatch(/answers\./);
    // The counsellor's own sync of the household, consent, visit, checklist and tasks is one line, not one per record.
    expect(text).toMatch(/Endret \(synkronisering fra enhet\) – \d+ poster/);
    const [scroll, client] = await admin.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    for (const dd of await admin.locator('[data-testid="audit-line"] dd').all()) {
      expect((await dd.boundingBox())!.width, 'values get the width of the card').toBeGreaterThan(200);
    }
    await expectNoAxeViolations(admin, 'access log');
    await admin.context().close();
  });
});

describe('finding things', () => {
  it('finds a household by part of its alias, and a dwelling by part of its address instead of in a list of 120', async () => {
    await counsellor.goto(`${server.url}/households`);
    const search = counsellor.locator('#household-search');
    await search.fill('testbakk');
    await expect.poll(() => counsellor.locator('[data-testid="household-list"] li').count()).toBe(1);
    expect(await counsellor.locator('[data-testid="household-list"]').textContent()).toContain(NAME);
    await search.fill('finnes ikke');
    await counsellor.locator('[data-testid="household-count"]', { hasText: 'Ingen husstand' }).waitFor();
    expect(await counsellor.locator('[data-testid="household-list"]').count()).toBe(0);

    await counsellor.goto(`${server.url}/households/${householdId}/edit`);
    const dwelling = counsellor.locator('#household-dwellingId');
    await dwelling.waitFor();
    expect(await dwelling.evaluate((e) => e.tagName), 'a search field, not a dropdown').toBe('INPUT');
    await dwelling.fill('bær');
    await counsellor.locator('#household-dwellingId-found', { hasText: 'skriv mer' }).waitFor();
    const choices = counsellor.locator('#household-dwellingId-choices label');
    // "Ingen bolig" and at most eight matches.
    expect(await choices.count()).toBeLessThanOrEqual(9);
    const address = (await choices.nth(1).textContent())!.split(',')[0]!;
    await choices.nth(1).click();
    await expectNoAxeViolations(counsellor, 'household form with the dwelling picker');
    await counsellor.locator('form.hh-form button[type=submit]').click();
    await counsellor.waitForURL(new RegExp(`/households/${householdId}$`));
    await counsellor.locator('main', { hasText: address }).waitFor();
  });
});

describe('log-out on a shared device', () => {
  it('after sync logs out and leaves no household data in IndexedDB', async () => {
    await syncNow(counsellor);
    expect((await idbRecords(counsellor)).some((r) => r.entity === 'household')).toBe(true);
    await go(counsellor, 'Innstillinger');
    await counsellor.getByRole('button', { name: 'Logg ut' }).click();
    await counsellor.locator('#login-username').waitFor();
    const left = await idbRecords(counsellor);
    expect(left.filter((r) => ['household', 'visit', 'task', 'plan', 'inspection'].includes(r.entity))).toEqual([]);
  });
});
