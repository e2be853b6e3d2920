/** Dwellings never inspected, and dwellings whose last inspection is old: the inspectors' list of what to visit next. */
import type { Dwelling, Inspection, WithId } from '../schemas';
import { dwellingChecklists, type CompletedChecklist } from './dwellingChecklists';

/** A dwelling due for inspection, with the date of its last completed dwelling checklist (null: never). */
export type InspectionDue = { id: string; address: string; area: string; lastCompleted: string | null };

/** Months after which an inspection counts as old when nothing else is chosen. */
export const DEFAULT_INSPECTION_MAX_AGE_MONTHS = 24;

/** The day `months` months before `today` (yyyy-mm-dd); the 31st falls back to the month's last day. */
export function monthsBefore(today: string, months: number): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(today.slice(8, 10)), lastDay);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `never`: dwellings with no completed dwelling checklist; `old`: those whose latest one was completed before
 * `maxAgeMonths` months ago (oldest first). Any dwelling-side checklist (inspection, neighbourhood, risk) counts as a visit.
 * `history` is the inspections grouped by `dwellingChecklists`, when the caller has them already.
 */
export function trendInspectionAge(
  dwellings: readonly WithId<Dwelling>[],
  inspections: readonly Inspection[],
  today: string,
  maxAgeMonths = DEFAULT_INSPECTION_MAX_AGE_MONTHS,
  history: ReadonlyMap<string, readonly CompletedChecklist[]> = dwellingChecklists(inspections),
): { never: InspectionDue[]; old: InspectionDue[] } {
  const limit = monthsBefore(today, maxAgeMonths);
  const never: InspectionDue[] = [];
  const old: InspectionDue[] = [];
  for (const d of dwellings) {
    let lastCompleted: string | null = null;
    for (const { day } of history.get(d.id) ?? []) if (lastCompleted === null || day > lastCompleted) lastCompleted = day;
    const due = { id: d.id, address: d.address, area: d.area, lastCompleted };
    if (lastCompleted === null) never.push(due);
    else if (lastCompleted < limit) old.push(due);
  }
  never.sort((a, b) => a.address.localeCompare(b.address, 'nb'));
  old.sort((a, b) => a.lastCompleted!.localeCompare(b.lastCompleted!) || a.address.localeCompare(b.address, 'nb'));
  return { never, old };
}
