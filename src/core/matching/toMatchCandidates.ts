/** Prepares the stock for matching: each dwelling's facts, its verdict, and what its latest checklists say about access and distances. */
import { countsForDwelling } from '../checklist/checklistSide';
import { TEMPLATE_IDS } from '../checklist/templates';
import { standardBedrooms } from '../rules/assessDwelling';
import { defaultRuleSet } from '../rules/defaultRuleSet';
import type { RuleSet } from '../rules/ruleSet';
import type { Verdict } from '../rules/verdict';
import type { Allocation, Dwelling, Inspection, WithId } from '../schemas';
import type { MatchCandidate } from './match';
import { activeAllocation } from './vacancy';

// The latest completed checklist of one template per dwelling; a correction completed later replaces the earlier one.
function latestByDwelling(inspections: readonly WithId<Inspection>[], templateId: string): Map<string, Inspection> {
  const latest = new Map<string, Inspection>();
  for (const i of inspections) {
    if (i.templateId !== templateId || i.status !== 'completed' || !i.dwellingId || !countsForDwelling(i)) continue;
    const current = latest.get(i.dwellingId);
    if (!current || (current.completedAt ?? '') < (i.completedAt ?? '')) latest.set(i.dwellingId, i);
  }
  return latest;
}

function metres(i: Inspection | undefined, itemId: string): number | undefined {
  const v = i?.answers[itemId]?.value;
  return typeof v === 'number' ? v : undefined;
}

/** Allocations, and when each dwelling record was last changed (ISO time), to tell a dwelling just allocated. */
export type AllocationState = {
  allocations: readonly Allocation[];
  dwellingChangedAt: Readonly<Record<string, string>>;
  /** Today (ISO date): fixed-term allocations ended before it no longer hold their dwelling. */
  today?: string;
};

/**
 * One candidate per dwelling. Step-free comes from the inspector's pram-access answer (step-free or lift), falling
 * back to the registry's lift; distances come from the latest neighbourhood checklist and are left out when unknown.
 * Under a rule set naming its standard bedrooms, a dwelling's latest room list gives the bedrooms meeting it.
 * A dwelling allocated on or after the day its record last changed is taken, even while the registry still says vacant.
 */
export function toMatchCandidates(
  dwellings: readonly WithId<Dwelling>[],
  inspections: readonly WithId<Inspection>[],
  verdicts: Readonly<Record<string, Verdict>>,
  allocated?: AllocationState,
  ruleSet: RuleSet = defaultRuleSet,
): MatchCandidate[] {
  const homes = latestByDwelling(inspections, TEMPLATE_IDS.dwellingInspection);
  const areas = latestByDwelling(inspections, TEMPLATE_IDS.neighbourhood);
  return dwellings.map((d) => {
    // Without the time of change nothing can be told: the registry's word stands.
    const changed = allocated?.dwellingChangedAt[d.id];
    const held = allocated && changed !== undefined ? activeAllocation(d.id, allocated.allocations, allocated.today ?? '', changed) : undefined;
    const home = homes.get(d.id);
    const access = home?.answers['childSafety.pramAccess']?.value;
    const standard = home ? standardBedrooms(d, [home], ruleSet) : undefined;
    const near = areas.get(d.id);
    const distances: MatchCandidate['distances'] = {};
    const kindergartenM = metres(near, 'distances.kindergartenM');
    const schoolM = metres(near, 'distances.primarySchoolM');
    const busStopM = metres(near, 'distances.busStopM');
    if (kindergartenM !== undefined) distances.kindergartenM = kindergartenM;
    if (schoolM !== undefined) distances.schoolM = schoolM;
    if (busStopM !== undefined) distances.busStopM = busStopM;
    return {
      id: d.id,
      address: d.address,
      area: d.area,
      vacant: d.vacant,
      ...(d.vacantFrom ? { vacantFrom: d.vacantFrom } : {}),
      ...(held ? { allocatedOn: held.date } : {}),
      approvedBedrooms: d.approvedBedrooms,
      ...(standard !== undefined ? { standardBedrooms: standard } : {}),
      rooms: d.rooms,
      areaM2: d.areaM2,
      stepFree: access === 'stepFree' || access === 'lift' ? true : access === 'stairs' ? false : d.hasLift ? true : null,
      verdict: verdicts[d.id] ?? 'notAssessed',
      distances,
    };
  });
}
