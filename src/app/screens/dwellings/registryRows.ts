/** The registry's lines: each dwelling with its verdict from its latest completed checklists and its last inspection date. */
import { assessDwelling } from '../../../core/rules/assessDwelling';
import type { Verdict } from '../../../core/rules/verdict';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import type { RegistryRow } from './registryFilter';

/** A record as the store lists it: id and data. */
type Rec<T> = { id: string; data: T };

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

/** One line per dwelling, verdict included (recomputed from the answers, never stored, so it always matches them). */
export function registryRows(dwellings: readonly Rec<Dwelling>[], inspections: readonly Rec<Inspection>[]): RegistryRow<Verdict>[] {
  const byDwelling = inspectionsByDwelling(inspections);
  return dwellings.map((d) => {
    const own = (byDwelling.get(d.id) ?? []).map((i) => i.data);
    let last: string | null = null;
    for (const i of own) if (i.status === 'completed' && i.completedAt && (!last || i.completedAt > last)) last = i.completedAt;
    return { id: d.id, dwelling: d.data, verdict: assessDwelling(d.data, own).verdict, lastInspectedAt: last };
  });
}
