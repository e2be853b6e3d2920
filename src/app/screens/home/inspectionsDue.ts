/**
 * Which dwellings are due for inspection, for the home screen of those who inspect, by the next-inspection rules
 * (core/planning): never inspected, past their next-inspection date (a year, sooner after a red risk, an open TG3 or a
 * change of tenant), and due within 30 days. Each line opens the inspection plan filtered to the same dwellings.
 */
import { addDays } from '../../../core/planning/dates';
import { DEFAULT_INSPECTION_INTERVALS, type InspectionIntervals } from '../../../core/planning/intervals';
import { dueState, dwellingFactsOf, nextInspection, type ActionFacts, type ChecklistSummary } from '../../../core/planning/nextInspection';

/** One line: what, how many, and the plan filtered to them. */
export type DueItem = { key: 'neverInspected' | 'inspectionsOverdue' | 'inspectionsDueSoon'; n: number; href: string };

/**
 * The lines that count something, on `today` (yyyy-mm-dd, Norwegian). `checklists` are the summaries of the completed
 * dwelling checklists (checklistSummary: what the device's due index holds); allocations are the changes of tenant,
 * actions the open follow-ups that keep a dwelling on the short interval.
 */
export function inspectionsDue(
  dwellingIds: readonly string[],
  checklists: readonly ChecklistSummary[],
  today: string,
  allocations: readonly { dwellingId: string; date: string }[] = [],
  actions: readonly ActionFacts[] = [],
  intervals: InspectionIntervals = DEFAULT_INSPECTION_INTERVALS,
): DueItem[] {
  const facts = dwellingFactsOf(checklists, allocations, actions, intervals);
  const counts = { never: 0, overdue: 0, dueSoon: 0, notDue: 0 };
  for (const id of dwellingIds) counts[dueState(nextInspection(facts.get(id), intervals), today, intervals)]++;
  const soonBefore = addDays(today, intervals.dueSoonDays + 1);
  const items: DueItem[] = [
    { key: 'inspectionsOverdue', n: counts.overdue, href: `/inspection-plan?forfaller=${today}` },
    { key: 'neverInspected', n: counts.never, href: `/inspection-plan?forfaller=${today}` },
    { key: 'inspectionsDueSoon', n: counts.dueSoon, href: `/inspection-plan?forfaller=${soonBefore}` },
  ];
  return items.filter((i) => i.n > 0);
}
