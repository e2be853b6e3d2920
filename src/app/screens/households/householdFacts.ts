/** What the household screens say about a household: persons, children's ages, crowding, consent — from what the device holds. */
import type { Role } from '../../../core/entities';
import { consentState, type ConsentState } from '../../../core/privacy/consentState';
import { followsHousehold } from '../../../core/privacy/recordAccess';
import { bedroomsNeeded } from '../../../core/rules/bedroomsNeeded';
import { isCrowded } from '../../../core/rules/isCrowded';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Household } from '../../../core/schemas/household';

/** A household as this device may hold it: the intake team receives only the fields the consent shares. */
export type HouseholdView = Partial<Household>;

/** Ages this year from birth years (the youngest each child can be: a birthday may still be to come). */
export function childAges(h: HouseholdView, now: Date): { year: number; age: number }[] {
  return (h.childBirthYears ?? []).map((year) => ({ year, age: Math.max(0, now.getFullYear() - year - 1) }));
}

/** "2 voksne, 1 barn" — the composition in words, through the screen's translate function. */
export function compositionText(t: (key: 'adultsOne' | 'adultsMany' | 'childrenOne' | 'childrenMany', vars?: Record<string, number>) => string, adults: number, children: number): string {
  return `${adults === 1 ? t('adultsOne') : t('adultsMany', { n: adults })}, ${children === 1 ? t('childrenOne') : t('childrenMany', { n: children })}`;
}

/** Persons living in the household, when its composition is known here. */
export function personsIn(h: HouseholdView): number | null {
  return h.adults === undefined || h.childBirthYears === undefined ? null : h.adults + h.childBirthYears.length;
}

/** SSB crowding of the household in its dwelling, or null when the device lacks the composition or the dwelling. */
export function crowdingOf(h: HouseholdView, dwelling: Pick<Dwelling, 'rooms' | 'areaM2'> | null | undefined) {
  const persons = personsIn(h);
  if (persons === null || !dwelling) return null;
  return {
    crowded: isCrowded(persons, dwelling.rooms, dwelling.areaM2),
    persons,
    rooms: dwelling.rooms,
    areaM2: dwelling.areaM2,
    perPerson: Math.round((dwelling.areaM2 / persons) * 10) / 10,
  };
}

/** Approved bedrooms the household needs (one for the adults, one per two children), when its composition is known. */
export function bedroomsFor(h: HouseholdView): number | null {
  return h.adults === undefined || h.childBirthYears === undefined ? null : bedroomsNeeded(h.adults, h.childBirthYears.length);
}

/**
 * Whether this person sees all of the household: an administrator, or a counsellor who follows it. Everyone else
 * holds only what the consent shares. (A household without consent yet has no consent field at all, so its
 * absence does not tell.)
 */
export function seesAll(h: HouseholdView, user: { id: string; roles: readonly Role[] } | null | undefined): boolean {
  return !!user && followsHousehold({ id: user.id, roles: user.roles, units: [] }, h);
}

/** The consent's state now for those who see all of the household; undefined for the others (consent is counsellor only). */
export function consentStateOf(h: HouseholdView, now: Date, full: boolean): ConsentState | undefined {
  return full ? consentState(h.consent, now) : undefined;
}
