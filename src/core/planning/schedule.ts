/**
 * Planning many inspections at once from a filtered registry ("all in one area due before March → Ivar, weeks 3–6"): the
 * dwellings, most urgent first, spread evenly over the chosen weeks, or all on one day.
 */
import type { ScheduledInspection } from '../schemas/scheduledInspection';
import { addDays, mondayOfWeek, type IsoWeek } from './dates';

/** When: one day, or a range of ISO weeks (inclusive). */
export type When = { day: string } | { from: IsoWeek; to: IsoWeek };

/** The Mondays of every week from `from` to `to`, inclusive (empty when `to` is before `from`). */
export function weeksBetween(from: IsoWeek, to: IsoWeek): string[] {
  const mondays: string[] = [];
  const last = mondayOfWeek(to);
  for (let m = mondayOfWeek(from); m <= last; m = addDays(m, 7)) mondays.push(m);
  return mondays;
}

/** The same work each week: dwelling i of n goes to week floor(i × weeks / n), so earlier weeks take the most urgent. */
export function spreadOverWeeks<T>(items: readonly T[], mondays: readonly string[]): { item: T; monday: string }[] {
  if (!mondays.length) return [];
  return items.map((item, i) => ({ item, monday: mondays[Math.floor((i * mondays.length) / items.length)]! }));
}

/** The planned inspections for these dwellings (in the order given: most urgent first), ready to store. */
export function planInspections(
  dwellingIds: readonly string[],
  when: When,
  base: Pick<ScheduledInspection, 'inspectorId' | 'templateIds'> & { note?: string | null },
  now: Date,
): ScheduledInspection[] {
  const common = { inspectorId: base.inspectorId, templateIds: [...base.templateIds], status: 'planned' as const, plannedAt: now.toISOString(), ...(base.note ? { note: base.note } : {}) };
  if ('day' in when) return dwellingIds.map((dwellingId) => ({ ...common, dwellingId, date: when.day, byWeek: false }));
  return spreadOverWeeks(dwellingIds, weeksBetween(when.from, when.to)).map(({ item, monday }) => ({ ...common, dwellingId: item, date: monday, byWeek: true }));
}
