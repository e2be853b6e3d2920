/**
 * Which side a checklist belongs to. One that names a household or a Foyer plan (a home visit, a follow-up) is the
 * household's: household data, written by its counsellors, and never part of a dwelling's verdict even when it also
 * names a dwelling. One that names only a dwelling (inspection, neighbourhood, risk) is the dwelling's: written by
 * inspectors and administrators, and what verdicts and figures are built from.
 */
export type ChecklistSide = 'household' | 'dwelling';

type Links = { householdId?: unknown; planId?: unknown; dwellingId?: unknown };

const named = (v: unknown): boolean => typeof v === 'string' && v !== '';

/** The checklist's side, or null when it names neither a household, a plan nor a dwelling. */
export function checklistSide(data: Links | null | undefined): ChecklistSide | null {
  if (!data) return null;
  if (named(data.householdId) || named(data.planId)) return 'household';
  if (named(data.dwellingId)) return 'dwelling';
  return null;
}

/** True unless the checklist is a household's: what a dwelling's verdict may be built from. */
export function countsForDwelling(data: Links): boolean {
  return checklistSide(data) !== 'household';
}
