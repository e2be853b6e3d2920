/** The household form's values as typed, and their conversion to a household checked by the core schema. */
import { formatIssues } from '../../../core/schemas/formatIssues';
import { householdSchema, type ACCESSIBILITY_NEEDS, type Household } from '../../../core/schemas/household';
import type { Language, LocalText } from '../../../core/text';

/** The fields a person edits, in form order. The consent has its own form and is kept as it is. */
export const HOUSEHOLD_FORM_FIELDS = [
  'displayName',
  'adults',
  'childBirthYears',
  'languageNeeds',
  'dwellingId',
  'priorityFamily',
  'accessibility',
  'preferredAreas',
  'neededBy',
  'notes',
  'counsellorIds',
] as const;
/** One edited field. */
export type HouseholdFormField = (typeof HOUSEHOLD_FORM_FIELDS)[number];

/** What the form holds: text as typed, areas as a list. */
export type HouseholdFormValues = Omit<Record<HouseholdFormField, string>, 'preferredAreas' | 'counsellorIds'> & {
  preferredAreas: string[];
  counsellorIds: string[];
};

/** Errors by field, in the person's language. */
export type HouseholdFormErrors = Partial<Record<HouseholdFormField, string>>;

/** An empty form for a new household, followed by `counsellorIds` (the creating counsellor). */
export function emptyHouseholdForm(counsellorIds: string[] = []): HouseholdFormValues {
  return {
    counsellorIds,
    displayName: '',
    adults: '1',
    childBirthYears: '',
    languageNeeds: '',
    dwellingId: '',
    priorityFamily: 'no',
    accessibility: 'none',
    preferredAreas: [],
    neededBy: '',
    notes: '',
  };
}

/** The form filled from a stored household. */
export function householdToForm(h: Household): HouseholdFormValues {
  return {
    counsellorIds: [...h.counsellorIds],
    displayName: h.displayName,
    adults: String(h.adults),
    childBirthYears: h.childBirthYears.join(', '),
    languageNeeds: h.languageNeeds ?? '',
    dwellingId: h.dwellingId ?? '',
    priorityFamily: h.priorityFamily ? 'yes' : 'no',
    accessibility: h.needs.accessibility,
    preferredAreas: [...h.needs.preferredAreas],
    neededBy: h.needs.neededBy ?? '',
    notes: h.notes ?? '',
  };
}

const BIRTH_YEARS_INVALID: LocalText = {
  nb: 'Skriv fødselsår med fire sifre, skilt med komma (f.eks. 2016, 2019)',
  en: 'Write birth years with four digits, separated by commas (e.g. 2016, 2019)',
};

const BIRTH_YEAR_FUTURE: LocalText = {
  nb: 'Et fødselsår kan ikke være etter {year}',
  en: 'A birth year cannot be after {year}',
};

/** Schema paths to the form field that shows the error. */
function fieldOf(path: string): HouseholdFormField | null {
  const top = path.split('.')[0]!;
  if (top === 'needs') {
    const sub = path.split('.')[1];
    return sub === 'preferredAreas' ? 'preferredAreas' : sub === 'neededBy' ? 'neededBy' : 'accessibility';
  }
  return (HOUSEHOLD_FORM_FIELDS as readonly string[]).includes(top) ? (top as HouseholdFormField) : null;
}

/**
 * The household the form describes, keeping the stored consent, or the errors by field. Checked with the same schema
 * the server parses every write with.
 */
export function formToHousehold(
  v: HouseholdFormValues,
  base: Pick<Household, 'consent'>,
  lang: Language,
  thisYear = new Date().getFullYear(),
): { ok: true; household: Household } | { ok: false; errors: HouseholdFormErrors } {
  const errors: HouseholdFormErrors = {};
  const years = v.childBirthYears.split(/[\s,;]+/).filter(Boolean);
  if (years.some((y) => !/^\d{4}$/.test(y))) errors.childBirthYears = BIRTH_YEARS_INVALID[lang];
  // The schema allows any year the data could hold; a child in the household is born by now (a typo like 2062).
  else if (years.some((y) => Number(y) > thisYear)) errors.childBirthYears = BIRTH_YEAR_FUTURE[lang].replace('{year}', String(thisYear));
  const adults = /^\d+$/.test(v.adults.trim()) ? Number(v.adults) : Number.NaN;
  const candidate = {
    displayName: v.displayName.trim(),
    adults,
    childBirthYears: years.map(Number),
    languageNeeds: v.languageNeeds.trim() || null,
    dwellingId: v.dwellingId || null,
    priorityFamily: v.priorityFamily === 'yes',
    counsellorIds: v.counsellorIds,
    consent: base.consent ?? null,
    needs: {
      accessibility: v.accessibility as (typeof ACCESSIBILITY_NEEDS)[number],
      preferredAreas: v.preferredAreas,
      neededBy: v.neededBy || null,
    },
    notes: v.notes.trim() || null,
  };
  const parsed = householdSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of formatIssues(parsed.error.issues, lang)) {
      const field = fieldOf(issue.path);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, household: parsed.data };
}

/** The top-level fields that differ: only those are written, so two people editing different fields never conflict. */
export function changedHouseholdFields(before: Household, after: Household): Partial<Household> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Household)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) patch[key] = after[key];
  }
  return patch as Partial<Household>;
}
