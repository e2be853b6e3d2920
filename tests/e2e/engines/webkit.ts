/**
 * The WebKit adapter: Debian's WebKitGTK MiniBrowser driven by webdriverio over classic WebDriver (Debian's
 * WebKitWebDriver speaks no BiDi), in an Xvfb display of its own since MiniBrowser has no headless mode. WebKit is
 * the engine of every browser on iPhones and iPads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { remote } from 'webdriverio';
import { freePort } from '../../support/server-process';
import type { EnginePage } from './engine';

/** Where Debian puts MiniBrowser and its WebDriver (MINIBROWSER_PATH overrides). */
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';

/** Starts Xvfb on a free display and resolves with its number, read from -displayfd. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1400x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    xvfb.once('error', reject);
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb stopped (${code})`)));
  });
}

async function until(ok: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > end) throw new Error('WebKitWebDriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts MiniBrowser under its own Xvfb and WebKitWebDriver, with one window of the given size. */
export async function openWebKit(viewport: { width: number; height: number }): Promise<EnginePage> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: 'ignore',
  });
  const stopAll = () => {
    driver.kill('SIGKILL');
    xvfb.process.kill('SIGKILL');
  };
  try {
    await until(async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 15_000);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'silent',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    });
    await browser.setWindowSize(viewport.width, viewport.height);
    const element = async (selector: string) => {
      const el = await browser.$(selector);
      await el.waitForExist({ timeout: 30_000 });
      return el;
    };
    return {
      engine: 'webkit',
      goto: (url) => browser.url(url).then(() => undefined),
      reload: () => browser.refresh(),
      url: () => browser.getUrl(),
      click: async (selector) => {
        const el = await element(selector);
        await el.waitForClickable({ timeout: 30_000 });
        await el.click();
      },
      fill: async (selector, value) => {
        const el = await element(selector);
        await el.clearValue();
        await el.setValue(value);
      },
      upload: async (selector, path) => {
        const el = await element(selector);
        await el.addValue(path);
      },
      draw: async (selector, points) => {
        const el = await element(selector);
        await el.scrollIntoView({ block: 'center' });
        const [first, ...rest] = points;
        const size = await el.getSize();
        // Offsets from the element's centre, as classic WebDriver's pointer origin is the element's centre.
        const at = ([x, y]: readonly [number, number]) => ({ x: Math.round(x - size.width / 2), y: Math.round(y - size.height / 2) });
        const action = browser.action('pointer', { parameters: { pointerType: 'mouse' } }).move({ ...at(first!), origin: el }).down();
        for (const p of rest) action.move({ ...at(p), origin: el, duration: 20 });
        await action.up().perform();
      },
      evaluate: <T>(expression: string) => browser.execute(`return (${expression});`) as Promise<T>,
      screenshot: async (path) => void (await browser.saveScreenshot(path)),
      driverErrors: () => [],
      close: async () => {
        await browser.deleteSession().catch(() => undefined);
        stopAll();
      },
    };
  } catch (err) {
    stopAll();
    throw err;
  }
}
