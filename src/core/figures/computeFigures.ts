/** Stock figures like the reference report's (docs/domain.md): verdict counts and shares in total, per area, bedrooms and vacancy, and "children first" per year. */
import { actionsByDwelling, type ActionFacts } from '../actions/findingActions';
import { countsForDwelling } from '../checklist/checklistSide';
import { verdictOf } from '../rules/assessDwelling';
import { defaultRuleSet } from '../rules/defaultRuleSet';
import type { RuleSet } from '../rules/ruleSet';
import { isSuitable, VERDICTS, type Verdict } from '../rules/verdict';
import type { Allocation, Dwelling, Inspection, WithId } from '../schemas';
import { isVacant } from '../matching/vacancy';

/** Dwellings per verdict. */
export type VerdictCounts = Record<Verdict, number>;

/** Count, verdicts and suitable share of one group of dwellings. */
export type StockFigures = { dwellings: number; byVerdict: VerdictCounts; suitableShare: number };

/** One year's allocations: how many, how many to households with children, and the same for suitable dwellings. */
export type YearFigures = {
  total: number;
  withChildren: number;
  /** withChildren / total. */
  share: number;
  /** Allocations of dwellings whose verdict now is suited0to3 or suited3plus. */
  suitableTotal: number;
  suitableWithChildren: number;
  /** suitableWithChildren / suitableTotal: do the children come first to the suitable dwellings? */
  suitableShare: number;
  /** Share of the year's allocations with an open-ended lease or one of at least the rule set's minimum years. */
  longLeaseShare: number;
};

/** The figures served by GET /api/figures and shown on the overview. Shares are fractions with 4 decimals (0 when nothing to divide). */
export type Figures = StockFigures & {
  ruleSet: { id: string; version: number };
  byArea: Record<string, StockFigures>;
  byBedrooms: Record<string, StockFigures>;
  byVacancy: { vacant: StockFigures; let: StockFigures };
  allocationsByYear: Record<string, YearFigures>;
  /** Each dwelling's verdict by record id. */
  verdictsByDwelling: Record<string, Verdict>;
};

/** What the figures are computed from: current (not deleted) records with their ids. */
export type FiguresInput = {
  dwellings: readonly WithId<Dwelling>[];
  inspections: readonly WithId<Inspection>[];
  allocations: readonly WithId<Allocation>[] | readonly Allocation[];
  ruleSet?: RuleSet;
  /** Verdicts already known for some dwellings (from the same records and rule set); the others are assessed. */
  verdicts?: Readonly<Record<string, Verdict>>;
  /**
   * When each dwelling record last changed (ISO time), and today (ISO date): with them a dwelling allocated since its
   * record changed counts as let (core/matching/vacancy); without them the registry's word stands.
   */
  dwellingChangedAt?: Readonly<Record<string, string>>;
  today?: string;
  /**
   * The dwellings' follow-up actions (tasks with a dwelling and no household): an open TG3, red or gate action keeps a
   * dwelling "not suitable", as on its page and in the registry. Without them only the checklists count.
   */
  tasks?: readonly (ActionFacts & { dwellingId?: string | null; householdId?: string | null })[];
  /** The area ids in the settings' order: the per-area figures follow it (others after, as first met). */
  areaOrder?: readonly string[];
};

/** A fraction rounded to 4 decimals; 0 when the denominator is 0. */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000;
}

function emptyCounts(): VerdictCounts {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
}

class Tally {
  dwellings = 0;
  byVerdict = emptyCounts();
  add(verdict: Verdict): void {
    this.dwellings++;
    this.byVerdict[verdict]++;
  }
  figures(): StockFigures {
    const suitable = this.byVerdict.suited0to3 + this.byVerdict.suited3plus;
    return { dwellings: this.dwellings, byVerdict: { ...this.byVerdict }, suitableShare: share(suitable, this.dwellings) };
  }
}

function mapValues<T, U>(record: Map<string, T>, f: (t: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [k, t] of record) out[k] = f(t);
  return out;
}

/** Computes every figure from the records; the same function serves the app and the server. */
export function computeFigures(input: FiguresInput): Figures {
  const ruleSet = input.ruleSet ?? defaultRuleSet;
  const known = input.verdicts ?? {};
  const isKnown = (id: string) => Object.hasOwn(known, id);
  const byDwelling = new Map<string, Inspection[]>();
  for (const inspection of input.inspections) {
    if (!inspection.dwellingId || inspection.status !== 'completed' || !countsForDwelling(inspection) || isKnown(inspection.dwellingId)) continue;
    const list = byDwelling.get(inspection.dwellingId);
    if (list) list.push(inspection);
    else byDwelling.set(inspection.dwellingId, [inspection]);
  }

  const total = new Tally();
  const byArea = new Map<string, Tally>((input.areaOrder ?? []).map((a) => [a, new Tally()]));
  const byBedrooms = new Map<string, Tally>();
  const vacancy = { vacant: new Tally(), let: new Tally() };
  const verdictsByDwelling: Record<string, Verdict> = {};
  const actions = actionsByDwelling(input.tasks ?? []);
  for (const dwelling of input.dwellings) {
    const verdict = isKnown(dwelling.id) ? known[dwelling.id]! : verdictOf(dwelling, byDwelling.get(dwelling.id) ?? [], ruleSet, actions.get(dwelling.id));
    verdictsByDwelling[dwelling.id] = verdict;
    total.add(verdict);
    let area = byArea.get(dwelling.area);
    if (!area) byArea.set(dwelling.area, (area = new Tally()));
    area.add(verdict);
    const key = String(dwelling.approvedBedrooms);
    let bedrooms = byBedrooms.get(key);
    if (!bedrooms) byBedrooms.set(key, (bedrooms = new Tally()));
    bedrooms.add(verdict);
    const changedAt = input.dwellingChangedAt?.[dwelling.id];
    const vacant = changedAt === undefined ? dwelling.vacant : isVacant(dwelling, input.allocations, input.today ?? '', changedAt);
    (vacant ? vacancy.vacant : vacancy.let).add(verdict);
  }

  const years = new Map<string, { total: number; withChildren: number; suitableTotal: number; suitableWithChildren: number; longLease: number }>();
  for (const a of input.allocations) {
    const year = a.date.slice(0, 4);
    let y = years.get(year);
    if (!y) years.set(year, (y = { total: 0, withChildren: 0, suitableTotal: 0, suitableWithChildren: 0, longLease: 0 }));
    y.total++;
    if (a.householdHasChildren) y.withChildren++;
    const verdict = verdictsByDwelling[a.dwellingId];
    if (verdict && isSuitable(verdict)) {
      y.suitableTotal++;
      if (a.householdHasChildren) y.suitableWithChildren++;
    }
    if (a.leaseType === 'openEnded' || (a.leaseYears ?? 0) >= ruleSet.thresholds.minLeaseYears) y.longLease++;
  }
  const sortedYears = new Map([...years].sort(([a], [b]) => a.localeCompare(b)));

  return {
    ...total.figures(),
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    byArea: mapValues(byArea, (t) => t.figures()),
    byBedrooms: mapValues(new Map([...byBedrooms].sort(([a], [b]) => Number(a) - Number(b))), (t) => t.figures()),
    byVacancy: { vacant: vacancy.vacant.figures(), let: vacancy.let.figures() },
    allocationsByYear: mapValues(sortedYears, (y) => ({
      total: y.total,
      withChildren: y.withChildren,
      share: share(y.withChildren, y.total),
      suitableTotal: y.suitableTotal,
      suitableWithChildren: y.suitableWithChildren,
      suitableShare: share(y.suitableWithChildren, y.suitableTotal),
      longLeaseShare: share(y.longLease, y.total),
    })),
    verdictsByDwelling,
  };
}
