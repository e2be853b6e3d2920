/** Approved bedrooms a household needs (docs/domain.md): one for the adults, one per two children. */

/** 1 + ceil(children / 2), plus one for each adult beyond a couple (an adult son or a grandparent sleeps apart). */
export function bedroomsNeeded(adults: number, children: number): number {
  const a = Math.max(1, Math.floor(adults));
  const c = Math.max(0, Math.floor(children));
  return 1 + Math.ceil(c / 2) + Math.max(0, a - 2);
}
