/**
 * One small interface over three browser engines, so one flow file drives Chromium (playwright-core), Firefox
 * (puppeteer-core over WebDriver BiDi) and WebKitGTK (webdriverio over classic WebDriver) alike. Elements are named
 * by CSS selectors; `mark` finds one by what a person reads and gives it a selector.
 */

/** The engines the cross-engine flow runs in. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** A browser with one page, driven the same way in every engine. */
export interface EnginePage {
  readonly engine: EngineName;
  /** A full page load of `url` (not the app's own links). */
  goto(url: string): Promise<void>;
  /** A full reload of the current page. */
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Clicks the element `selector` (waiting for it), as a person would. */
  click(selector: string): Promise<void>;
  /** Replaces the value of the field `selector` by typing `value`. */
  fill(selector: string, value: string): Promise<void>;
  /** Gives the file input `selector` the file at `path`. */
  upload(selector: string, path: string): Promise<void>;
  /** Presses at `from` and moves through `points` (pixels inside the element `selector`), then lets go. */
  draw(selector: string, points: readonly (readonly [number, number])[]): Promise<void>;
  /** The value of a JavaScript expression in the page (a promise is awaited); must be JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Saves a PNG of the page (for looking at a failure). */
  screenshot(path: string): Promise<void>;
  /** Console errors and page errors the driver saw (engines whose driver cannot see them return []). */
  driverErrors(): string[];
  close(): Promise<void>;
}

/** Serialises `value` for use inside an expression given to `evaluate`. */
export function js(value: unknown): string {
  return JSON.stringify(value);
}

/** Polls `probe` until `accept` holds for its value, or fails after `ms` with the last value seen. */
export async function until<T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > end) {
      throw new Error(`Timed out waiting for ${what}; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Marks the first element matching `selector` whose text (or aria-label) contains `text` with a data-e2e attribute,
 * and returns a CSS selector for it; fails when there is none.
 */
export async function mark(page: EnginePage, selector: string, text: string, ms = 30_000): Promise<string> {
  const id = `e2e-${Math.random().toString(36).slice(2)}`;
  await until(
    `${selector} with "${text}"`,
    () =>
      page.evaluate<boolean>(`(() => {
        const el = [...document.querySelectorAll(${js(selector)})].find((e) =>
          (e.textContent + ' ' + (e.getAttribute('aria-label') || '')).includes(${js(text)}) && e.getClientRects().length > 0);
        if (!el) return false;
        el.setAttribute('data-e2e', ${js(id)});
        return true;
      })()`),
    Boolean,
    ms,
  );
  return `[data-e2e="${id}"]`;
}

/** The mouse of playwright-core and of puppeteer-core alike. */
type Mouse = {
  move: (x: number, y: number, options?: { steps?: number }) => Promise<void>;
  down: () => Promise<void>;
  up: () => Promise<void>;
};

/** Presses at the first point and moves through the rest (pixels inside `box`), then lets go. */
export async function drawWithMouse(mouse: Mouse, box: { x: number; y: number }, points: readonly (readonly [number, number])[]): Promise<void> {
  const [first, ...rest] = points;
  await mouse.move(box.x + first![0], box.y + first![1]);
  await mouse.down();
  for (const [x, y] of rest) await mouse.move(box.x + x, box.y + y, { steps: 2 });
  await mouse.up();
}
