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
  // Unreadable text in a whole-number field is told to write a whole number, never shown a decimal example.
  const unreadable: ParsedNumber = { kind: 'invalid', reason: limits.integer ? 'notWhole' : 'notANumber' };
  if (!NUMBER.test(compact)) return unreadable;
  const value = Number(compact.replace('−', '-').replace(',', '.'));
  if (!Number.isFinite(value)) return unreadable;
  if (limits.integer && !Number.isInteger(value)) return { kind: 'invalid', reason: 'notWhole' };
  return { kind: 'number', value, inRange: value >= limits.min && value <= limits.max };
}

/** Writes a number for editing: decimal comma in Bokmål, point in English, no grouping (it would not parse back). */
export function editableNumber(value: number, lang: Language): string {
  const s = String(value);
  return lang === 'nb' ? s.replace('.', ',').replace('-', '−') : s;
}

/** What is wrong with a number field's text, as a message key and its values; null when it is fine. */
export type NumberProblem = { key: 'numberInvalid' | 'numberWhole' | 'numberRange' | 'numberWholeRange'; vars?: Record<string, string> } | null;

/** A whole number inside the limits to show as an example ("3" when allowed, else the nearest limit). */
export function wholeExample(limits: Pick<NumberLimits, 'min' | 'max'>): number {
  return Math.min(Math.max(3, Math.ceil(limits.min)), Math.floor(limits.max));
}

/** Reads the text of a number field and says what to fix: a whole-number field asks for a whole number, with an example that fits. */
export function numberProblem(raw: string, limits: NumberLimits, lang: Language, show: (n: number) => string): NumberProblem {
  const parsed = parseNumber(raw, limits, lang);
  if (parsed.kind === 'invalid') return parsed.reason === 'notWhole' ? { key: 'numberWhole', vars: { example: show(wholeExample(limits)) } } : { key: 'numberInvalid' };
  if (parsed.kind === 'number' && !parsed.inRange) return { key: limits.integer ? 'numberWholeRange' : 'numberRange', vars: { min: show(limits.min), max: show(limits.max) } };
  return null;
}
