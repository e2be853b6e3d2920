/** The Chromium adapter: Debian's Chromium driven by playwright-core. */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { drawWithMouse, type EnginePage } from './engine';

/** Starts Chromium with one page of the given size. */
export async function openChromium(viewport: { width: number; height: number }): Promise<EnginePage> {
  const browser: Browser = await launchChromium();
  const page: Page = await (await browser.newContext({ viewport })).newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    engine: 'chromium',
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    click: (selector) => page.locator(selector).first().click(),
    fill: (selector, value) => page.locator(selector).first().fill(value),
    upload: (selector, path) => page.locator(selector).setInputFiles(path),
    draw: async (selector, points) => {
      const el = page.locator(selector);
      await el.scrollIntoViewIfNeeded();
      const box = (await el.boundingBox())!;
      await drawWithMouse(page.mouse, box, points);
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    screenshot: async (path) => void (await page.screenshot({ path })),
    driverErrors: () => [...errors],
    close: () => browser.close(),
  };
}
