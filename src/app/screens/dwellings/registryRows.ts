/**
 * The registry's lines: each dwelling with its verdict from its latest completed checklists and open follow-up actions
 * (as its page gives it), and its last inspection date.
 */
import { actionsByDwelling } from '../../../core/actions/findingActions';
import { isVacant } from '../../../core/matching/vacancy';
import { assessDwelling } from '../../../core/rules/assessDwelling';
import { defaultRuleSet } from '../../../core/rules/defaultRuleSet';
import type { RuleSet } from '../../../core/rules/ruleSet';
import type { Allocation } from '../../../core/schemas/allocation';
import type { Verdict } from '../../../core/rules/verdict';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import type { Task } from '../../../core/schemas/task';
import type { RegistryRow } from './registryFilter';

/** A record as the store lists it: id and data. */
type Rec<T> = { id: string; data: T };

/** What the registry shows about a dwelling's checklists: the verdict and when it was last inspected. */
export type DwellingSummary = { verdict: Verdict; lastInspectedAt: string | null };

/** Inspections grouped by the dwelling they check (home visits and Foyer follow-ups have none and are left out). */
export function inspectionsByDwelling(inspections: readonly Rec<Inspection>[]): Map<string, Rec<Inspection>[]> {
  const out = new Map<string, Rec<Inspection>[]>();
  for (const i of inspections) {
    const d = i.data.dwellingId;
    if (!d) continue;
    let list = out.get(d);
    if (!list) out.set(d, (list = []));
    list.push(i);
  }
  return out;
}

/**
 * Each dwelling's verdict (recomputed from the answers and its open actions, never stored in a record) and newest
 * completed inspection: an open TG3, red or gate action makes it not suitable here as on its page. `ruleSet`: the one
 * the settings put in force.
 */
export function summarize(
  dwellings: readonly Rec<Dwelling>[],
  inspections: readonly Rec<Inspection>[],
  tasks: readonly Rec<Task>[] = [],
  ruleSet: RuleSet = defaultRuleSet,
): Map<string, DwellingSummary> {
  const byDwelling = inspectionsByDwelling(inspections);
  const actions = actionsByDwelling(tasks.map((t) => t.data));
  const out = new Map<string, DwellingSummary>();
  for (const d of dwellings) {
    const own = (byDwelling.get(d.id) ?? []).map((i) => i.data);
    let last: string | null = null;
    for (const i of own) if (i.status === 'completed' && i.completedAt && (!last || i.completedAt > last)) last = i.completedAt;
    out.set(d.id, { verdict: assessDwelling(d.data, own, ruleSet, { actions: actions.get(d.id) ?? [] }).verdict, lastInspectedAt: last });
  }
  return out;
}

/** The lines, with the summaries known so far; a dwelling without one gets a null verdict ("being assessed"). */
export function rowsFrom(
  dwellings: readonly (Rec<Dwelling> & { updatedAt?: string })[],
  summaries: ReadonlyMap<string, DwellingSummary>,
  allocations: readonly Allocation[] = [],
  today = '',
): RegistryRow<Verdict | null>[] {
  return dwellings.map((d) => {
    const s = summaries.get(d.id);
    // Vacancy follows allocations: a dwelling allocated since its record changed is listed (and filtered) as let.
    // Without the time of change nothing can be told: the registry's word stands.
    const vacant = d.updatedAt === undefined ? d.data.vacant : isVacant({ id: d.id, vacant: d.data.vacant }, allocations, today, d.updatedAt);
    const dwelling = vacant === d.data.vacant ? d.data : { ...d.data, vacant };
    return { id: d.id, dwelling, verdict: s?.verdict ?? null, lastInspectedAt: s?.lastInspectedAt ?? null };
  });
}
