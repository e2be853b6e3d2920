/** The dwelling form's values as typed, and their conversion to a dwelling checked by the core schema. */
import { DWELLING_TYPES, dwellingSchema, type Dwelling } from '../../../core/schemas/dwelling';
import { formatIssues } from '../../../core/schemas/formatIssues';
import type { Language } from '../../../core/text';
import { editableNumber, parseNumber } from '../../components/parseNumber';

/** The form's fields, in the order they appear (the error summary lists problems in this order). */
export const DWELLING_FIELDS = [
  'address', 'postcode', 'area', 'gnr', 'bnr', 'snr', 'type', 'floor', 'hasLift', 'areaM2', 'rooms',
  'approvedBedrooms', 'leaseType', 'leaseYears', 'vacant', 'vacantFrom', 'ownership', 'wheelchairAccessible', 'notes',
] as const;
/** One field of the form. */
export type DwellingField = (typeof DWELLING_FIELDS)[number];
/** What is in each field, as text ('yes'/'no' for yes/no fields), exactly as the person left it. */
export type DwellingFormValues = Record<DwellingField, string>;
/** A message per field that needs fixing. */
export type DwellingFormErrors = Partial<Record<DwellingField, string>>;

const NUMBER_FIELDS = ['gnr', 'bnr', 'snr', 'floor', 'areaM2', 'rooms', 'approvedBedrooms', 'leaseYears'] as const;
const YES_NO_FIELDS = ['hasLift', 'vacant', 'wheelchairAccessible'] as const;
/** Fields the schema allows to be empty: they are sent as null so clearing them clears them on the server too. */
const NULLABLE = new Set<DwellingField>(['snr', 'leaseYears', 'vacantFrom', 'ownership', 'wheelchairAccessible', 'notes']);

/** An empty form for a new dwelling (vacant, open-ended lease: the usual case for a new municipal dwelling). */
export function emptyDwellingForm(): DwellingFormValues {
  const v = Object.fromEntries(DWELLING_FIELDS.map((f) => [f, ''])) as DwellingFormValues;
  return { ...v, type: DWELLING_TYPES[0], leaseType: 'openEnded', vacant: 'yes', hasLift: 'no' };
}

/** The form filled from a stored dwelling. */
export function dwellingToForm(d: Dwelling, lang: Language): DwellingFormValues {
  const v = emptyDwellingForm();
  for (const f of DWELLING_FIELDS) {
    const x = d[f];
    if (x === null || x === undefined) v[f] = '';
    else if (typeof x === 'boolean') v[f] = x ? 'yes' : 'no';
    else if (typeof x === 'number') v[f] = editableNumber(x, lang);
    else v[f] = x;
  }
  return v;
}

const NOT_A_NUMBER = { nb: 'Skriv et tall, for eksempel 64,5.', en: 'Enter a number, for example 64.5.' };
/** A whole number that fits each whole-number field, for the example in its message. */
const WHOLE_EXAMPLE: Partial<Record<DwellingField, number>> = { gnr: 12, bnr: 34, snr: 1, floor: 2, rooms: 3, approvedBedrooms: 2, leaseYears: 5 };
const notWhole = (f: DwellingField) => ({
  nb: `Skriv et helt tall, for eksempel ${WHOLE_EXAMPLE[f] ?? 3}.`,
  en: `Enter a whole number, for example ${WHOLE_EXAMPLE[f] ?? 3}.`,
});

/**
 * Converts the typed values and checks them with the core dwelling schema. Unreadable numbers get their own message;
 * everything else is the schema's message for that field. Returns the dwelling or the messages by field.
 */
export function formToDwelling(values: DwellingFormValues, lang: Language): { ok: true; dwelling: Dwelling } | { ok: false; errors: DwellingFormErrors } {
  const errors: DwellingFormErrors = {};
  const data: Record<string, unknown> = {};
  for (const f of DWELLING_FIELDS) {
    const raw = values[f].trim();
    if (raw === '') {
      if (NULLABLE.has(f)) data[f] = null;
      continue;
    }
    if ((NUMBER_FIELDS as readonly string[]).includes(f)) {
      const parsed = parseNumber(raw, { min: -Infinity, max: Infinity, integer: f !== 'areaM2' }, lang);
      if (parsed.kind === 'number') data[f] = parsed.value;
      else if (parsed.kind === 'invalid') errors[f] = (parsed.reason === 'notWhole' ? notWhole(f) : NOT_A_NUMBER)[lang];
    } else if ((YES_NO_FIELDS as readonly string[]).includes(f)) {
      data[f] = raw === 'yes';
    } else {
      data[f] = f === 'notes' ? values[f] : raw;
    }
  }
  // A let dwelling's "vacant from" and an open-ended lease's years mean nothing; drop them instead of erroring.
  if (data.leaseType === 'openEnded') data.leaseYears = null;
  if (data.vacant === true) data.vacantFrom = null;
  const parsed = dwellingSchema.safeParse(data);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, dwelling: parsed.data };
  if (!parsed.success) {
    for (const issue of formatIssues(parsed.error.issues, lang)) {
      const field = issue.path.split('.')[0] as DwellingField;
      if ((DWELLING_FIELDS as readonly string[]).includes(field) && !errors[field]) errors[field] = issue.message;
    }
  }
  return { ok: false, errors };
}

/** The fields whose value differs: an edit writes only these, so two people editing different fields never conflict. */
export function changedFields(before: Dwelling, after: Dwelling): Partial<Dwelling> {
  const out: Record<string, unknown> = {};
  for (const f of DWELLING_FIELDS) {
    if ((before[f] ?? null) !== (after[f] ?? null)) out[f] = after[f] ?? null;
  }
  return out as Partial<Dwelling>;
}
