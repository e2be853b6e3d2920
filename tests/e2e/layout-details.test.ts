// Details of the field screens at the sizes where they went wrong, in real Chromium against the real server: whole
// words in the checklist's section tabs, a number field whose unit does not run to the edge, "Merknad" and "Bilder"
// marked as opening, the error summary's bullets on the first line of each message, and the phone header's last
// error in words that fit; a table wider than a phone shows a shadow at the edge where more columns wait.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, startTemplate } from '../../src/core/checklist/templates';
import { launchChromium, login } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

/** The phone the screens were seen on. */
const PHONE_SEEN = { width: 390, height: 844 };

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchChromium()]);
  context = await browser.newContext({ viewport: PHONE_SEEN });
  page = await context.newPage();
  await login(page, server.url, 'inspektor');
  await page.goto(`${server.url}/dwellings`);
  await page.locator('[data-testid="registry-count"]', { hasText: '119 av 119 boliger' }).waitFor({ timeout: 60_000 });
  await page.locator('.reg-link').nth(2).click();
  await page.locator(`[data-testid="start-${TEMPLATE_IDS.dwellingInspection}"]`).click();
  await page.waitForURL(/\/inspections\//);
  await page.locator('.cl-section-link').first().waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Whether a disclosure's summary shows a sign that it opens: the browser's marker or one drawn before it. */
function hasMarker(summary: HTMLElement): boolean {
  const own = getComputedStyle(summary);
  if (own.display === 'list-item' && own.listStyleType !== 'none') return true;
  const before = getComputedStyle(summary, '::before').content;
  return !['none', 'normal', '""'].includes(before);
}

describe('a dwelling inspection at 390 × 844', () => {
  it('breaks no word inside a section tab', async () => {
    const words = await page.evaluate(() => {
      const out: { word: string; lines: number }[] = [];
      for (const link of document.querySelectorAll('.cl-section-link')) {
        const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.textContent!.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            out.push({ word: m[0], lines: tops.size });
          }
        }
      }
      return out;
    });
    expect(words.map((w) => w.word)).toContain('Registeropplysninger');
    expect(words.filter((w) => w.lines > 1)).toEqual([]);
  });

  it('ends a number field’s grey unit at the unit, and marks "Merknad" and "Bilder" as opening', async () => {
    // A room's length, in the first room of the list (or one added when the list is empty).
    await page.locator('.cl-section-link', { has: page.locator('.cl-section-name', { hasText: /^Rom$/ }) }).click();
    const first = page.locator('[data-testid="entries-rooms.list"] > li').first();
    if ((await first.count()) === 0) await page.locator('[data-testid="add-rooms.list"]').click();
    else await first.locator('.cl-entry-summary').click();
    const field = page.locator('.cl-entry[data-open="true"] .cl-number:has([id$=".lengthM"])');
    await field.waitFor();
    const band = await field.evaluate((box) => box.getBoundingClientRect().right - box.lastElementChild!.getBoundingClientRect().right);
    expect(band).toBeLessThanOrEqual(1);

    const summaries = page.locator('.cl-section details.cl-extra > summary');
    expect(await summaries.count()).toBeGreaterThan(1);
    expect(await summaries.evaluateAll((all, fn) => all.filter((s) => !new Function(`return ${fn}`)()(s)).map((s) => s.textContent), hasMarker.toString())).toEqual([]);
    const before = await summaries.first().evaluate((s) => getComputedStyle(s, '::before').content);
    await summaries.first().click();
    expect(await summaries.first().evaluate((s) => getComputedStyle(s, '::before').content), 'the sign changes when open').not.toBe(before);
  });

  it('puts each error-summary bullet on the first line of its message', async () => {
    const template = startTemplate(TEMPLATE_IDS.dwellingInspection)!;
    await page.locator('.cl-entry[data-open="true"] [id$=".lengthM"]').fill('');
    await page.locator('.cl-entry[data-open="true"] [id$=".lengthM"]').press('Tab');
    await page.locator('.cl-section-link', { hasText: template.sections.at(-1)!.title.nb }).click();
    await page.locator('[data-testid="complete-actions"] button', { hasText: 'Fullfør' }).click();
    await page.locator('[data-testid="error-summary"]').waitFor();
    // A zero-width mark put before the link sits on the line the bullet is drawn on.
    const items = await page.locator('[data-testid="error-summary"] li').evaluateAll((lis) =>
      lis.map((li) => {
        const link = li.querySelector('a')!;
        const line = parseFloat(getComputedStyle(link).lineHeight);
        const box = link.getBoundingClientRect();
        const mark = document.createElement('span');
        mark.textContent = '\u200b';
        li.insertBefore(mark, link);
        const at = mark.getBoundingClientRect();
        mark.remove();
        return { text: link.textContent, lines: Math.round(box.height / line), markBelowFirstLine: at.top - box.top > line / 2 };
      }),
    );
    expect(items.filter((i) => i.lines > 1).length, 'a message of several lines').toBeGreaterThan(0);
    expect(items.filter((i) => i.markBelowFirstLine)).toEqual([]);
  });

  it('says the last sync error in the phone header in words that fit, the whole sentence still read out', async () => {
    await context.setOffline(true);
    try {
      await page.getByRole('button', { name: 'Synkroniser nå' }).click();
      const error = page.locator('[data-testid="sync-error"]');
      await error.waitFor();
      const fit = await error.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, text: (el as HTMLElement).innerText.trim() }));
      expect(fit.scroll, fit.text).toBeLessThanOrEqual(fit.client);
      expect(fit.text).not.toContain('…');
      expect(await page.locator('[data-testid="sync-status"] [role="status"]').textContent()).toContain('Får ikke kontakt med serveren. Prøver igjen senere.');
    } finally {
      await context.setOffline(false);
    }
  });
});

/** The brightest pixel (0–255, mean of R, G and B) in a strip of the screen: a shadow darkens every pixel of it. */
async function brightest(page: Page, blank: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = (await page.screenshot({ clip })).toString('base64');
  return blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let max = 0;
    for (let i = 0; i < data.length; i += 4) max = Math.max(max, (data[i]! + data[i + 1]! + data[i + 2]!) / 3);
    return max;
  }, png);
}

describe('the overview at 390 × 844', () => {
  it('shows a shadow at the edge of a table where more columns wait, and none where it ends', async () => {
    const intake = await browser.newContext({ viewport: PHONE_SEEN });
    try {
      const overview = await intake.newPage();
      const blank = await intake.newPage();
      await login(overview, server.url, 'inntak');
      await overview.goto(`${server.url}/overview`);
      const box = overview.locator('.bar-chart-table:has([data-testid="children-first"])');
      await box.waitFor({ timeout: 60_000 });
      await box.scrollIntoViewIfNeeded();
      const size = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(size.scroll, 'the table is wider than the phone').toBeGreaterThan(size.client);
      // The middle third of the box's height, 3 px wide at each edge (cells keep 12 px of padding there).
      const edges = async () => {
        const r = (await box.boundingBox())!;
        const strip = { y: r.y + r.height / 3, width: 3, height: r.height / 3 };
        return {
          start: await brightest(overview, blank, { ...strip, x: r.x }),
          end: await brightest(overview, blank, { ...strip, x: r.x + r.width - 4 }),
        };
      };
      const atStart = await edges();
      expect(atStart.end, 'a shadow where more columns wait').toBeLessThan(235);
      expect(atStart.start, 'no shadow before the first column').toBeGreaterThan(250);
      await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const atEnd = await edges();
      expect(atEnd.end, 'no shadow after the last column').toBeGreaterThan(250);
      expect(atEnd.start, 'a shadow where columns were scrolled past').toBeLessThan(235);
    } finally {
      await intake.close();
    }
  });
});
