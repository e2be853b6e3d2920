/** Reads what a person typed in a number field: decimal comma or point, spaces between thousands. */
import type { Language } from '../../core/text';

/** The outcome of reading a number field: empty, a number (maybe outside the item's range), or unreadable. */
export type ParsedNumber =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; inRange: boolean }
  | { kind: 'invalid'; reason: 'notANumber' | 'notWhole' };

/** The limits a number item sets. */
export type NumberLimits = { min: number; max: number; integer: boolean };

const NUMBER = /^[-−]?(\d+([.,]\d*)?|[.,]\d+)$/;

const EN_GROUPED = /^[-−]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Parses Norwegian and English ways of writing a number ("2,4", "2.4", "1 234", "−3"); in English "10,000" is
 * ten thousand. A trailing separator ("2,") reads as the whole number, so a field is saved as it is typed into.
 */
export function parseNumber(text: string, limits: NumberLimits, lang: Language = 'nb'): ParsedNumber {
  let compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (lang === 'en' && EN_GROUPED.test(compact)) compact = compact.replace(/,/g, '');
  if (compact === '') return { kind: 'empty' };
  if (!NUMBER.test(compact)) return { kind: 'invalid', reason: 'notANumber' };
  const value = Number(compact.replace('−', '-').replace(',', '.'));
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'notANumber' };
  if (limits.integer && !Number.isInteger(value)) return { kind: 'invalid', reason: 'notWhole' };
  return { kind: 'number', value, inRange: value >= limits.min && value <= limits.max };
}

/** Writes a number for editing: decimal comma in Bokmål, point in English, no grouping (it would not parse back). */
export function editableNumber(value: number, lang: Language): string {
  const s = String(value);
  return lang === 'nb' ? s.replace('.', ',').replace('-', '−') : s;
}
