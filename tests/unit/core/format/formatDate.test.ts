// Dates as a person reads them: one style on every screen and in every engine; ISO only in exports and form fields.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, sameDay } from '../../../../src/core/format/formatDate';

describe('formatDate', () => {
  it('shows a day as "5. des. 2026" in Bokmål and "5 Dec 2026" in English, taking an ISO day as written', () => {
    expect(formatDate('2026-12-05', 'nb')).toBe('5. des. 2026');
    expect(formatDate('2026-12-05', 'en')).toBe('5 Dec 2026');
    expect(formatDate('2027-01-01', 'nb')).toBe('1. jan. 2027');
  });

  it('names every month the way Bokmål abbreviates it (short months written out)', () => {
    const nb = Array.from({ length: 12 }, (_, i) => formatDate(`2026-${String(i + 1).padStart(2, '0')}-15`, 'nb'));
    expect(nb).toEqual(['15. jan. 2026', '15. feb. 2026', '15. mars 2026', '15. apr. 2026', '15. mai 2026', '15. juni 2026', '15. juli 2026', '15. aug. 2026', '15. sep. 2026', '15. okt. 2026', '15. nov. 2026', '15. des. 2026']);
    expect(formatDate('2026-09-15', 'en')).toBe('15 Sep 2026');
  });

  it('shows a moment on its Norwegian day and time, whatever the device zone', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Oslo (UTC+1 in winter, UTC+2 in summer).
    expect(formatDate('2026-12-31T23:30:00.000Z', 'nb')).toBe('1. jan. 2027');
    expect(formatDate('2026-12-05T13:30:00.000Z', 'nb', { time: true })).toBe('5. des. 2026 kl. 14:30');
    expect(formatDate('2026-06-05T13:30:05.000Z', 'en', { time: true })).toBe('5 Jun 2026, 15:30');
    expect(formatDate('2026-06-05T13:30:05.000Z', 'nb', { time: 'seconds' })).toBe('5. juni 2026 kl. 15:30:05');
    expect(formatDate(new Date('2026-12-05T08:05:00Z'), 'nb', { time: true })).toBe('5. des. 2026 kl. 09:05');
  });

  it('gives the time alone, and tells whether two moments share a Norwegian day', () => {
    expect(formatTime('2026-12-05T23:05:09.000Z')).toBe('00:05');
    expect(formatTime('2026-12-05T23:05:09.000Z', true)).toBe('00:05:09');
    expect(sameDay('2026-12-05T22:59:00Z', '2026-12-05T10:00:00Z')).toBe(true);
    expect(sameDay('2026-12-05T23:01:00Z', '2026-12-05T10:00:00Z')).toBe(false);
  });

  it('returns what it was given when that is not a date, never "Invalid Date"', () => {
    expect(formatDate('snart', 'nb')).toBe('snart');
    expect(formatTime('snart')).toBe('snart');
  });
});

describe('every date shown in the app goes through formatDate', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
    });

  it('no screen formats a date itself (Intl.DateTimeFormat, toLocaleDateString, toLocaleTimeString)', () => {
    const offenders = files(join(root, 'src/app')).filter((f) => /Intl\.DateTimeFormat|toLocale(Date|Time)String|toLocaleString\(\s*\)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('no screen prints a raw ISO date field as text', () => {
    // `{a.date}` as a child or `t('…', { date: a.date })` shows "2026-12-05"; attributes (value={…}) are form fields.
    const raw = /(?<![=$])\{\s*[\w.]+\.(date|dueDate|startDate|[a-z]+At)\s*\}|\bt\('\w+', \{[^}]*\b(date|when): [\w.]+\.(date|dueDate|startDate|[a-z]+At)\b/;
    const offenders = files(join(root, 'src/app')).filter((f) => f.endsWith('.tsx') && raw.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
