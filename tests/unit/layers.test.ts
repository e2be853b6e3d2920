// The layers of docs/style.md hold: app → core ← server. Core runs anywhere (no DOM, Node or Dexie); app never imports server.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');
type Layer = 'core' | 'app' | 'server';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file names: static and type imports, re-exports, dynamic imports. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isNode = (spec: string) => NODE.has(spec) || spec.startsWith('node:');
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
// Packages that need a browser, IndexedDB, a UI or a Node server.
const NOT_IN_CORE = new Set(['dexie', 'fake-indexeddb', 'preact', 'preact-iso', '@preact/signals', 'hono', '@hono/node-server', 'better-sqlite3', 'workbox-window', 'workbox-precaching', 'workbox-routing', 'vite', 'vitest', 'playwright-core']);
const NOT_IN_APP = new Set(['hono', '@hono/node-server', 'better-sqlite3']);

/** The layer boundary a file's import crosses, or null when it is allowed. */
function violation(fromFile: string, spec: string): string | null {
  const from = layerOf(fromFile);
  if (!from) return null;
  if (spec.startsWith('.')) {
    const target = layerOf(resolve(dirname(fromFile), spec));
    if (from === 'core' && target !== 'core') return `core imports ${target ?? 'outside src'}`;
    if (from === 'app' && target === 'server') return 'app imports server';
    if (from === 'server' && target === 'app') return 'server imports app';
    return null;
  }
  if (from === 'core' && (isNode(spec) || NOT_IN_CORE.has(packageOf(spec)))) return `core imports ${spec}`;
  if (from === 'app' && (isNode(spec) || NOT_IN_APP.has(packageOf(spec)))) return `app imports ${spec}`;
  return null;
}

function layerOf(path: string): Layer | null {
  const rel = relative(src, path).split(/[\\/]/)[0];
  return rel === 'core' || rel === 'app' || rel === 'server' ? rel : null;
}

describe('layers', () => {
  const all = files(src);

  it('finds the source files', () => {
    expect(all.filter((f) => layerOf(f) === 'core').length).toBeGreaterThan(20);
  });

  it('keeps every import inside its layer rules', () => {
    const problems = all.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8')).flatMap((spec) => {
        const v = violation(file, spec);
        return v ? [`${relative(root, file)}: ${v} ('${spec}')`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('catches a violation when there is one', () => {
    expect(violation(join(src, 'core/rules/x.ts'), '../../app/session')).toBe('core imports app');
    expect(violation(join(src, 'core/x.ts'), '../server/db')).toBe('core imports server');
    expect(violation(join(src, 'core/x.ts'), 'node:fs')).toBe('core imports node:fs');
    expect(violation(join(src, 'core/x.ts'), 'dexie')).toBe('core imports dexie');
    expect(violation(join(src, 'app/screens/x.tsx'), '../../server/env')).toBe('app imports server');
    expect(violation(join(src, 'server/x.ts'), '../app/api')).toBe('server imports app');
    expect(violation(join(src, 'core/x.ts'), 'zod')).toBeNull();
    expect(specifiers("import type { A } from '../app/a';\nexport { b } from \"./b\";\nconst c = await import('dexie');")).toEqual(['../app/a', './b', 'dexie']);
  });

  it('compiles core with only the JavaScript library: no DOM or Node globals', () => {
    const core = all.filter((f) => layerOf(f) === 'core');
    const program = ts.createProgram(core, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const errors = core
      .flatMap((f) => {
        const file = program.getSourceFile(f);
        return file ? program.getSemanticDiagnostics(file) : [];
      })
      .map((d) => `${d.file ? relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
