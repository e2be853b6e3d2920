// One file-name convention in src/ (docs/style.md): modules in camelCase, components in PascalCase, never kebab-case.
import { readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

describe('file names in src/', () => {
  it('are camelCase or PascalCase for every TypeScript file', () => {
    const names = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(names.length).toBeGreaterThan(100);
    const wrong = names.filter((f) => !/^[A-Za-z][A-Za-z0-9]*(\.d)?\.tsx?$/.test(f.split(/[\\/]/).pop() ?? ''));
    expect(wrong.map((f) => relative(src, resolve(src, f)))).toEqual([]);
  });
});
