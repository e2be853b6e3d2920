/** The visibility class of every household field: counsellor only, or shareable with a unit when consent grants a category. */
import type { ConsentCategory, Household } from '../schemas/household';
import { CONSENT_CATEGORIES } from '../schemas/household';

/** Who may see a field beyond the assigned counsellors and administrators. */
export type FieldVisibility =
  | { class: 'counsellorOnly' }
  /** Shown to a unit whose valid consent grants any one of `categories`. */
  | { class: 'shareable'; categories: readonly ConsentCategory[] };

const only = { class: 'counsellorOnly' } as const;
const shareable = (...categories: ConsentCategory[]): FieldVisibility => ({ class: 'shareable', categories });

/**
 * Every field of a household, classified. The mapped type makes a new schema field a type error here until someone
 * decides who may see it. Categories without fields here (economy, health, children, visits) cover what a counsellor
 * may tell a unit outside the app; the app itself stores no economy or health data and never shares visits.
 */
export const HOUSEHOLD_FIELD_VISIBILITY: { readonly [K in keyof Required<Household>]: FieldVisibility } = {
  // The alias and the contact counsellors identify the household to whoever may see any of it.
  displayName: shareable(...CONSENT_CATEGORIES),
  counsellorIds: shareable(...CONSENT_CATEGORIES),
  adults: shareable('composition'),
  childBirthYears: shareable('composition'),
  // Language needs can reveal ethnic origin (GDPR art. 9): shared only with the composition the family agreed to.
  languageNeeds: shareable('composition'),
  dwellingId: shareable('housing'),
  needs: shareable('housing'),
  priorityFamily: shareable('tasks'),
  consent: only,
  notes: only,
};

/** The fields of `household` a unit granted `categories` may see; every other field is left out, not blanked. */
export function sharedHouseholdFields(household: Record<string, unknown>, categories: readonly ConsentCategory[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(household)) {
    const visibility = HOUSEHOLD_FIELD_VISIBILITY[field as keyof Household] as FieldVisibility | undefined;
    // An unclassified field (a newer schema than this code) is treated as counsellor only.
    if (visibility?.class === 'shareable' && visibility.categories.some((c) => categories.includes(c))) view[field] = value;
  }
  return view;
}
