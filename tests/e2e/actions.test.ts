// The inspector's work from plan to follow-up, offline in Chromium: an administrator plans three inspections for the
// inspector offline and syncs; the inspector's device shows them in Mine befaringer; the inspector completes a dwelling
// inspection with a TG3 and a risk assessment with a red risk, confirms the proposed actions and signs; the report opens
// (and shares through the print dialogue where the browser has no sharing); the owning unit sees and closes an action;
// the next inspection asks "utbedret?", and closing the last open action lifts "not suitable".
// EGNET_SCREENSHOTS=1 also writes screenshots of the proposed actions, the dwelling's actions and the report in
// docs/screenshots/.
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAnswers } from '../../src/core/checklist/validateAnswers';
import { startTemplate, TEMPLATE_IDS } from '../../src/core/checklist/templates';
import { generateDemoData } from '../../src/core/demo/generate';
import { assessDwelling, latestCompleted } from '../../src/core/rules/assessDwelling';
import type { Dwelling } from '../../src/core/schemas/dwelling';
import type { Inspection } from '../../src/core/schemas/inspection';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { norwegianDate } from '../../src/core/privacy/consentState';
import { drawSignatureIn, signAndLock } from './sign-and-lock';
import { firstSync, syncNow, untilControlled } from './sync-pages';

// A suitable demo dwelling whose latest checklists can be taken over as they are (every required answer there).
const demo = generateDemoData().records;
const target = demo
  .filter((r) => r.entity === 'dwelling')
  .map((d) => ({ id: d.id, dwelling: d.data as Dwelling, own: demo.filter((r) => r.entity === 'inspection' && r.data.dwellingId === d.id).map((r) => r.data as Inspection) }))
  .find((c) => {
    if (!['suited0to3', 'suited3plus'].includes(assessDwelling(c.dwelling, c.own).verdict)) return false;
    if (c.own.some((i) => i.status === 'draft')) return false;
    const latest = latestCompleted(c.own);
    // The test makes the fire risk red: it must not be red already (a click on the same cell changes nothing).
    const fire = latest.get(TEMPLATE_IDS.riskAssessment)?.inspection.answers['risk.fire']?.value as { likelihood?: number; consequence?: number } | undefined;
    if ((fire?.likelihood ?? 0) * (fire?.consequence ?? 0) >= 10) return false;
    return [TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.riskAssessment].every((id) => {
      const filled = latest.get(id);
      return filled && filled.template.version === startTemplate(id)!.version && validateAnswers(filled.template, filled.inspection.answers).length === 0;
    });
  })!;

const PHOTO = fileURLToPath(new URL('../fixtures/gps-photo.jpg', import.meta.url));
const SHOTS = process.env.EGNET_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;

/** Writes docs/screenshots/<name>.png of what the screen shows, when screenshots are asked for. */
async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  const later = page.locator('.update-prompt button', { hasText: 'Senere' });
  if (await later.isVisible()) await later.click();
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

/** Scrolls `part` to the top of what shows, below the header, for a screenshot of it. */
async function top(part: Locator): Promise<void> {
  if (!SHOTS) return;
  await part.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    // Clear of the header, which stays at the top of the page (a dialog has none over it).
    if (!el.closest('dialog')) window.scrollBy(0, -((document.querySelector('header')?.getBoundingClientRect().height ?? 0) + 8));
  });
}

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const saved = () => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
const byId = (id: string) => page.locator(`[id="${id}"]`);

/** Moves within the app without loading a page (client-side routing), so it works offline. */
async function open(path: string): Promise<void> {
  // A link the app's router follows, as if tapped.
  await page.evaluate((p) => {
    const a = document.createElement('a');
    a.href = p;
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
}

async function startChecklist(templateId: string): Promise<void> {
  await open(`/dwellings/${target.id}`);
  await page.locator(`[data-testid="start-${templateId}"]`).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
}

async function openConfirmation(templateId: string): Promise<void> {
  const title = startTemplate(templateId)!.sections.at(-1)!.title.nb;
  await page.locator('.cl-section-link', { hasText: title }).click();
  // "Fullfør" checks the answers as saved: under load the last one may still be on its way, so it is asked again.
  const confirm = page.locator('[data-testid="complete-confirm"][open]');
  await expect
    .poll(async () => {
      if ((await confirm.count()) > 0) return 'open';
      await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
      return (await page.locator('[data-testid="error-summary"]').textContent().catch(() => null)) ?? 'waiting';
    }, { timeout: 30_000, interval: 1500 })
    .toBe('open');
}

async function switchUser(username: string): Promise<void> {
  await context.setOffline(false);
  // The device's outbox itself, not the header's count of it, which may not yet show a write made a moment ago.
  const outbox = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('egnet');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const count = req.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => {
              resolve(count.result);
              req.result.close();
            };
          };
        }),
    );
  await expect.poll(outbox, { timeout: 60_000 }).toBe(0);
  await expect.poll(() => page.locator('[data-testid="sync-pending"]').getAttribute('data-count'), { timeout: 60_000 }).toBe('0');
  await open('/settings');
  await page.getByRole('button', { name: 'Logg ut' }).click();
  // Log-out is refused while anything the server does not have waits on the device: say what, if so.
  const refused = page.locator('[role="alert"] .ds-alert');
  await page.locator('#login-username').or(refused).waitFor();
  if (await refused.count()) throw new Error(`log-out refused: ${await refused.textContent()}`);
  await login(page, server.url, username);
}

// The three dwellings planned: the one completed below and two others of the demo's.
const planned = [target.dwelling.address, ...demo.filter((r) => r.entity === 'dwelling' && r.id !== target.id).slice(0, 2).map((r) => (r.data as Dwelling).address)];

beforeAll(async () => {
  expect(target, 'a suitable demo dwelling with complete checklists').toBeTruthy();
  server = await startServer({ demo: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('planned inspections', () => {
  it('are planned by an administrator offline and, after sync, shown on the inspector\'s device', async () => {
    // The administrator, online once on the plan so the device keeps the inspectors to choose from, then offline.
    const admin = await (await browser.newContext({ viewport: TABLET })).newPage();
    await login(admin, server.url, 'admin');
    await firstSync(admin);
    await untilControlled(admin);
    await admin.goto(`${server.url}/inspection-plan`);
    await admin.locator('#plan-inspector option', { hasText: 'Ivar Inspektør' }).waitFor({ state: 'attached' });
    await admin.context().setOffline(true);
    for (const address of planned) await admin.getByRole('checkbox', { name: `Velg ${address}`, exact: true }).check();
    await expect.poll(() => admin.locator('[data-testid="plan-count"]').textContent()).toContain('3 valgt');
    await admin.selectOption('#plan-inspector', { label: 'Ivar Inspektør' });
    await admin.fill('#plan-day', norwegianDate(new Date()));
    await admin.locator('[data-testid="plan-submit"]').click();
    await admin.locator('[data-testid="plan-status"]', { hasText: '3 befaringer er planlagt for Ivar Inspektør.' }).waitFor();
    await admin.context().setOffline(false);
    await syncNow(admin);
    await admin.context().close();

    // The inspector's tablet: one sync, then offline for the rest of the day.
    context = await browser.newContext({ viewport: TABLET });
    page = await context.newPage();
    await login(page, server.url, 'inspektor');
    await page.goto(`${server.url}/dwellings`);
    await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
    // The service worker holds every screen before the device goes offline.
    await untilControlled(page);
    await context.setOffline(true);
    await open('/my-inspections');
    const due = page.locator('[data-testid="mine-due"]');
    for (const address of planned) await due.locator('[data-testid="plan-row"]', { hasText: address }).waitFor();
  }, 120_000);
});

describe('findings become actions', () => {
  it('proposes an action for a TG3, confirmed in one list with the signature, and opens the report', async () => {
    await startChecklist(TEMPLATE_IDS.dwellingInspection);
    await page.locator('.cl-section-link', { hasText: 'Tilstandsgrader' }).click();
    const wet = page.locator('.cl-item[data-item="condition.wetRooms"]');
    await wet.locator('label.cl-grade[data-grade="TG3"]').click();
    await saved();
    // The dwelling inspection asks a photo of a TG3 grade.
    await wet.locator('input[type=file][capture=environment]').setInputFiles(PHOTO);
    await wet.locator('img.ph-img').waitFor();
    await expect.poll(() => wet.locator('.cl-extra summary', { hasText: 'Bilder (1)' }).count()).toBe(1);
    await byId('item-condition.wetRooms-cause').fill('Lekkasje ved sluk');
    await byId('item-condition.wetRooms-consequence').fill('Fukt i bjelkelaget');
    await byId('item-condition.wetRooms-costEstimate').fill('80 000 kr');
    await byId('item-condition.wetRooms-costEstimate').press('Tab');
    await saved();

    await openConfirmation(TEMPLATE_IDS.dwellingInspection);
    const dialog = page.locator('[data-testid="complete-confirm"]');
    const proposal = dialog.locator('.ac-proposal[data-key="condition.wetRooms"]');
    expect(await proposal.getAttribute('data-severity')).toBe('TG3');
    expect(await proposal.locator('.ac-finding').textContent()).toContain('Lekkasje ved sluk');
    expect(await proposal.locator('select').inputValue()).toBe('buildingsAndProperty');
    expect(await dialog.textContent()).toMatch(/\d+ tiltak opprettes/);
    await expectNoAxeViolations(page, 'proposed actions and signatures');
    await proposal.locator('input[type="text"]').fill('Skifte sluk og membran på badet');
    await top(dialog.locator('.ac-proposal').first());
    await shot('actions-proposed-tablet');

    await signAndLock(page, { back: false });
    expect(await page.locator('[data-testid="report-verdict"]').textContent()).toBe('Ikke egnet for barnefamilier');
    expect(await page.locator('[data-testid="report-actions"]').textContent()).toContain('Skifte sluk og membran på badet');
    await page.locator('[data-testid="report-signatures"] [data-testid="signature-image"]').first().waitFor();
    await expectNoAxeViolations(page, 'dwelling report after completion');
    await shot('report-tablet');
    // Headless Chromium has no Web Share: "Del" opens the print dialogue instead, and says so.
    expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
    await page.evaluate(() => addEventListener('beforeprint', () => document.body.setAttribute('data-printed', 'yes'), { once: true }));
    await page.locator('[data-testid="share-report"]').click();
    await page.locator('[data-testid="share-status"]', { hasText: 'utskriftsvinduet ble åpnet' }).waitFor();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');

    // The planned inspection of the dwelling now counts as done this week.
    await open('/my-inspections');
    await page.locator('[data-testid="mine-doneThisWeek"] [data-testid="plan-row"]', { hasText: target.dwelling.address }).waitFor();
    expect(await page.locator('[data-testid="mine-due"]').textContent()).not.toContain(target.dwelling.address);
  });

  it('proposes an action for a red risk, and takes the tenant\'s signature too', async () => {
    await startChecklist(TEMPLATE_IDS.riskAssessment);
    const fire = page.locator('.cl-item[data-item="risk.fire"]');
    await fire.locator('label.cl-risk-cell:has(input[value="4x3"])').click();
    await saved();
    await byId('item-risk.fire-measure').fill('Sette opp komfyrvakt over platetoppen');
    await byId('item-risk.fire-measure').press('Tab');
    await saved();
    await byId('item-risk.fire-owner').fill('Bygg og eiendom');
    await byId('item-risk.fire-owner').press('Tab');
    await saved();
    await byId('item-risk.fire-deadline').fill('2027-03-01');
    await saved();
    await byId('item-risk.fire-l-after').selectOption('2');
    await saved();
    await byId('item-risk.fire-c-after').selectOption('3');
    await saved();

    await openConfirmation(TEMPLATE_IDS.riskAssessment);
    const proposal = page.locator('.ac-proposal[data-key="risk.fire"]');
    expect(await proposal.getAttribute('data-severity')).toBe('red');
    expect(await proposal.locator('input[type="text"]').inputValue()).toBe('Sette opp komfyrvakt over platetoppen');
    expect(await proposal.locator('input[type="date"]').inputValue()).toBe('2027-03-01');
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'proposed actions and signatures (phone)');
    await page.setViewportSize(TABLET);
    await page.locator('#sign-tenant-name').fill('Leie Taker');
    await drawSignatureIn(page, '[data-testid="sign-tenant"]');
    await signAndLock(page, { back: false });
    const risk = page.locator(`.report-checklist:has([id="report-${TEMPLATE_IDS.riskAssessment}"]) [data-testid="report-signatures"] figcaption`);
    expect(await risk.allTextContents()).toEqual([expect.stringContaining('Inspektør: Ivar Inspektør'), expect.stringContaining('Leietaker: Leie Taker')]);

    // The dwelling's page lists both; the open TG3 and red actions are part of the verdict's reasons.
    await open(`/dwellings/${target.id}`);
    // Besides these two, findings taken over from the last checklists (TG2, yellow risks) may have proposed others.
    const rows = page.locator('[data-testid="dwelling-actions"] [data-testid="action-row"]');
    await rows.filter({ hasText: 'Skifte sluk og membran på badet' }).waitFor();
    expect(await rows.filter({ hasText: 'Sette opp komfyrvakt over platetoppen' }).getAttribute('data-severity')).toBe('red');
    const reason = (await page.locator('.verdict li[data-rule="gate.openActions"]').textContent()) ?? '';
    expect(reason).toMatch(/\d+ åpne tiltak/);
    expect(reason).toContain('Skifte sluk og membran på badet');
    await expectNoAxeViolations(page, 'dwelling page with actions (tablet)');
    await top(page.locator('[data-testid="dwelling-actions"]'));
    await shot('actions-tablet');
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'dwelling page with actions (phone)');
    await top(page.locator('[data-testid="dwelling-actions"]'));
    await shot('actions-phone');
    await open(`/reports/dwellings/${target.id}`);
    await page.locator('[data-testid="report-actions"]').waitFor();
    await expectNoAxeViolations(page, 'dwelling report (phone)');
    await shot('report-phone');
    await page.setViewportSize(TABLET);
  });

  it('shows the actions to the owning unit, which closes one with a note', async () => {
    // The demo counsellor works for Bygg og eiendom.
    await switchUser('boveileder');
    await open('/tasks');
    const row = page.locator('[data-testid="task-row"]', { hasText: 'Skifte sluk og membran på badet' });
    await row.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="task-row"]', { hasText: 'Sette opp komfyrvakt over platetoppen' }).count()).toBe(1);
    await row.locator('button', { hasText: 'Utført' }).click();
    const form = page.locator('[data-testid="close-action-form"]');
    await form.locator('textarea').fill('Nytt sluk og ny membran lagt');
    await expectNoAxeViolations(page, 'closing an action');
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'closing an action (phone)');
    await page.setViewportSize(TABLET);
    await form.locator('button[type="submit"]').click();
    // Closed, it leaves the list of open tasks.
    await page.locator('[data-testid="task-row"]', { hasText: 'Skifte sluk og membran på badet' }).waitFor({ state: 'detached' });
  });

  it('asks "utbedret?" at the next inspection; closing the last open action lifts "not suitable"', async () => {
    await switchUser('inspektor');
    await open(`/dwellings/${target.id}`);
    await expect.poll(() => page.locator('[data-testid="action-row"][data-status="done"]').count(), { timeout: 30_000 }).toBe(1);
    await context.setOffline(true);
    await startChecklist(TEMPLATE_IDS.dwellingInspection);
    const check = page.locator('[data-testid="fixed-check"]');
    await check.waitFor();
    expect(await check.locator('[data-testid="fixed-row"][data-status="done"]').textContent()).toContain('Nytt sluk og ny membran lagt');
    await page.locator('.cl-section-link', { hasText: 'Tilstandsgrader' }).click();
    await page.locator('.cl-item[data-item="condition.wetRooms"] label.cl-grade[data-grade="TG1"]').click();
    await saved();
    // The bathroom is put right, but the open red-risk action still keeps the dwelling unsuitable.
    const verdict = page.locator('[data-testid="verdict"]');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('notSuitable');
    expect(await page.locator('.verdict li[data-rule="gate.openActions"]').textContent()).toContain('Sette opp komfyrvakt over platetoppen');
    await expectNoAxeViolations(page, '"utbedret?" on the next inspection');
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, '"utbedret?" on the next inspection (phone)');
    await page.setViewportSize(TABLET);
    await check.getByRole('button', { name: 'Ja, utbedret: Sette opp komfyrvakt over platetoppen' }).click();
    await expect.poll(() => verdict.getAttribute('data-verdict')).not.toBe('notSuitable');
    expect(await page.locator('.verdict li[data-rule="gate.openActions"]').count()).toBe(0);
    expect(await check.locator('[data-testid="fixed-row"][data-status="done"]', { hasText: 'Sette opp komfyrvakt over platetoppen' }).textContent()).toContain('Utbedret, sett ved befaring');
  });
});
