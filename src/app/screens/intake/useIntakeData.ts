/** The records the intake screens read, live from the device store: they follow every sync and every local change. */
import { ruleSetFor } from '../../../core/rules/defaultRuleSet';
import type { RuleSet } from '../../../core/rules/ruleSet';
import type { Allocation, Dwelling, Household, Inspection, Task, WithId } from '../../../core/schemas';
import { loadSettings } from '../../store/useSettings';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { dwellingStamps } from './dwellingStamps';
import { recordsVersion } from './recordsVersion';

/** Everything on the device the overview, matching and allocations are computed from. */
export type IntakeData = {
  dwellings: WithId<Dwelling>[];
  inspections: WithId<Inspection>[];
  allocations: WithId<Allocation>[];
  /** Households as far as their consent lets this person see them (fields may be missing). */
  households: WithId<Partial<Household>>[];
  /** The dwellings' follow-up actions (tasks with a dwelling and no household): open serious ones hold a verdict down. */
  tasks: WithId<Task>[];
  /** When each dwelling record last changed (ISO time): an allocation after that means it is taken. */
  dwellingChangedAt: Record<string, string>;
  /** The rule set the municipality's settings put in force: it judges every dwelling. */
  ruleSet: RuleSet;
  /** Changes whenever any of these records changes (id, revision, time of change): the key of cached figures. */
  version: string;
  /** Per dwelling, a fingerprint of its record and checklists: the key of its cached verdict. */
  dwellingStamps: Map<string, string>;
};

/** Undefined until the first read of the device database. */
export function useIntakeData(): IntakeData | undefined {
  return useQuery(async () => {
    const [dwellings, inspections, allocations, households, allTasks, settings] = await Promise.all([
      repo<Dwelling>('dwelling').list(),
      repo<Inspection>('inspection').list(),
      repo<Allocation>('allocation').list(),
      repo<Partial<Household>>('household').list(),
      repo<Task>('task').list(),
      loadSettings(),
    ]);
    const ruleSet = ruleSetFor(settings);
    // Another rule set gives other verdicts: its version is part of every key of cached figures and verdicts.
    const ruleSetKey = `${ruleSet.id}@${ruleSet.version}`;
    const tasks = allTasks.filter((t) => t.data.dwellingId && !t.data.householdId);
    const withId = <T,>(rows: { id: string; data: T }[]) => rows.map((r) => ({ ...r.data, id: r.id }));
    return {
      dwellings: withId(dwellings),
      inspections: withId(inspections),
      allocations: withId(allocations),
      households: withId(households),
      tasks: withId(tasks),
      dwellingChangedAt: Object.fromEntries(dwellings.map((d) => [d.id, d.updatedAt])),
      ruleSet,
      version: `${ruleSetKey}|${recordsVersion([dwellings, inspections, allocations, tasks])}`,
      // A dwelling's actions change its verdict as its checklists do, so they go into its fingerprint alike.
      dwellingStamps: new Map([...dwellingStamps(dwellings, [...inspections, ...tasks])].map(([id, stamp]) => [id, `${ruleSetKey}|${stamp}`])),
    };
  }, []);
}
