// A full dwelling inspection offline in Chromium, from first sync to the server: draft survives a reload, errors link
// to their items, completion shows the verdict and reasons, a completed checklist changes only by a revision.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryView } from '../../src/core/checklist/formula';
import { isShown } from '../../src/core/checklist/isShown';
import { answersIn } from '../../src/core/checklist/openInTemplate';
import type { Answer, Answers, RepeatItem } from '../../src/core/checklist/template';
import { latestTemplate, startTemplate, TEMPLATE_IDS } from '../../src/core/checklist/templates';
import { generateDemoData } from '../../src/core/demo/generate';
import { assessDwelling, latestCompleted } from '../../src/core/rules/assessDwelling';
import { VERDICT_LABELS } from '../../src/core/rules/verdict';
import type { Dwelling } from '../../src/core/schemas/dwelling';
import type { Inspection } from '../../src/core/schemas/inspection';
import { TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';
import { signAndLock } from './sign-and-lock';

const PHOTO = fileURLToPath(new URL('../fixtures/gps-photo.jpg', import.meta.url));
const template = startTemplate(TEMPLATE_IDS.dwellingInspection)!;
const lastTitle = template.sections.at(-1)!.title.nb;
const ROOMS = 'rooms.list';
const roomList = template.sections.flatMap((s) => s.items).find((i): i is RepeatItem => i.id === ROOMS && i.kind === 'repeat')!;

// The demo dwelling to inspect: not suitable only because its radon reading is over the limit (found with the
// same generator and rules the server and app use, so the test does not depend on one address).
const demo = generateDemoData().records;
const candidates = demo
  .filter((r) => r.entity === 'dwelling')
  .map((d) => ({ id: d.id, dwelling: d.data as Dwelling, own: demo.filter((r) => r.entity === 'inspection' && r.data.dwellingId === d.id).map((r) => r.data as Inspection) }))
  .filter((c) => {
    const failed = assessDwelling(c.dwelling, c.own).rules.filter((r) => r.status === 'failed');
    return failed.length === 1 && failed[0]!.ruleId === 'gate.radon';
  });
const target = candidates[0]!;

/** The answer a careful inspector gives on a sound dwelling, by item; null leaves the item alone. */
function goodAnswer(itemId: string, kind: string): Answer['value'] | 'photo' | null {
  const exact: Record<string, Answer['value']> = {
    'escape.exitByStairs': false,
    'condition.hasBalcony': false,
    'fire.smokeDetectorsCount': 3,
    'fire.extinguisherType': 'powder6kg',
    'fire.extinguisherCheckedDate': '2026-10-01',
    'radon.bqm3': 80,
    'radon.measuredDate': '2026-03-01',
    'childSafety.windowLocks': 'yes',
    'childSafety.pramAccess': 'stepFree',
    'outdoor.notes': 'Plen bak huset.',
    'summary.notes': 'Befaring uten merknader.',
  };
  if (itemId in exact) return exact[itemId]!;
  // An item of a room entry (`rooms.list.b1.lengthM`): measures of a sound room of 3,5 × 3 m; its name, type and
  // photos are left as they are.
  const inRoom = /^rooms\.list\.[a-z0-9]+\.(\w+)$/.exec(itemId)?.[1];
  const perRoom: Record<string, Answer['value']> = {
    lengthM: 3.5,
    widthM: 3,
    ceilingHeightM: 2.5,
    openableWindow: true,
    windowType: 'wall',
    windowWidthM: 0.6,
    windowHeightM: 1,
    sillHeightM: 0.8,
    dropToGroundM: 2,
    smokeDetector: true,
    grade: 'TG1',
  };
  if (inRoom) return perRoom[inRoom] ?? null;
  if (kind === 'yesNo') return true;
  if (kind === 'grade') return 'TG1';
  if (kind === 'photos') return 'photo';
  return null;
}

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let inspectionId = '';
let revisionId = '';

const byId = (id: string) => page.locator(`[id="${id}"]`);
/** The link to a section by its exact title ("Rom" is not "Rømning"). */
const sectionLink = (title: string) => page.locator('.cl-section-link', { has: page.locator('.cl-section-name', { hasText: new RegExp(`^${title}$`) }) });
/** Waits until no answer is on its way to the device store ("Lagrer …" gone). */
const saved = () => expect.poll(() => page.locator('[data-testid="save-status"]').getAttribute('data-state')).not.toBe('saving');

/** Answers one item through its control, as a person would (numbers typed with a decimal comma). */
async function answer(itemId: string, kind: string): Promise<void> {
  const value = goodAnswer(itemId, kind);
  if (value === null) return;
  const box = page.locator(`.cl-section .cl-item[data-item="${itemId}"]`);
  if (value === 'photo') {
    await box.locator('input[type=file][capture=environment]').setInputFiles(PHOTO);
    await box.locator('img.ph-img').waitFor();
  } else if (kind === 'grade') {
    await box.locator(`label.cl-grade[data-grade="${String(value)}"]`).click();
  } else if (kind === 'yesNo' || kind === 'choice') {
    await box.locator(`input[type=radio][value="${String(value)}"]`).check();
  } else if (kind === 'number') {
    await byId(`item-${itemId}`).fill(String(value).replace('.', ','));
    await byId(`item-${itemId}`).press('Tab');
  } else {
    await byId(`item-${itemId}`).fill(String(value));
    await byId(`item-${itemId}`).press('Tab');
  }
}

/** Answers every item shown in `scope`, including those that appear as answers come in; a room list entry by entry. */
async function fillItems(scope: string, done: Set<string>): Promise<void> {
  for (;;) {
    const items = await page.locator(`${scope} .cl-item[data-item]`).evaluateAll((els) =>
      els.map((e) => ({ id: (e as HTMLElement).dataset.item!, kind: (e as HTMLElement).dataset.kind! })),
    );
    const next = items.find((i) => !done.has(i.id));
    if (!next) return;
    done.add(next.id);
    if (next.kind === 'repeat') {
      await fillEntries(next.id, done);
      continue;
    }
    await answer(next.id, next.kind);
    // Items that depend on this answer appear once it is saved on the device.
    await saved();
  }
}

/** Opens each entry of a repeat group in turn and answers what it shows. */
async function fillEntries(repeatId: string, done: Set<string>): Promise<void> {
  const list = `[data-testid="entries-${repeatId}"]`;
  const ids = await page.locator(`${list} > li[data-entry]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entry!));
  for (const entryId of ids) {
    const scope = `${list} > li[data-entry="${entryId}"]`;
    if ((await page.locator(scope).getAttribute('data-open')) !== 'true') await page.locator(`${scope} > .cl-entry-summary`).click();
    await page.locator(`${scope} .cl-entry-body`).waitFor();
    await fillItems(scope, done);
  }
}

/** Answers every item the open section shows. */
async function fillSection(): Promise<void> {
  await fillItems('.cl-section', new Set());
}

/** Opens a room entry of the open section, if it is not open already. */
async function openRoom(entryId: string): Promise<void> {
  const entry = page.locator(`[data-testid="entries-${ROOMS}"] > li[data-entry="${entryId}"]`);
  if ((await entry.getAttribute('data-open')) !== 'true') await entry.locator('> .cl-entry-summary').click();
  await byId(`item-${ROOMS}.${entryId}.ceilingHeightM`).waitFor();
}

async function sectionTitle(): Promise<string> {
  return (await page.locator('#checklist-section-title').textContent()) ?? '';
}

beforeAll(async () => {
  expect(target, 'a demo dwelling failing only on radon').toBeDefined();
  server = await startServer({ demo: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: TABLET });
  page = await context.newPage();
  await login(page, server.url, 'inspektor');
  await page.goto(`${server.url}/dwellings`);
  // First sync: the registry fills from the server, and the service worker takes control for offline reloads.
  await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await context.setOffline(true);
  // Requests the service worker makes itself are not cut by setOffline; stop those too.
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('dwelling inspection, offline', () => {
  it('finds the demo dwelling by address and sees why it is not suitable', async () => {
    await page.fill('#registry-search', target.dwelling.address);
    await page.locator('.reg-link', { hasText: target.dwelling.address }).click();
    await page.waitForURL(`**/dwellings/${target.id}`);
    await expect.poll(() => page.locator('[data-testid="verdict"]').getAttribute('data-verdict')).toBe('notSuitable');
    expect(await page.locator('.verdict li[data-rule="gate.radon"]').getAttribute('data-status')).toBe('failed');
  });

  it('starts from the last completed inspection; "Fullfør" only ends the last section, and the error summary links move focus to the item', async () => {
    await page.locator(`[data-testid="start-${TEMPLATE_IDS.dwellingInspection}"]`).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    inspectionId = page.url().split('/').pop()!;
    // Copied from last time, in the version new checklists get (the room list), even when last time was filled in
    // version 1 (bedroom slots): nothing changed yet.
    expect(await page.locator('[data-testid="changes-since-last"] summary').textContent()).toContain('Ingen endringer siden sist');
    await sectionLink('Rom').click();
    const names = await page.locator(`[data-testid="entries-${ROOMS}"] .cl-entry-name`).allTextContents();
    expect(names.slice(0, target.dwelling.approvedBedrooms)).toEqual(Array.from({ length: target.dwelling.approvedBedrooms }, (_, i) => `${i + 1}. Soverom ${i + 1}`));

    // What version 2 asks beyond version 1 (each room's length, width, smoke detector and grade; a photo of a TG2
    // grade, here graded anew) is answered first, so the one gap made below is the only one.
    for (const title of ['Rom', 'Tilstandsgrader']) {
      await sectionLink(title).click();
      await fillSection();
    }

    // Clear a required answer in one section, then complete from another: the summary must switch section.
    await sectionLink('Rom').click();
    await openRoom('b1');
    await byId(`item-${ROOMS}.b1.ceilingHeightM`).fill('');
    await byId(`item-${ROOMS}.b1.ceilingHeightM`).press('Tab');
    await expect.poll(() => page.locator('[data-testid="save-status"]').textContent()).toBe('Lagret på enheten');
    // No "Fullfør" on a section before the last: one tap there must not lock the checklist.
    for (const section of template.sections.slice(0, -1)) {
      await sectionLink(section.title.nb).click();
      await expect.poll(sectionTitle).toBe(section.title.nb);
      expect(await page.getByRole('button', { name: 'Fullfør' }).count(), section.title.nb).toBe(0);
    }
    await sectionLink(lastTitle).click();
    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    const summary = page.locator('[data-testid="error-summary"]');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    // The summary offers "Fullfør" again, for when the list is fixed; no question comes while something is wrong.
    await summary.locator('button', { hasText: 'Fullfør' }).click();
    expect(await page.locator('[data-testid="complete-confirm"]').isVisible()).toBe(false);
    expect(await summary.locator('a').allTextContents()).toEqual(['Rom 1 (Soverom 1) – Takhøyde: Mangler svar']);
    // The link opens the section and the room, and puts focus in the field.
    await summary.locator('a', { hasText: 'Rom 1 (Soverom 1) – Takhøyde' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`item-${ROOMS}.b1.ceilingHeightM`);
    expect(await sectionTitle()).toBe('Rom');
    expect(await page.locator(`[id="item-${ROOMS}.b1.ceilingHeightM-error"]`).textContent()).toBe('Mangler svar');

    // Fixed: the summary says so and offers "Fullfør" there, which asks before locking; going back locks nothing.
    await byId(`item-${ROOMS}.b1.ceilingHeightM`).fill('2,5');
    await byId(`item-${ROOMS}.b1.ceilingHeightM`).press('Tab');
    await saved();
    const fixed = page.locator('[data-testid="errors-fixed"]');
    await fixed.waitFor();
    expect(await summary.count()).toBe(0);
    await fixed.locator('button', { hasText: 'Fullfør' }).click();
    const confirm = page.locator('[data-testid="complete-confirm"]');
    await confirm.waitFor();
    await confirm.locator('button', { hasText: 'Gå tilbake' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid="read-only-notice"]').count()).toBe(0);
  });

  it('keeps a radon level below zero as typed text only: not a value, not counted by the verdict, still there after a reload', async () => {
    await sectionLink('Radon').click();
    await page.locator('.cl-item[data-item="radon.documented"] label', { hasText: 'Ja' }).click();
    await saved();
    await byId('item-radon.bqm3').fill('−5');
    await byId('item-radon.bqm3').press('Tab');
    await saved();
    expect(await page.locator('[id="item-radon.bqm3-error"]').textContent()).toContain('0');
    const radon = page.locator('.verdict li[data-rule="gate.radon"]');
    await expect.poll(() => radon.getAttribute('data-status')).toBe('missing');
    expect(await radon.textContent()).toContain('ugyldig svar');
    expect(await radon.textContent()).not.toContain('innenfor grensen');
    // What waits to be synced holds the text as typed and no value.
    const queued = await page.evaluate(
      (id) =>
        new Promise<unknown[]>((resolve) => {
          const open = indexedDB.open('egnet');
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => {
              const ops = (all.result as { id: string; set?: Record<string, unknown> }[]).filter((o) => o.id === id && o.set);
              resolve(ops.map((o) => o.set!['answers.radon.bqm3'] ?? (o.set!.answers as Record<string, unknown> | undefined)?.['radon.bqm3']).filter((x) => x !== undefined));
            };
          };
        }),
      inspectionId,
    );
    expect(queued.at(-1)).toEqual({ typed: '−5' });
    await page.reload();
    await page.locator('#checklist-section-title').waitFor();
    expect(await sectionTitle()).toBe('Radon');
    expect(await byId('item-radon.bqm3').inputValue()).toBe('−5');
    await page.locator('[id="item-radon.bqm3-error"]').waitFor();
    await expect.poll(() => radon.getAttribute('data-status')).toBe('missing');
  });

  it('takes every answer, keeps the draft through a reload half-way, and completes with the new verdict', async () => {
    await page.locator('.cl-section-link').first().click();
    for (let i = 0; i < template.sections.length; i++) {
      await fillSection();
      if (template.sections[i]!.id === 'radon') {
        // Half-way: reload (offline, served by the service worker) and find the draft as it was left.
        await saved();
        await page.reload();
        await page.locator('#checklist-section-title').waitFor();
        expect(await sectionTitle()).toBe('Radon');
        expect(await byId('item-radon.bqm3').inputValue()).toBe('80');
        expect(await page.locator('[data-testid="changes-since-last"] summary').textContent()).toMatch(/Endret siden sist .*: [1-9]/);
      }
      if (i < template.sections.length - 1) await page.locator('.cl-paging button', { hasText: 'Neste del' }).click();
    }
    await saved();

    // What the rules should say, computed from the same answers: last time's, read in version 2, with the good ones.
    const prev = latestCompleted(target.own).get(template.id)!.inspection;
    const answers: Answers = structuredClone(answersIn(prev, template));
    for (const section of template.sections) {
      for (const item of section.items) {
        const v = goodAnswer(item.id, item.kind);
        if (v !== null && v !== 'photo' && isShown(item, answers, template)) answers[item.id] = { ...answers[item.id], value: v };
      }
    }
    for (const entry of answers[ROOMS]?.entries ?? []) {
      for (const sub of roomList.items) {
        const v = goodAnswer(`${ROOMS}.${entry.id}.${sub.id}`, sub.kind);
        if (v !== null && v !== 'photo' && isShown(sub, entryView(roomList, entry))) entry.answers[sub.id] = { ...entry.answers[sub.id], value: v };
      }
    }
    const expected = assessDwelling(target.dwelling, [...target.own.filter((i) => i.templateId !== template.id), { ...prev, templateVersion: template.version, answers, completedAt: '2099-01-01T00:00:00Z' }]);
    expect(expected.verdict).not.toBe('notSuitable');
    await expect.poll(() => page.locator('[data-testid="verdict"]').getAttribute('data-verdict')).toBe(expected.verdict);

    // "Fullfør" asks first and shows what will be locked; going back locks nothing.
    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    const confirm = page.locator('[data-testid="complete-confirm"]');
    await confirm.waitFor();
    expect(await confirm.getAttribute('open')).not.toBeNull();
    const text = (await confirm.textContent()) ?? '';
    expect(text).toContain(`Boligbefaring: ${target.dwelling.address}`);
    expect(text).toMatch(/\d+ svar på \d+ spørsmål i \d+ deler/);
    expect(text).toContain(`Vurderingen av boligen blir: ${VERDICT_LABELS[expected.verdict].nb}`);
    expect(text).toContain('Etter dette kan ingen svar endres');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå tilbake');
    await expectNoAxeViolations(page, 'confirmation before completing');
    await confirm.locator('button', { hasText: 'Gå tilbake' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid="read-only-notice"]').count()).toBe(0);
    // Still editable: the last section (Avvik) offers to add a deviation.
    expect(await page.locator('.cl-section input, .cl-section [data-testid="add-deviations.list"]').count()).toBeGreaterThan(0);

    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    // Locking without the inspector's signature is refused, in words.
    await confirm.locator('button', { hasText: 'Fullfør og lås' }).click();
    expect(await confirm.locator('[data-testid="complete-confirm-error"]').textContent()).toContain('Inspektøren må signere');
    await signAndLock(page);
    expect(await confirm.isVisible()).toBe(false);
    expect(await page.locator('[data-testid="verdict"] .verdict-label').textContent()).toBe(VERDICT_LABELS[expected.verdict].nb);
    expect(await page.locator('.verdict li[data-rule="gate.radon"]').getAttribute('data-status')).toBe('passed');
    expect(await page.locator('.verdict li[data-rule="gate.radon"]').textContent()).toContain('80');
    expect(await page.locator('[data-testid="completed-at"]').textContent()).toContain('Ivar Inspektør');
  });

  it('lets a completed checklist change only through a new revision, keeping the old one in the history', async () => {
    // Read-only: no inputs in any section, and the radon answer is text.
    for (const title of ['Radon', 'Rom', 'Bilder og oppsummering', 'Avvik']) {
      await sectionLink(title).click();
      expect(await page.locator('.cl-section input, .cl-section textarea, .cl-section select, .cl-section [data-testid^="add-"]').count(), title).toBe(0);
    }
    await sectionLink('Radon').click();
    expect(await page.locator('.cl-item[data-item="radon.bqm3"] .cl-value').textContent()).toBe('80 Bq/m³');

    await page.locator('button', { hasText: 'Rett (ny revisjon)' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(inspectionId) && url.pathname.startsWith('/inspections/'));
    revisionId = page.url().split('/').pop()!;
    await sectionLink('Radon').click();
    expect(await byId('item-radon.bqm3').inputValue()).toBe('80');
    await byId('item-radon.bqm3').fill('95');
    await byId('item-radon.bqm3').press('Tab');
    await saved();
    await sectionLink(lastTitle).click();
    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    await signAndLock(page);

    await page.goto(`${server.url}/inspections/${inspectionId}`);
    await expect.poll(() => page.locator('[data-testid="read-only-notice"]').textContent()).toContain('Erstattet av en nyere revisjon');
    await page.goto(`${server.url}/dwellings/${target.id}`);
    const history = page.locator('[data-testid="history"]');
    await history.waitFor();
    expect(await history.locator(`tr:has(a[href="/inspections/${inspectionId}"])`).getAttribute('data-superseded')).toBe('true');
    expect(await history.locator(`tr:has(a[href="/inspections/${revisionId}"])`).textContent()).toContain('revisjon');
  });

  it('reaches the server with its photo once back online', async () => {
    await context.unroute('**/api/**');
    await context.setOffline(false);
    await expect.poll(() => page.locator('[data-testid="sync-pending"]').getAttribute('data-count'), { timeout: 60_000 }).toBe('0');

    const db = new Database(join(server.dataDir, 'egnet.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = (id: string) => db.prepare("SELECT data FROM records WHERE entity = 'inspection' AND id = ?").get(id) as { data: string } | undefined;
      const first = JSON.parse(row(inspectionId)!.data) as Inspection;
      const second = JSON.parse(row(revisionId)!.data) as Inspection;
      expect(first).toMatchObject({ status: 'completed', dwellingId: target.id });
      expect(first.answers['radon.bqm3']?.value).toBe(80);
      expect(second).toMatchObject({ status: 'completed', revisionOf: inspectionId });
      expect(second.answers['radon.bqm3']?.value).toBe(95);
      const photo = first.answers['summary.photos']?.photos?.[0];
      expect(photo?.mime).toBe('image/jpeg');
      expect(db.prepare('SELECT sha256 FROM blobs WHERE sha256 = ?').get(photo!.sha256)).toBeDefined();
      const file = join(server.dataDir, 'blobs', photo!.sha256);
      expect(existsSync(file)).toBe(true);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(photo!.sha256);
    } finally {
      db.close();
    }
  });
});

describe('serious findings need what they call for before completing', () => {
  /** Goes to the last section and presses "Fullfør" there; returns the error summary. */
  async function completeFromLastSection(title: string) {
    await sectionLink(title).click();
    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    return page.locator('[data-testid="error-summary"]');
  }

  it('asks TG3 for cause, consequence and cost estimate in fields of their own, opened at once; a note does not do', async () => {
    await page.goto(`${server.url}/dwellings/${target.id}`);
    await page.locator(`[data-testid="start-${TEMPLATE_IDS.dwellingInspection}"]`).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await sectionLink('Tilstandsgrader').click();
    const roof = page.locator('.cl-item[data-item="condition.roof"]');
    await roof.locator('label.cl-grade[data-grade="TG3"]').click();
    // The three fields appear with the grade, without opening anything.
    const finding = page.locator('[data-testid="item-condition.roof-finding"]');
    await finding.waitFor();
    expect(await finding.locator('label').allTextContents()).toEqual(['Årsak (må fylles ut)', 'Konsekvens (må fylles ut)', 'Kostnadsoverslag (må fylles ut)']);
    await roof.locator('summary', { hasText: 'Merknad' }).click();
    await byId('item-condition.roof-note').fill('lekkasje');
    await byId('item-condition.roof-note').press('Tab');
    await saved();
    // A TG3 grade needs a photo too (the template's evidence rule); the item says so until it is there.
    expect(await page.locator('[data-testid="evidence-condition.roof"]').textContent()).toContain('bilde');
    await roof.locator('input[type=file][capture=environment]').setInputFiles(PHOTO);
    await roof.locator('img.ph-img').waitFor();
    await saved();
    expect(await page.locator('[data-testid="evidence-condition.roof"]').count()).toBe(0);

    const summary = await completeFromLastSection(lastTitle);
    await summary.waitFor();
    const line = summary.locator('a', { hasText: 'Tak:' });
    expect(await line.textContent()).toBe('Tak: TG3 krever årsak, konsekvens og kostnadsoverslag: fyll inn årsak, konsekvens og kostnadsoverslag');
    await line.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('item-condition.roof-cause');
    expect(await byId('item-condition.roof-cause').getAttribute('aria-invalid')).toBe('true');

    // The three fields typed and left within one moment, before the screen has drawn the first save: each change
    // builds on the one before it, so none is lost (each field's answer was once built on the finding drawn before).
    await page.evaluate(() => {
      const texts: Record<string, string> = { cause: 'Utett beslag rundt pipa', consequence: 'Vann i isolasjonen og råte', costEstimate: '40 000–60 000 kr' };
      const fields = Object.entries(texts).map(([f, text]) => {
        const el = document.getElementById(`item-condition.roof-${f}`) as HTMLInputElement;
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        return el;
      });
      for (const el of fields) el.dispatchEvent(new FocusEvent('blur'));
    });
    await saved();
    // The summary line goes once the saved answers are validated again, which may come a moment after the save.
    await expect.poll(() => line.count()).toBe(0);
    await page.locator('[data-testid="errors-fixed"] button', { hasText: 'Fullfør' }).click();
    await signAndLock(page);

    await sectionLink('Tilstandsgrader').click();
    const shown = page.locator('.cl-item[data-item="condition.roof"]');
    expect(await shown.locator('.cl-value').textContent()).toMatch(/^TG3/);
    expect(await shown.locator('.cl-detail').allTextContents()).toEqual(['Årsak: Utett beslag rundt pipa', 'Konsekvens: Vann i isolasjonen og råte', 'Kostnadsoverslag: 40 000–60 000 kr']);
  });

  it('asks a red risk for a measure, an owner, a deadline and the risk after the measure', async () => {
    await page.goto(`${server.url}/dwellings/${target.id}`);
    await page.locator(`[data-testid="start-${TEMPLATE_IDS.riskAssessment}"]`).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const fire = page.locator('.cl-item[data-item="risk.fire"]');
    await fire.locator('label.cl-risk-cell:has(input[value="4x3"])').click();
    await saved();
    expect(await fire.locator('.cl-risk-needs').textContent()).toBe('Rød risiko: fyll inn tiltak, ansvarlig, frist og risiko etter tiltaket.');
    await byId('item-risk.fire-measure').fill('Følges opp ved neste befaring');
    await byId('item-risk.fire-measure').press('Tab');
    await saved();

    const riskTemplate = latestTemplate(TEMPLATE_IDS.riskAssessment)!;
    const summary = await completeFromLastSection(riskTemplate.sections.at(-1)!.title.nb);
    await summary.waitFor();
    const line = summary.locator('a', { hasText: 'Brann:' });
    expect(await line.textContent()).toBe('Brann: Rød risiko krever tiltak, ansvarlig, frist og risiko etter tiltaket: fyll inn ansvarlig, frist og risiko etter tiltaket');
    await line.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('item-risk.fire-owner');

    await byId('item-risk.fire-owner').fill('Utleier');
    await byId('item-risk.fire-owner').press('Tab');
    await saved();
    await byId('item-risk.fire-deadline').fill('2027-03-01');
    await saved();
    await byId('item-risk.fire-l-after').selectOption('2');
    await saved();
    await expect.poll(() => line.textContent()).toContain('fyll inn risiko etter tiltaket');
    await byId('item-risk.fire-c-after').selectOption('3');
    await saved();
    await expect.poll(() => line.count()).toBe(0);
    await page.locator('[data-testid="errors-fixed"] button', { hasText: 'Fullfør' }).click();
    await signAndLock(page);

    // The completed risk assessment shows the measure, its owner and deadline and the risk after it, not only the score.
    const shown = page.locator('.cl-item[data-item="risk.fire"]');
    expect(await shown.locator('.cl-value').textContent()).toBe('S4 × K3 = 12 (rød)');
    const details = await shown.locator('.cl-detail').allTextContents();
    expect(details).toHaveLength(4);
    expect(details[0]).toBe('Tiltak: Følges opp ved neste befaring');
    expect(details[1]).toBe('Ansvarlig: Utleier');
    expect(details[2]).toMatch(/^Frist: .*2027/);
    expect(details[3]).toBe('Risiko etter tiltaket: S2 × K3 = 6 (gul)');
  });

  it('prints the measure, owner and risk after the measure, and the TG3 finding, in the dwelling report', async () => {
    await page.goto(`${server.url}/reports/dwellings/${target.id}`);
    const risks = page.locator(`section[aria-labelledby="report-${TEMPLATE_IDS.riskAssessment}"]`);
    await risks.waitFor();
    const fire = risks.locator('tr', { has: page.locator('th', { hasText: /^Brann$/ }) });
    expect(await fire.locator('td').textContent()).toContain('S4 × K3 = 12 (rød)');
    expect(await fire.locator('.report-detail').allTextContents()).toEqual([
      'Tiltak: Følges opp ved neste befaring',
      'Ansvarlig: Utleier',
      expect.stringMatching(/^Frist: .*2027/),
      'Risiko etter tiltaket: S2 × K3 = 6 (gul)',
    ]);
    const roof = page.locator(`section[aria-labelledby="report-${TEMPLATE_IDS.dwellingInspection}"] tr`, { has: page.locator('th', { hasText: /^Tak$/ }) });
    expect(await roof.locator('.report-detail').allTextContents()).toEqual(['Årsak: Utett beslag rundt pipa', 'Konsekvens: Vann i isolasjonen og råte', 'Kostnadsoverslag: 40 000–60 000 kr']);
  });
});
