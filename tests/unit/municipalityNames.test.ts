// Nothing municipality-specific in src/ outside the demo: the demo municipality's name and its area names appear only in
// the demo settings and demo data (src/core/demo), so another municipality's installation shows none of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MELHUS_SETTINGS } from '../../src/core/demo/melhusSettings';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');
/** Where the demo municipality may be named: its settings file and the demo data generated from it. */
const DEMO = join(src, 'core', 'demo');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === DEMO ? [] : files(path);
    return [path];
  });
}

/** A name as a whole word (letters of any script around it end the match), case as given or in any case. */
function wordPattern(name: string, anyCase: boolean): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, anyCase ? 'iu' : 'u');
}

/**
 * Every demo-specific name: the municipality in any case (also inside words such as "melhuskommune"), its areas and
 * units as written, and its units' ids as quoted text (code that picks a unit by id).
 */
const NAMES: [string, RegExp][] = [
  [MELHUS_SETTINGS.municipality.name, new RegExp(MELHUS_SETTINGS.municipality.name, 'iu')],
  ...MELHUS_SETTINGS.areas.map((a): [string, RegExp] => [a.name, wordPattern(a.name, false)]),
  // NAV is the national labour and welfare service, part of every municipality: its name is not the demo's own.
  ...MELHUS_SETTINGS.units.filter((u) => u.name !== 'NAV').map((u): [string, RegExp] => [u.name, wordPattern(u.name, false)]),
  ...MELHUS_SETTINGS.units.map((u): [string, RegExp] => [`'${u.id}'`, new RegExp(`['"\`]${u.id}['"\`]`, 'u')]),
];

/**
 * Lines where a unit's name means something else and stays: the home-visit form's question on the services involved
 * (version 1 of the form, its answers keep these values) and the neighbourhood checklist's kind of place.
 */
const ALLOWED: RegExp[] = [/^src\/core\/checklist\/templates\/homeVisit\.ts:/, /^src\/core\/checklist\/templates\/neighbourhood\.ts:\d+: Helsestasjon$/];

/** The lines of src/ (outside the demo) that name the demo municipality or one of its areas. */
export function municipalityNamesIn(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    // Only the names the file holds at all are looked for line by line (keeps the scan quick).
    const inFile = NAMES.filter(([, pattern]) => pattern.test(text));
    if (inFile.length === 0) continue;
    text.split('\n').forEach((line, i) => {
      for (const [name, pattern] of inFile) {
        const hit = `${relative(root, path)}:${i + 1}: ${name}`;
        if (pattern.test(line) && !ALLOWED.some((a) => a.test(hit))) found.push(hit);
      }
    });
  }
  return found;
}

describe('municipality-specific names', () => {
  const all = files(src);

  it('finds the source files and the demo names it looks for', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(NAMES.map(([n]) => n)).toContain('Gimse');
    expect(NAMES.map(([n]) => n)).toContain('Flyktningeenheten');
    expect(NAMES.length).toBeGreaterThan(5);
  });

  it('finds a demo name where there is one (the check can fail)', () => {
    expect(municipalityNamesIn([join(DEMO, 'melhusSettings.ts')]).length).toBeGreaterThan(5);
  });

  it('appear nowhere in src/ outside the demo settings and demo data', () => {
    expect(municipalityNamesIn(all)).toEqual([]);
  });
});
