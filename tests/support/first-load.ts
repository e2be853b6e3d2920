/** Sizes of a built app (dist/): what the log-in route loads first, and what the service worker precaches. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets for the log-in route's first load (KB = 1024 bytes, gzip level 9). */
export const FIRST_LOAD_JS_BUDGET_KB = 80;

/** What the log-in route loads before it can render: files with raw and gzip sizes. */
export type FirstLoad = {
  js: { file: string; bytes: number; gzip: number }[];
  css: { file: string; bytes: number; gzip: number }[];
  jsGzip: number;
  cssGzip: number;
};

function sized(dist: string, file: string) {
  const bytes = readFileSync(join(dist, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Static imports of a built chunk (not `import()`: lazy chunks are not part of the first load). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{0,2}\/[^"'`]+)["'`]/g)) found.push(m[1]!);
  return found;
}

/**
 * The entry script, every modulepreload and every chunk they import statically (followed transitively), and the
 * stylesheets index.html links — all read from `dist`.
 */
export function measureFirstLoad(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const queue: string[] = [];
  const css = new Set<string>();
  for (const tag of tags) {
    if (tag.startsWith('<script') && /type="module"/.test(tag) && attr(tag, 'src')) queue.push(attr(tag, 'src')!);
    if (tag.startsWith('<link') && /rel="modulepreload"/.test(tag)) queue.push(attr(tag, 'href')!);
    if (tag.startsWith('<link') && /rel="stylesheet"/.test(tag)) css.add(attr(tag, 'href')!.replace(/^\//, ''));
  }
  const js = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!.replace(/^\//, '');
    if (js.has(file)) continue;
    js.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(code)) queue.push(posix.normalize(posix.join(posix.dirname(file), spec)));
  }
  const jsFiles = [...js].map((f) => sized(dist, f));
  const cssFiles = [...css].map((f) => sized(dist, f));
  return {
    js: jsFiles,
    css: cssFiles,
    jsGzip: jsFiles.reduce((s, f) => s + f.gzip, 0),
    cssGzip: cssFiles.reduce((s, f) => s + f.gzip, 0),
  };
}

/** Every URL in the service worker's precache list and the total of their file sizes. */
export function measurePrecache(dist: string): { entries: string[]; bytes: number } {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const entries = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
  if (entries.length === 0) throw new Error('dist/sw.js has no precache list');
  const bytes = entries.reduce((s, url) => {
    const path = join(dist, url);
    if (!existsSync(path)) throw new Error(`precached ${url} is missing from dist`);
    return s + statSync(path).size;
  }, 0);
  return { entries, bytes };
}
