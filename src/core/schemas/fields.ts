/** Field schemas every entity uses (ids, dates, bounded numbers, text), each with a message in Bokmål and English. */
import { z } from 'zod';
import { formatNumber } from '../format/formatNumber';
import type { Language, LocalText } from '../text';
import { bilingual } from './bilingual';

/** The message for a value of the wrong kind, or "required" when it is missing altogether. */
export function fieldError(message: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? bilingual('Må fylles ut', 'Required') : message);
}

/** A record or user id: a UUID. */
export function uuidField() {
  return z.uuid({ error: fieldError(bilingual('Må være en gyldig ID (UUID)', 'Must be a valid id (UUID)')) });
}

/** A calendar date as ISO text, e.g. 2026-03-15. */
export function dateField() {
  return z.iso.date({ error: fieldError(bilingual('Må være en dato på formen ÅÅÅÅ-MM-DD', 'Must be a date as YYYY-MM-DD')) });
}

/** A point in time as ISO text with a time zone, e.g. 2026-03-15T10:00:00Z. */
export function dateTimeField() {
  return z.iso.datetime({
    offset: true,
    error: fieldError(bilingual('Må være et tidspunkt (ISO 8601 med tidssone)', 'Must be a time (ISO 8601 with a time zone)')),
  });
}

/** A unit symbol shared by both languages ("m²") or one per language ("år" / "years"). */
export type UnitText = string | LocalText;

function range(min: number, max: number, unit: UnitText, lang: Language): string {
  const symbol = typeof unit === 'string' ? unit : unit[lang];
  const u = symbol ? ` ${symbol}` : '';
  return lang === 'nb'
    ? `mellom ${formatNumber(min, 'nb')} og ${formatNumber(max, 'nb')}${u}`
    : `${formatNumber(min, 'en')}–${formatNumber(max, 'en')}${u}`;
}

/** A whole number within bounds; the message names the bounds ("Må være et heltall mellom 0 og 50"). */
export function intField(min: number, max: number, unit: UnitText = '') {
  const message = bilingual(`Må være et heltall ${range(min, max, unit, 'nb')}`, `Must be a whole number ${range(min, max, unit, 'en')}`);
  return z.number({ error: fieldError(message) }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/** A number within bounds, in the unit its field name carries. */
export function numberField(min: number, max: number, unit: UnitText = '') {
  const message = bilingual(`Må være et tall ${range(min, max, unit, 'nb')}`, `Must be a number ${range(min, max, unit, 'en')}`);
  return z.number({ error: fieldError(message) }).min(min, { error: message }).max(max, { error: message });
}

/** Free text up to `max` characters; `required` also rejects blank text. */
export function textField(max: number, required = false) {
  const tooLong = bilingual(`Kan ikke være lengre enn ${formatNumber(max, 'nb')} tegn`, `Cannot be longer than ${formatNumber(max, 'en')} characters`);
  const base = z.string({ error: fieldError(bilingual('Må være tekst', 'Must be text')) }).max(max, { error: tooLong });
  // A refinement, not .trim(): parsing never rewrites what a person typed.
  return required ? base.refine((s) => s.trim().length > 0, { error: bilingual('Må fylles ut', 'Must be filled in') }) : base;
}

/** A boolean yes/no field. */
export function yesNoField() {
  return z.boolean({ error: fieldError(bilingual('Må være ja eller nei (true/false)', 'Must be yes or no (true/false)')) });
}

/** One of a fixed list of values; the message lists them. */
export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.join(', ');
  return z.enum(values, { error: fieldError(bilingual(`Må være en av: ${list}`, `Must be one of: ${list}`)) });
}
