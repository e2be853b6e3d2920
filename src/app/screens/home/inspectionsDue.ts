/**
 * Which dwellings are due for a check, for the home screen of those who inspect: never checked, checked more than
 * 12 months ago, and reaching 12 months within 30 days. Counted as the registry's "Trenger kontroll" filter counts,
 * so each line's link shows the same dwellings.
 */
import { monthsBefore } from '../dwellings/registryFilter';

/** A dwelling is due for a check this many months after the last one. */
export const CHECK_EVERY_MONTHS = 12;
/** "Soon" is within this many days. */
export const SOON_DAYS = 30;

/** One line: what, how many, and the registry filtered to them. */
export type DueItem = { key: 'neverInspected' | 'inspectionsOverdue' | 'inspectionsDueSoon'; n: number; href: string };

type Checklist = { dwellingId?: string | null; householdId?: string | null; planId?: string | null; status: string; completedAt?: string | null };

/**
 * The lines that count something. `checklists` may hold any; the newest completed one naming a dwelling dates it,
 * as in the registry.
 */
export function inspectionsDue(dwellingIds: readonly string[], checklists: readonly Checklist[], now: Date): DueItem[] {
  const last = new Map<string, string>();
  for (const c of checklists) {
    if (c.status !== 'completed' || !c.dwellingId || !c.completedAt) continue;
    const seen = last.get(c.dwellingId);
    if (!seen || c.completedAt > seen) last.set(c.dwellingId, c.completedAt);
  }
  const overdueBefore = monthsBefore(now, CHECK_EVERY_MONTHS).toISOString();
  const soonBefore = monthsBefore(new Date(now.getTime() + SOON_DAYS * 86_400_000), CHECK_EVERY_MONTHS).toISOString();
  let never = 0;
  let overdue = 0;
  let soon = 0;
  for (const id of dwellingIds) {
    const at = last.get(id);
    if (!at) never++;
    else if (at < overdueBefore) overdue++;
    else if (at < soonBefore) soon++;
  }
  const items: DueItem[] = [
    { key: 'inspectionsOverdue', n: overdue, href: `/dwellings?kontroll=${CHECK_EVERY_MONTHS}` },
    { key: 'neverInspected', n: never, href: '/dwellings?kontroll=never' },
    { key: 'inspectionsDueSoon', n: soon, href: `/dwellings?kontroll=${CHECK_EVERY_MONTHS - 1}` },
  ];
  return items.filter((i) => i.n > 0);
}
