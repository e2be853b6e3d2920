/** The matching form's values as typed, and their check: what a person typed becomes `HouseholdNeeds` or a list of problems. */
import type { HouseholdNeeds } from '../../../core/matching/match';
import type { LocalText } from '../../../core/text';

/** The form as typed (text fields stay text until checked). */
export type NeedsFormValues = {
  householdId: string;
  adults: string;
  childAges: string;
  stepFree: boolean;
  preferredAreas: string[];
  neededBy: string;
};

/** An empty form: two adults, no children. */
export const EMPTY_NEEDS: NeedsFormValues = { householdId: '', adults: '2', childAges: '', stepFree: false, preferredAreas: [], neededBy: '' };

/** The form filled from needs (a picked household's). */
export function needsToForm(needs: HouseholdNeeds, householdId: string): NeedsFormValues {
  return {
    householdId,
    adults: String(needs.adults),
    childAges: needs.childAges.join(', '),
    stepFree: needs.stepFree,
    preferredAreas: [...needs.preferredAreas],
    neededBy: needs.neededBy ?? '',
  };
}

/** Problems by field, in both languages. */
export type NeedsErrors = Partial<Record<'adults' | 'childAges' | 'neededBy', LocalText>>;

/** Checks the typed values: adults 1–10, ages whole numbers 0–17 separated by commas, a real date when given. */
export function formToNeeds(v: NeedsFormValues): { needs: HouseholdNeeds } | { errors: NeedsErrors } {
  const errors: NeedsErrors = {};
  const adults = Number(v.adults.trim());
  if (!/^\d+$/.test(v.adults.trim()) || adults < 1 || adults > 10)
    errors.adults = { nb: 'Antall voksne må være et heltall fra 1 til 10', en: 'The number of adults must be a whole number from 1 to 10' };
  const parts = v.childAges.split(/[,;\s]+/).filter(Boolean);
  if (parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) > 17) || parts.length > 15)
    errors.childAges = {
      nb: 'Skriv alderen til hvert barn som hele tall fra 0 til 17, skilt med komma (høyst 15 barn)',
      en: 'Write each child’s age as a whole number from 0 to 17, separated by commas (at most 15 children)',
    };
  if (v.neededBy && (!/^\d{4}-\d{2}-\d{2}$/.test(v.neededBy) || Number.isNaN(Date.parse(v.neededBy))))
    errors.neededBy = { nb: 'Datoen må være på formen ÅÅÅÅ-MM-DD', en: 'The date must be YYYY-MM-DD' };
  if (Object.keys(errors).length) return { errors };
  return {
    needs: {
      adults,
      childAges: parts.map(Number),
      stepFree: v.stepFree,
      preferredAreas: v.preferredAreas,
      ...(v.neededBy ? { neededBy: v.neededBy } : {}),
    },
  };
}
