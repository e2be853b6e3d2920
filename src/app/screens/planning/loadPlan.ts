/**
 * What the inspection plan screen reads: every dwelling with its next-inspection date from the rules, and every plan
 * still open (not done, not cancelled), from the device database.
 */
import { myInspections, type PlanLine } from '../../../core/planning/myInspections';
import { dueState, dwellingFacts, nextInspection, type DueState, type NextInspection } from '../../../core/planning/nextInspection';
import type { Allocation } from '../../../core/schemas/allocation';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import type { ScheduledInspection } from '../../../core/schemas/scheduledInspection';
import type { Task } from '../../../core/schemas/task';
import { repo } from '../../store/repo';
import { loadSettings } from '../../store/useSettings';
import { intervalsFrom } from '../../../core/planning/intervals';
import { actionFacts } from './actionFacts';

/** A dwelling as the plan lists it. */
export type PlanCandidate = { id: string; dwelling: Dwelling; next: NextInspection; state: DueState; plannedId: string | null };

/** Candidates most urgent first (never inspected, then by due date), and the open plans by date. */
export type PlanData = { candidates: PlanCandidate[]; open: PlanLine[]; addresses: Map<string, string> };


/** Reads and computes the plan on `today` (yyyy-mm-dd, Norwegian). Lists the role may not read come back empty. */
export async function loadPlan(today: string): Promise<PlanData> {
  const [dwellings, completed, allocations, tasks, plans, settings] = await Promise.all([
    repo<Dwelling>('dwelling').list(),
    repo<Inspection>('inspection').listBy('status', 'completed'),
    repo<Allocation>('allocation').list(),
    repo<Task>('task').list(),
    repo<ScheduledInspection>('scheduledInspection').list((s) => s.status === 'planned'),
    loadSettings(),
  ]);
  const intervals = intervalsFrom(settings);
  const facts = dwellingFacts(
    completed.map((c) => c.data),
    allocations.map((a) => a.data),
    tasks.map((t) => actionFacts(t.data)),
    intervals,
  );
  const lists = myInspections(plans.map((p) => ({ id: p.id, data: p.data })), completed.map((c) => c.data), today);
  const open = [...lists.overdue, ...lists.due, ...lists.assigned].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
  const plannedFor = new Map<string, string>();
  for (const p of open) if (!plannedFor.has(p.data.dwellingId)) plannedFor.set(p.data.dwellingId, p.id);
  const candidates = dwellings.map((d): PlanCandidate => {
    const next = nextInspection(facts.get(d.id), intervals);
    return { id: d.id, dwelling: d.data, next, state: dueState(next, today, intervals), plannedId: plannedFor.get(d.id) ?? null };
  });
  candidates.sort((a, b) => (a.next.date ?? '').localeCompare(b.next.date ?? '') || a.dwelling.address.localeCompare(b.dwelling.address, 'nb'));
  return { candidates, open, addresses: new Map(dwellings.map((d) => [d.id, d.data.address])) };
}
