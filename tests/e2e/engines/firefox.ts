/** The Firefox adapter: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (no geckodriver). */
import puppeteer from 'puppeteer-core';
import { drawWithMouse, type EnginePage } from './engine';

/** Where Debian puts Firefox ESR (FIREFOX_PATH overrides). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Starts headless Firefox with one page of the given size. */
export async function openFirefox(viewport: { width: number; height: number }): Promise<EnginePage> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: viewport,
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    engine: 'firefox',
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    click: async (selector) => {
      const el = await page.waitForSelector(selector, { visible: true });
      await el!.click();
    },
    fill: async (selector, value) => {
      const el = await page.waitForSelector(selector, { visible: true });
      await el!.click({ count: 3 });
      await el!.evaluate((input) => {
        (input as HTMLInputElement).value = '';
      });
      await el!.type(value);
    },
    upload: async (selector, path) => {
      const el = await page.waitForSelector(selector);
      await (el as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    draw: async (selector, points) => {
      const el = await page.waitForSelector(selector, { visible: true });
      await el!.scrollIntoView();
      const box = (await el!.boundingBox())!;
      await drawWithMouse(page.mouse, box, points);
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    driverErrors: () => [...errors],
    close: () => browser.close(),
  };
}
