/** Dwellings never inspected, and dwellings whose last inspection is old: the inspectors' list of what to visit next. */
import { TEMPLATE_IDS } from '../checklist/templates';
import type { Dwelling, Inspection, WithId } from '../schemas';

// The checklists made at the dwelling; a home visit is about the household, not an inspection of the dwelling.
const DWELLING_TEMPLATES = new Set<string>([TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.neighbourhood, TEMPLATE_IDS.riskAssessment]);

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
 */
export function trendInspectionAge(
  dwellings: readonly WithId<Dwelling>[],
  inspections: readonly Inspection[],
  today: string,
  maxAgeMonths = DEFAULT_INSPECTION_MAX_AGE_MONTHS,
): { never: InspectionDue[]; old: InspectionDue[] } {
  const last = new Map<string, string>();
  for (const i of inspections) {
    if (i.status !== 'completed' || !i.dwellingId || !i.completedAt || !DWELLING_TEMPLATES.has(i.templateId)) continue;
    const day = i.completedAt.slice(0, 10);
    if ((last.get(i.dwellingId) ?? '') < day) last.set(i.dwellingId, day);
  }
  const limit = monthsBefore(today, maxAgeMonths);
  const never: InspectionDue[] = [];
  const old: InspectionDue[] = [];
  for (const d of dwellings) {
    const lastCompleted = last.get(d.id) ?? null;
    const due = { id: d.id, address: d.address, area: d.area, lastCompleted };
    if (lastCompleted === null) never.push(due);
    else if (lastCompleted < limit) old.push(due);
  }
  never.sort((a, b) => a.address.localeCompare(b.address, 'nb'));
  old.sort((a, b) => a.lastCompleted!.localeCompare(b.lastCompleted!) || a.address.localeCompare(b.address, 'nb'));
  return { never, old };
}
