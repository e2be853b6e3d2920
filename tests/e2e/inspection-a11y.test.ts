// Accessibility of the field screens at phone and tablet size: zero axe-core violations on the registry, the dwelling
// page, the dwelling form and every checklist section; touch targets of at least 44 px. EGNET_SCREENSHOTS=1 also
// writes the screenshots in docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTemplate, TEMPLATE_IDS } from '../../src/core/checklist/templates';
import { PHONE, TABLET, expectNoAxeViolations, launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

const SHOTS = process.env.EGNET_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;
const SIZES = { phone: PHONE, tablet: TABLET } as const;

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  // An update built while the run goes on may raise the update prompt; it is not part of the screen shown.
  const later = page.locator('.update-prompt button', { hasText: 'Senere' });
  if (await later.isVisible()) await later.click();
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

/** Interactive elements smaller than 44×44 CSS px (inline links in running text are exempt, as WCAG 2.5.5 allows). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main button, main summary, main select, main input:not([type=radio]):not([type=checkbox]):not([type=file]), main label:has(> input[type=radio]), main label:has(> input[type=checkbox]), main label:has(> input[type=file]), main .reg-link')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.height < 44 - 0.5 || r.width < 44 - 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
}

async function check(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  expect(await smallTargets(page), `touch targets on ${label}`).toEqual([]);
}

describe.each(Object.entries(SIZES))('field screens at %s size', (size, viewport) => {
  it('registry, dwelling page, dwelling form and every checklist section have no axe violations', async () => {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      await login(page, server.url, 'inspektor');
      await page.goto(`${server.url}/dwellings`);
      await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
      await check(page, `registry (${size})`);
      await shot(page, `registry-${size}`);
      await page.locator('.reg-filters summary').click();
      await page.selectOption('#f-verdict', 'suited0to3');
      await page.locator('[data-testid="registry-count"]', { hasText: '11 av 119 boliger' }).waitFor();
      await check(page, `registry filtered (${size})`);

      await page.locator('.reg-link').first().click();
      await page.locator('[data-testid="verdict"]').waitFor();
      await check(page, `dwelling page (${size})`);
      await shot(page, `dwelling-${size}`);

      await page.goto(`${server.url}/dwellings/new`);
      await page.locator('form.dw-form button[type=submit]').click();
      await page.locator('[data-testid="error-summary"]').waitFor();
      await check(page, `dwelling form with errors (${size})`);

      // Every section of the dwelling inspection and the risk assessment (the 5×5 matrix), as a draft.
      for (const templateId of [TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.riskAssessment]) {
        await page.goBack();
        await page.goto(`${server.url}/dwellings`);
        // Each size on dwellings of its own: the other size's drafts reach this device by sync.
        await page.locator('.reg-link').nth((size === 'phone' ? 1 : 3) + (templateId === TEMPLATE_IDS.dwellingInspection ? 0 : 1)).click();
        await page.locator(`[data-testid="start-${templateId}"]`).click();
        await page.waitForURL(/\/inspections\//);
        const template = startTemplate(templateId)!;
        if (templateId === TEMPLATE_IDS.dwellingInspection) {
          // The error state: a required answer cleared, then "Fullfør"; the messages stay beside their items below.
          // In the room list: the first room opened and its length cleared (a room is added when there is none).
          await page.locator('.cl-section-link', { has: page.locator('.cl-section-name', { hasText: /^Rom$/ }) }).click();
          const first = page.locator('[data-testid="entries-rooms.list"] > li').first();
          if ((await first.count()) === 0) await page.locator('[data-testid="add-rooms.list"]').click();
          else await first.locator('.cl-entry-summary').click();
          await page.locator('.cl-entry[data-open="true"] [id$=".lengthM"]').fill('');
          await page.locator('.cl-entry[data-open="true"] [id$=".lengthM"]').press('Tab');
          await page.locator('.cl-section-link', { hasText: template.sections.at(-1)!.title.nb }).click();
          await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
          await page.locator('[data-testid="error-summary"]').waitFor();
          await check(page, `${template.id} error summary (${size})`);
        }
        for (const section of template.sections) {
          await page.locator('.cl-section-link', { hasText: section.title.nb }).click();
          await expect.poll(() => page.locator('#checklist-section-title').textContent()).toBe(section.title.nb);
          // The room list is shot with its first room open (opened above for the error state).
          if (SHOTS && (section.id === 'condition' || section.id === 'risk' || section.id === 'rooms')) {
            await page.evaluate(() => {
              document.getElementById('checklist-section-title')?.scrollIntoView({ block: 'start' });
              scrollBy(0, -((document.querySelector('.app-header') as HTMLElement | null)?.offsetHeight ?? 0) - 60);
            });
            await shot(page, `checklist-${section.id}-${size}`);
          }
          // Notes and photos open too, so their controls are audited as well.
          await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.cl-section details.cl-extra').forEach((d) => (d.open = true)));
          await expect.poll(() => page.locator('.cl-section details.cl-extra:not([open])').count()).toBe(0);
          await check(page, `${template.id}/${section.id} (${size})`);
        }
      }
    } finally {
      await context.close();
    }
  }, 360_000); // ~45 s on a quiet 2-core machine; one long walk through every section, so room for a loaded one
});
