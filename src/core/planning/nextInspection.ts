/**
 * When each dwelling is next due for inspection, from rules as data (intervals.ts): yearly after the last completed
 * inspection; sooner while the newest checklists show a red risk or a TG3 finding, or while a TG3/red follow-up action
 * is open; and at every change of tenant (an allocation dated after the last inspection). The earliest rule wins.
 */
import { isRedRisk } from '../checklist/followUp';
import { countsForDwelling } from '../checklist/checklistSide';
import { addDays, addMonths } from './dates';
import { DEFAULT_INSPECTION_INTERVALS, type InspectionIntervals } from './intervals';
import { osloDay } from './osloDay';

/** What the rules read about one dwelling. */
export type DwellingFacts = {
  /** Norwegian day of the newest completed dwelling checklist; null when it was never inspected. */
  lastInspected: string | null;
  /** The newest completed checklist of some template shows a red risk. */
  redRisk: boolean;
  /** The newest completed checklist of some template has a TG3 finding, or a TG3/red follow-up action is open. */
  openTg3: boolean;
  /** Dates of allocations (changes of tenant) of the dwelling. */
  tenantChanges: readonly string[];
};

/** Why the dwelling is due when it is. */
export const DUE_REASONS = ['never', 'regular', 'redRisk', 'openTg3', 'tenantChange'] as const;
/** One reason. */
export type DueReason = (typeof DUE_REASONS)[number];

/** The next inspection: its date (null when never inspected: due now) and the rule that set it. */
export type NextInspection = { date: string | null; reason: DueReason };

/** Where a dwelling stands against its due date today. */
export type DueState = 'never' | 'overdue' | 'dueSoon' | 'notDue';

/** A checklist as the rules read it (an inspection record's data). */
export type ChecklistFacts = {
  templateId: string;
  dwellingId?: string | null;
  householdId?: string | null;
  planId?: string | null;
  status: string;
  completedAt?: string | null;
  answers: Record<string, { value?: unknown } | undefined>;
};

/** A follow-up action as the rules read it (a task naming a dwelling and a severity). */
export type ActionFacts = { dwellingId?: string | null; severity?: string | null; status: string };

/** The next inspection of a dwelling with these facts (undefined facts: never inspected). */
export function nextInspection(facts: DwellingFacts | undefined, intervals: InspectionIntervals = DEFAULT_INSPECTION_INTERVALS): NextInspection {
  const last = facts?.lastInspected;
  if (!facts || !last) return { date: null, reason: 'never' };
  let best: NextInspection = { date: addMonths(last, intervals.regularMonths), reason: 'regular' };
  const sooner = (date: string, reason: DueReason) => {
    if (date < best.date!) best = { date, reason };
  };
  if (facts.redRisk) sooner(addMonths(last, intervals.afterRedRiskMonths), 'redRisk');
  if (facts.openTg3) sooner(addMonths(last, intervals.afterOpenTg3Months), 'openTg3');
  const changes = facts.tenantChanges.filter((d) => d > last);
  if (changes.length) sooner(addDays(changes.reduce((a, b) => (a < b ? a : b)), intervals.afterTenantChangeDays), 'tenantChange');
  return best;
}

/** Overdue once the due date has passed, due soon within `dueSoonDays` of it (today and `date` are yyyy-mm-dd). */
export function dueState(next: NextInspection, today: string, intervals: InspectionIntervals = DEFAULT_INSPECTION_INTERVALS): DueState {
  if (next.date === null) return 'never';
  if (next.date < today) return 'overdue';
  if (next.date <= addDays(today, intervals.dueSoonDays)) return 'dueSoon';
  return 'notDue';
}

const isTg3 = (a: { value?: unknown } | undefined): boolean => a?.value === 'TG3';
const isRed = (a: { value?: unknown } | undefined): boolean => isRedRisk(a?.value);

/**
 * What the rules read of one completed dwelling-side checklist: its dwelling, template, completion and whether it shows
 * a red risk or a TG3 finding. Small enough for the device to keep beside the checklist (an index key), so counting
 * what is due never has to read every checklist's answers. Null for a draft, a household's checklist or one without
 * dwelling or completion time.
 */
export type ChecklistSummary = { dwellingId: string; templateId: string; completedAt: string; redRisk: boolean; tg3: boolean };

/** The summary of one checklist (see ChecklistSummary), or null when it does not count for a dwelling's due date. */
export function checklistSummary(c: ChecklistFacts): ChecklistSummary | null {
  if (c.status !== 'completed' || !c.dwellingId || !c.completedAt || !countsForDwelling(c)) return null;
  const answers = Object.values(c.answers ?? {});
  return { dwellingId: c.dwellingId, templateId: c.templateId, completedAt: c.completedAt, redRisk: answers.some(isRed), tg3: answers.some(isTg3) };
}

/**
 * The facts of every dwelling the checklists, allocations and actions name. Only completed dwelling-side checklists
 * count (a household's checklist never does); the newest one per template decides red risk and TG3.
 */
export function dwellingFacts(
  checklists: readonly ChecklistFacts[],
  allocations: readonly { dwellingId: string; date: string }[] = [],
  actions: readonly ActionFacts[] = [],
  intervals: InspectionIntervals = DEFAULT_INSPECTION_INTERVALS,
): Map<string, DwellingFacts> {
  const summaries: ChecklistSummary[] = [];
  for (const c of checklists) {
    const s = checklistSummary(c);
    if (s) summaries.push(s);
  }
  return dwellingFactsOf(summaries, allocations, actions, intervals);
}

/** dwellingFacts from checklist summaries (checklistSummary) instead of whole checklists. */
export function dwellingFactsOf(
  summaries: readonly ChecklistSummary[],
  allocations: readonly { dwellingId: string; date: string }[] = [],
  actions: readonly ActionFacts[] = [],
  intervals: InspectionIntervals = DEFAULT_INSPECTION_INTERVALS,
): Map<string, DwellingFacts> {
  const newest = new Map<string, Map<string, ChecklistSummary>>();
  for (const c of summaries) {
    let byTemplate = newest.get(c.dwellingId);
    if (!byTemplate) newest.set(c.dwellingId, (byTemplate = new Map()));
    const seen = byTemplate.get(c.templateId);
    if (!seen || Date.parse(c.completedAt) > Date.parse(seen.completedAt)) byTemplate.set(c.templateId, c);
  }
  const facts = new Map<string, DwellingFacts>();
  const of = (id: string): DwellingFacts => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = { lastInspected: null, redRisk: false, openTg3: false, tenantChanges: [] }));
    return f;
  };
  for (const [id, byTemplate] of newest) {
    const f = of(id);
    for (const c of byTemplate.values()) {
      const day = osloDay(c.completedAt);
      if (!f.lastInspected || day > f.lastInspected) f.lastInspected = day;
      if (c.redRisk) f.redRisk = true;
      if (c.tg3) f.openTg3 = true;
    }
  }
  for (const a of allocations) (of(a.dwellingId).tenantChanges as string[]).push(a.date);
  for (const a of actions) {
    if (a.dwellingId && a.status !== 'done' && a.severity && intervals.urgentSeverities.includes(a.severity)) of(a.dwellingId).openTg3 = true;
  }
  return facts;
}
