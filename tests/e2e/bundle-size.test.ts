// The log-in route's first-load JS stays within budget on the build `npm run test:e2e` has just made. Without a
// build there is nothing to measure: the suite fails and says how to make one, rather than passing by skipping.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_JS_BUDGET_KB, measureFirstLoad, measurePrecache } from '../support/first-load';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('bundle size (dist/)', () => {
  beforeAll(() => {
    if (!existsSync(`${DIST}index.html`)) throw new Error('No build in dist/: run `npx vite build` (or `npm run test:e2e`, which builds first).');
  });

  it(`loads at most ${FIRST_LOAD_JS_BUDGET_KB} KB gzip of JS for the log-in route, without Dexie, zod or screens`, () => {
    const first = measureFirstLoad(DIST);
    expect(first.js.length).toBeGreaterThan(0);
    expect(first.jsGzip / 1024).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET_KB);
    const names = first.js.map((f) => f.file).join(' ');
    expect(names).not.toMatch(/dexie|zod|Screen/i);
    // By content too, in case a bundler merges them into the entry chunk: names these libraries keep when minified.
    const code = first.js.map((f) => readFileSync(DIST + f.file, 'utf8')).join('\n');
    expect(code, 'Dexie in the log-in route').not.toContain('DatabaseClosedError');
    expect(code, 'zod in the log-in route').not.toMatch(/\$ZodType|ZodError/);
  });

  it('precaches the whole shell, every first-load file included', () => {
    const first = measureFirstLoad(DIST);
    const { entries } = measurePrecache(DIST);
    expect(entries).toContain('index.html');
    expect(entries).toContain('manifest.webmanifest');
    for (const f of [...first.js, ...first.css]) expect(entries).toContain(f.file);
  });
});
