/** Turns a household record — as far as its consent lets the intake team see it — into matching needs. */
import type { Household } from '../schemas/household';
import type { HouseholdNeeds } from './match';

/**
 * The household's needs on `today` (yyyy-mm-dd), or null when its consent does not share its composition.
 * Only birth years are stored, so a child's age is the youngest it can be on the date needed: a child who may still
 * be 2 is matched as 2 and gets only dwellings suited for 0–3 — the safe side.
 */
export function needsFromHousehold(household: Partial<Household>, today: string): HouseholdNeeds | null {
  if (household.adults === undefined || household.childBirthYears === undefined) return null;
  const neededBy = household.needs?.neededBy ?? undefined;
  const year = Number((neededBy && neededBy > today ? neededBy : today).slice(0, 4));
  return {
    adults: household.adults,
    childAges: household.childBirthYears.map((born) => Math.max(0, year - born - 1)),
    stepFree: household.needs !== undefined && household.needs.accessibility !== 'none',
    preferredAreas: household.needs?.preferredAreas ?? [],
    ...(neededBy ? { neededBy } : {}),
  };
}
