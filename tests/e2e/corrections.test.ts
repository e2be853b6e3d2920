// Correcting and removing in Chromium at phone size: a counsellor edits a task, removes one and undoes it, removes
// another and lets it go, on /tasks and on a household page; the intake team corrects an allocation and removes
// another, and after sync the server's figures (GET /api/figures) change with the device's. axe-core on every changed
// screen, with the form and toast open.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/core/figures/computeFigures';
import { PHONE, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { firstSync, syncNow } from './sync-pages';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The server's task records with this title: how many are live and how many deleted. */
function serverTasks(title: string): { live: Record<string, unknown>[]; deleted: number } {
  const db = new Database(join(server.dataDir, 'egnet.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare("SELECT data, deleted FROM records WHERE entity = 'task' AND json_extract(data, '$.title') = ?")
      .all(title) as { data: string; deleted: 0 | 1 }[];
    return { live: rows.filter((r) => !r.deleted).map((r) => JSON.parse(r.data) as Record<string, unknown>), deleted: rows.filter((r) => r.deleted).length };
  } finally {
    db.close();
  }
}

const activeLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
const toast = (page: Page) => page.locator('[data-testid="undo-toast"]');

describe('tasks: correct, remove, undo', () => {
  let page: Page;
  const row = (title: string) => page.locator('[data-testid="task-row"]', { has: page.locator(`span:text-is("${title}")`) });

  it('a counsellor corrects a task through the same form, with errors next to the field', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    page = await context.newPage();
    await login(page, server.url, 'boveileder');
    await page.goto(`${server.url}/tasks`);
    await firstSync(page);
    for (const title of ['Søke om startlån', 'Ringe skolen', 'Bestille tolk']) {
      await page.locator('#new-task-title').fill(title);
      await page.getByRole('button', { name: 'Legg til oppgave' }).click();
      await page.locator('.tk-form [role="status"]', { hasText: `«${title}» er lagret` }).waitFor();
    }
    await page.locator('label', { hasText: 'Alle' }).click();

    await row('Søke om startlån').getByRole('button', { name: 'Endre oppgaven «Søke om startlån»' }).click();
    const form = page.getByRole('form', { name: 'Endre oppgaven «Søke om startlån»' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^edit-.*-title$/);
    await form.locator('input[type="text"]').fill('  ');
    await form.getByRole('button', { name: 'Lagre endringene' }).click();
    const titleError = form.locator('[id$="-title-error"]');
    expect(await titleError.textContent()).toBeTruthy();
    expect(await form.locator('input[type="text"]').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'task edit form with an error');

    await form.locator('input[type="text"]').fill('Søke om startlån hos Husbanken');
    await form.locator('select').first().selectOption('refugeeUnit');
    await form.locator('input[type="date"]').fill('2030-01-15');
    await form.getByLabel('Utført').check();
    await form.getByRole('button', { name: 'Lagre endringene' }).click();
    const edited = row('Søke om startlån hos Husbanken');
    await edited.locator('[role="status"]', { hasText: 'Endringene i «Søke om startlån hos Husbanken» er lagret.' }).waitFor();
    expect(await edited.textContent()).toContain('Flyktningeenheten');
    expect(await edited.locator('.ds-tag').allTextContents()).toContain('Utført');
    await expect.poll(() => activeLabel(page)).toBe('Endre oppgaven «Søke om startlån hos Husbanken»');
  });

  it('removes a task by keyboard and brings it back with Angre', async () => {
    await row('Ringe skolen').getByRole('button', { name: 'Fjern oppgaven «Ringe skolen»' }).focus();
    await page.keyboard.press('Enter');
    await toast(page).locator('[role="status"]', { hasText: 'Oppgaven «Ringe skolen» er fjernet.' }).waitFor();
    expect(await row('Ringe skolen').count()).toBe(0);
    // The button that was used is gone, so focus is on the undo; the time stands still while it is there.
    await expect.poll(() => activeLabel(page)).toBe('Angre: hent tilbake «Ringe skolen»');
    await expectNoAxeViolations(page, 'tasks with the undo toast');
    await page.waitForTimeout(11_000);
    expect(await toast(page).getAttribute('data-open')).toBe('true');
    await page.keyboard.press('Enter');
    await toast(page).locator('[role="status"]', { hasText: 'Oppgaven «Ringe skolen» er hentet tilbake.' }).waitFor();
    await row('Ringe skolen').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tasks-title');
  });

  it('removes another and lets it go; after sync the server has the same, also after a reload', async () => {
    await row('Bestille tolk').getByRole('button', { name: 'Fjern oppgaven «Bestille tolk»' }).click();
    await page.mouse.move(0, 0);
    await toast(page).locator('[role="status"]', { hasText: 'Oppgaven «Bestille tolk» er fjernet.' }).waitFor();
    expect(await toast(page).getByRole('button', { name: 'Angre: hent tilbake «Bestille tolk»' }).count()).toBe(1);
    await expect.poll(() => toast(page).getAttribute('data-open'), { timeout: 15_000 }).toBe(null);
    expect(await toast(page).getByRole('button').count()).toBe(0);
    expect(await row('Bestille tolk').count()).toBe(0);

    await syncNow(page);
    const edited = serverTasks('Søke om startlån hos Husbanken');
    expect(edited.live).toHaveLength(1);
    expect(edited.live[0]).toMatchObject({ ownerUnit: 'refugeeUnit', dueDate: '2030-01-15', status: 'done' });
    expect(edited.live[0]!.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(serverTasks('Søke om startlån').live).toHaveLength(0);
    expect(serverTasks('Ringe skolen').live).toHaveLength(1);
    expect(serverTasks('Bestille tolk')).toEqual({ live: [], deleted: 1 });

    await page.reload();
    await page.locator('label', { hasText: 'Alle' }).click();
    await row('Ringe skolen').waitFor();
    expect(await row('Bestille tolk').count()).toBe(0);
    expect(await row('Søke om startlån hos Husbanken').count()).toBe(1);
    await page.context().close();
  });
});

describe('tasks on a household page: the same row, form and undo as on /tasks', () => {
  it('a counsellor corrects one task and removes another with Angre there, with the form and toast open at once', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await login(page, server.url, 'boveileder');
      await page.goto(`${server.url}/tasks`);
      await firstSync(page);
      for (const title of ['Avklare skolevei', 'Søke om SFO-plass']) {
        await page.locator('#new-task-title').fill(title);
        await page.locator('#new-task-householdId').selectOption({ label: 'Familie Bjørk' });
        await page.getByRole('button', { name: 'Legg til oppgave' }).click();
        await page.locator('.tk-form [role="status"]', { hasText: `«${title}» er lagret` }).waitFor();
      }
      await page.goto(`${server.url}/households`);
      await page.getByRole('link', { name: 'Familie Bjørk', exact: true }).click();
      await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
      const householdId = page.url().split('/').at(-1)!;
      const list = page.locator('[data-testid="household-tasks"]');
      const row = (title: string) => list.locator('[data-testid="task-row"]', { has: page.locator(`span:text-is("${title}")`) });
      await row('Avklare skolevei').waitFor();

      // Removed by keyboard: focus moves to Angre, and the pointer resting on the toast keeps its clock still.
      await row('Søke om SFO-plass').getByRole('button', { name: 'Fjern oppgaven «Søke om SFO-plass»' }).focus();
      await page.keyboard.press('Enter');
      await toast(page).locator('[role="status"]', { hasText: 'Oppgaven «Søke om SFO-plass» er fjernet.' }).waitFor();
      expect(await row('Søke om SFO-plass').count()).toBe(0);
      await expect.poll(() => activeLabel(page)).toBe('Angre: hent tilbake «Søke om SFO-plass»');
      await toast(page).hover();

      // The correction form opens in the row, by keyboard, while the undo is still offered.
      await row('Avklare skolevei').getByRole('button', { name: 'Endre oppgaven «Avklare skolevei»' }).focus();
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: 'Endre oppgaven «Avklare skolevei»' });
      await form.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^edit-.*-title$/);
      await expectNoAxeViolations(page, 'household page with a task edit form and the undo toast');
      expect(await toast(page).getAttribute('data-open')).toBe('true');
      await form.locator('input[type="date"]').fill('2030-02-01');
      await form.locator('input[type="text"]').fill('Avklare skolevei med skolen');
      await page.keyboard.press('Enter');
      await row('Avklare skolevei med skolen').locator('[role="status"]', { hasText: 'Endringene i «Avklare skolevei med skolen» er lagret.' }).waitFor();
      await expect.poll(() => activeLabel(page)).toBe('Endre oppgaven «Avklare skolevei med skolen»');

      await toast(page).getByRole('button', { name: 'Angre: hent tilbake «Søke om SFO-plass»' }).focus();
      await page.keyboard.press('Enter');
      await toast(page).locator('[role="status"]', { hasText: 'Oppgaven «Søke om SFO-plass» er hentet tilbake.' }).waitFor();
      await row('Søke om SFO-plass').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tasks-title');

      await syncNow(page);
      const edited = serverTasks('Avklare skolevei med skolen');
      expect(edited.live).toHaveLength(1);
      expect(edited.live[0]).toMatchObject({ householdId, dueDate: '2030-02-01', status: 'open' });
      expect(serverTasks('Avklare skolevei').live).toHaveLength(0);
      const restored = serverTasks('Søke om SFO-plass');
      expect(restored.live).toHaveLength(1);
      expect(restored.live[0]).toMatchObject({ householdId });
    } finally {
      await context.close();
    }
  });
});

describe('allocations: correct and remove, and the figures follow', () => {
  it('corrects one and removes another; the device’s figures change at once and the server’s after sync', async () => {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'inntak', password: 'demo' }),
    });
    const token = ((await res.json()) as { token: string }).token;
    const serverFigures = async (): Promise<Figures> =>
      (await (await fetch(`${server.url}/api/figures`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Figures;
    const before = (await serverFigures()).allocationsByYear;
    expect(before['2018']!.share).toBe(0.72);
    expect(before['2019']!.share).toBe(0.68);

    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await login(page, server.url, 'inntak');
    await page.goto(`${server.url}/allocations`);
    await firstSync(page);
    const rows = page.locator('[data-testid="allocation-row"]');
    await rows.first().waitFor();
    expect(await page.locator('[data-testid="total-2019"]').textContent()).toBe(String(before['2019']!.total));

    // The 2019 allocations, newest first; the Melhus report's figure is 68 % to families with children.
    const showAll = page.getByRole('button', { name: /^Vis alle/ });
    if (await showAll.count()) await showAll.click();
    const of2019 = page.locator('[data-testid="allocation-row"]', { hasText: /^\d{1,2}\. \S+ 2019 –/ });
    expect(await of2019.count()).toBe(before['2019']!.total);

    // Correct the newest of 2019: the household's children turn the other way.
    const first = of2019.first();
    const firstText = (await first.textContent())!;
    const firstHadChildren = firstText.includes('Barnefamilie');
    const correct = first.getByRole('button', { name: /^Rett tildelingen \d{1,2}\. \S+ 2019/ });
    const correctName = (await correct.getAttribute('aria-label'))!;
    await correct.click();
    const form = page.getByRole('form', { name: 'Rett tildelingen' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^correct-.*-dwellingId$/);
    // A fixed lease without years is refused next to the field.
    await form.locator('input[name="leaseType"][value="fixed"]').check();
    await form.locator('[id$="-leaseYears"]').fill('');
    await form.getByRole('button', { name: 'Lagre rettelsen' }).click();
    expect(await form.locator('[id$="-leaseYears-error"]').textContent()).toContain('Oppgi antall år');
    await expectNoAxeViolations(page, 'allocation correction with an error');
    await form.locator('[id$="-leaseYears"]').fill('5');
    await form.locator('input[name="hasChildren"]').nth(firstHadChildren ? 1 : 0).check();
    if (!firstHadChildren) await form.locator('[id$="-childrenCount"]').fill('2');
    await form.getByRole('button', { name: 'Lagre rettelsen' }).click();
    await page.locator('[data-testid="allocation-row"] [role="status"]', { hasText: 'Rettelsen er lagret' }).waitFor();
    await expect.poll(() => activeLabel(page)).toBe(correctName);

    // Remove the second by keyboard and let it go with Escape.
    const second = of2019.nth(1);
    const secondHadChildren = ((await second.textContent()) ?? '').includes('Barnefamilie');
    const remove = second.getByRole('button', { name: /^Fjern tildelingen \d{1,2}\. \S+ 2019/ });
    const removedName = ((await remove.getAttribute('aria-label'))!).replace(/^Fjern /, '');
    await remove.focus();
    await page.keyboard.press('Enter');
    await toast(page).locator('[role="status"]', { hasText: `Fjernet ${removedName}.` }).waitFor();
    await expectNoAxeViolations(page, 'allocations with the undo toast');
    await page.keyboard.press('Escape');
    expect(await toast(page).getAttribute('data-open')).toBe(null);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Registrerte tildelinger');

    const total = before['2019']!.total - 1;
    const withChildren = before['2019']!.withChildren + (firstHadChildren ? -1 : 1) - (secondHadChildren ? 1 : 0);
    await expect.poll(() => page.locator('[data-testid="total-2019"]').textContent()).toBe(String(total));

    await syncNow(page);
    const after = (await serverFigures()).allocationsByYear;
    expect(after['2019']).toMatchObject({ total, withChildren });
    expect(after['2018']).toEqual(before['2018']);
    const shown = ((await page.locator('[data-testid="share-2019"]').textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(shown).toBe(`${Math.round(after['2019']!.share * 100)} %`);
    await context.close();
  });
});
