/**
 * The property unit's figures: dwellings past their next-inspection date (by the rules of core/planning), open
 * follow-up actions by age and severity, and the mean time from a finding to its action being closed. An action is a
 * task naming a dwelling and a severity (core/schemas/task); its age counts from the completion of the checklist whose
 * finding proposed it.
 */
import { osloDay } from '../planning/osloDay';
import { daysBetween } from '../planning/dates';
import { DEFAULT_INSPECTION_INTERVALS, type InspectionIntervals } from '../planning/intervals';
import { dueState, dwellingFacts, nextInspection, type ChecklistFacts } from '../planning/nextInspection';
import { ACTION_SEVERITIES, type Task } from '../schemas/task';

/** Age groups of open actions, in days since the finding. */
export const ACTION_AGES = ['upTo30', 'upTo90', 'upTo180', 'over180', 'unknown'] as const;
/** One age group. */
export type ActionAge = (typeof ACTION_AGES)[number];

/** Upper bounds (inclusive, days) of the age groups with one. */
const AGE_LIMITS: readonly [ActionAge, number][] = [['upTo30', 30], ['upTo90', 90], ['upTo180', 180]];

/** One severity. */
export type Severity = (typeof ACTION_SEVERITIES)[number];

/** The figures. */
export type PropertyFigures = {
  inspections: { overdue: number; never: number; dueSoon: number; dwellings: number };
  /** Open actions per severity and age group. */
  openActions: Record<Severity, Record<ActionAge, number>>;
  openTotal: number;
  /** Open actions past their deadline. */
  openPastDeadline: number;
  /** Closed actions with a known start, and the mean days from finding to closing (null when none). */
  closed: number;
  meanDaysToClose: number | null;
};

/** What the figures are computed from. */
export type PropertyInput = {
  dwellingIds: readonly string[];
  /** Checklists with their ids (an action's age is read from the one it came from). */
  checklists: readonly (ChecklistFacts & { id: string })[];
  allocations?: readonly { dwellingId: string; date: string }[];
  tasks: readonly Task[];
  /** Today in Norway, yyyy-mm-dd. */
  today: string;
  intervals?: InspectionIntervals;
};

/** The age group of an action `days` old. */
export function ageGroup(days: number | null): ActionAge {
  if (days === null) return 'unknown';
  for (const [group, limit] of AGE_LIMITS) if (days <= limit) return group;
  return 'over180';
}

/** Computes the figures. */
export function propertyFigures({ dwellingIds, checklists, allocations = [], tasks, today, intervals = DEFAULT_INSPECTION_INTERVALS }: PropertyInput): PropertyFigures {
  const actions = tasks.filter((t) => t.dwellingId && !t.householdId && t.severity);
  const facts = dwellingFacts(checklists, allocations, actions.map((a) => ({ dwellingId: a.dwellingId, severity: a.severity, status: a.status })), intervals);
  const inspections = { overdue: 0, never: 0, dueSoon: 0, dwellings: dwellingIds.length };
  for (const id of dwellingIds) {
    const state = dueState(nextInspection(facts.get(id), intervals), today, intervals);
    if (state !== 'notDue') inspections[state]++;
  }
  const foundOn = new Map<string, string>();
  for (const c of checklists) if (c.status === 'completed' && c.completedAt) foundOn.set(c.id, osloDay(c.completedAt));
  const openActions = Object.fromEntries(ACTION_SEVERITIES.map((s) => [s, Object.fromEntries(ACTION_AGES.map((a) => [a, 0]))])) as PropertyFigures['openActions'];
  let openTotal = 0;
  let openPastDeadline = 0;
  let closed = 0;
  let closeDays = 0;
  for (const a of actions) {
    const start = a.sourceInspectionId ? (foundOn.get(a.sourceInspectionId) ?? null) : null;
    if (a.status === 'open') {
      openTotal++;
      if (a.dueDate < today) openPastDeadline++;
      openActions[a.severity!][ageGroup(start ? daysBetween(start, today) : null)]++;
    } else if (start && a.doneAt) {
      closed++;
      closeDays += Math.max(0, daysBetween(start, osloDay(a.doneAt)));
    }
  }
  return {
    inspections,
    openActions,
    openTotal,
    openPastDeadline,
    closed,
    meanDaysToClose: closed ? Math.round((closeDays / closed) * 10) / 10 : null,
  };
}
