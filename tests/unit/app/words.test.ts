// The words people read: plain Bokmål, the words staff use, no internal names, no stray punctuation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { format } from '../../../src/app/i18n/language';
import { templateName } from '../../../src/app/screens/checklist/templateName';
import { HOME_TEXT } from '../../../src/app/screens/home/text';
import { HOUSEHOLD_TEXT } from '../../../src/app/screens/households/text';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });

describe('words on the screens', () => {
  it('says how many followed households lack consent without a comma before the verb', () => {
    expect(format(HOME_TEXT.consentMissing.nb, { n: 3 })).toBe('3 husstander du følger mangler gyldig samtykke');
    expect(HOME_TEXT.consentMissingOne.nb).toBe('1 husstand du følger mangler gyldig samtykke');
  });

  it('calls the list of places to go "Dine sider", not screenshots', () => {
    expect(HOME_TEXT.screensTitle.nb).toBe('Dine sider');
  });

  it('explains what a priority family ("satsningsfamilie", the staff word) is where it is chosen', () => {
    expect(HOUSEHOLD_TEXT.priorityFamily.nb).toBe('Satsningsfamilie');
    expect(HOUSEHOLD_TEXT.priorityFamilyHint.nb).toMatch(/familiene enhetene samarbeider/);
  });

  it('names a checklist form with its version, not as a numbered duplicate', () => {
    expect(templateName({ nb: 'Boligbefaring', en: 'Dwelling inspection' }, 1, 'nb')).toBe('Boligbefaring, versjon 1');
    expect(templateName({ nb: 'Boligbefaring', en: 'Dwelling inspection' }, 2, 'en')).toBe('Dwelling inspection, version 2');
  });

  it('never shows internal names or the word for screenshots in any text of the app', () => {
    const internal = /skjermbild|\bmal [A-Z]\b|\btemplate [A-Z]\b|\(\{version\}\)|\(\{h\.data\.templateVersion\}\)/;
    const offenders = files(join(root, 'src/app'))
      .filter((f) => internal.test(readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('speaks plainly: no database or admin words, no awkward phrasing, in any dictionary', () => {
    // Words a reader stumbled on: "posten" (a database record), "administreres mot serveren", "Malen …",
    // "heter noe med", "Trenger noe rettes", a bare "(versjon 1)" that reads like a copy.
    const stiff = /\bposten\b|administreres|\bMalen\b|heter noe med|Trenger noe rettes|\(versjon \{version\}\)/i;
    const found = files(join(root, 'src/app'))
      .filter((f) => f.endsWith('text.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/nb: '([^']*)'/g)].map((m) => m[1]!))
      .filter((nb) => stiff.test(nb));
    expect(found).toEqual([]);
  });
});
