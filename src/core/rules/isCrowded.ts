/** SSB's definition of a crowded household ("trangbodd"). */

/** SSB: below this many m² per person (together with more persons than rooms) a household is crowded. */
export const CROWDED_BELOW_M2_PER_PERSON = 20;

/** Crowded by SSB's definition: more persons than rooms AND under 20 m² per person — both at once. */
export function isCrowded(persons: number, rooms: number, areaM2: number): boolean {
  if (!(persons > 0) || !Number.isFinite(rooms) || !Number.isFinite(areaM2)) return false;
  return persons > rooms && areaM2 / persons < CROWDED_BELOW_M2_PER_PERSON;
}
