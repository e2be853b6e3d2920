/**
 * **Mine befaringer**: an inspector's planned inspections sorted into overdue, due (today or this week) and assigned
 * (later), with those done this week, counted from what the device holds. A planned inspection is done once a
 * checklist of its dwelling was completed after it was planned; a cancelled one is left out.
 */
import type { ScheduledInspection } from '../schemas/scheduledInspection';
import { addDays, mondayOf } from './dates';
import { osloDay } from './osloDay';

/** A planned inspection with its record id. */
export type ScheduledRec = { id: string; data: ScheduledInspection };

/** A completed dwelling checklist as this reads it. */
export type CompletedFacts = { dwellingId?: string | null; status: string; completedAt?: string | null };

/** One line: the plan, and when its dwelling's checklist was completed (done) or null. */
export type PlanLine = ScheduledRec & { doneOn: string | null };

/** The inspector's lists. */
export type MyInspections = { overdue: PlanLine[]; due: PlanLine[]; assigned: PlanLine[]; doneThisWeek: PlanLine[] };

/** The last day a plan may be carried out on: its day, or the Sunday of its week. */
export function lastDayOf(s: Pick<ScheduledInspection, 'date' | 'byWeek'>): string {
  return s.byWeek ? addDays(s.date, 6) : s.date;
}

/**
 * Sorts the plans (any inspector's: filter before) by where they stand on `today` (yyyy-mm-dd, Norwegian). `checklists`
 * need only be those of the planned dwellings; the newest completion after the plan counts.
 */
export function myInspections(plans: readonly ScheduledRec[], checklists: readonly CompletedFacts[], today: string): MyInspections {
  const completions = new Map<string, string[]>();
  for (const c of checklists) {
    if (c.status !== 'completed' || !c.dwellingId || !c.completedAt) continue;
    const list = completions.get(c.dwellingId);
    if (list) list.push(c.completedAt);
    else completions.set(c.dwellingId, [c.completedAt]);
  }
  const weekStart = mondayOf(today);
  const weekEnd = addDays(weekStart, 6);
  const out: MyInspections = { overdue: [], due: [], assigned: [], doneThisWeek: [] };
  for (const p of plans) {
    if (p.data.status !== 'planned') continue;
    const plannedAt = Date.parse(p.data.plannedAt);
    let done: string | null = null;
    for (const at of completions.get(p.data.dwellingId) ?? []) {
      if (Date.parse(at) >= plannedAt && (!done || at > done)) done = at;
    }
    const line: PlanLine = { ...p, doneOn: done ? osloDay(done) : null };
    if (line.doneOn) {
      if (line.doneOn >= weekStart && line.doneOn <= weekEnd) out.doneThisWeek.push(line);
    } else if (lastDayOf(p.data) < today) out.overdue.push(line);
    else if (p.data.date <= weekEnd) out.due.push(line);
    else out.assigned.push(line);
  }
  const byDate = (a: PlanLine, b: PlanLine) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id);
  out.overdue.sort(byDate);
  out.due.sort(byDate);
  out.assigned.sort(byDate);
  out.doneThisWeek.sort((a, b) => b.doneOn!.localeCompare(a.doneOn!));
  return out;
}
