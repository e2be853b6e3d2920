/** The stock's verdicts at the end of each quarter, replayed from the history of completed checklists. */
import { verdictOf } from '../rules/assessDwelling';
import { defaultRuleSet } from '../rules/defaultRuleSet';
import type { RuleSet } from '../rules/ruleSet';
import { VERDICTS, type Verdict } from '../rules/verdict';
import type { Dwelling, Inspection, WithId } from '../schemas';
import { dwellingChecklists, type CompletedChecklist } from './dwellingChecklists';

/** One quarter: the verdict counts at its end, the suitable share, and how many checklists were completed in it. */
export type QuarterFigures = {
  /** "2025-Q3". */
  quarter: string;
  /** Last day of the quarter, yyyy-mm-dd. */
  end: string;
  byVerdict: Record<Verdict, number>;
  suitableShare: number;
  /** Dwelling checklists (inspection, neighbourhood, risk) completed within the quarter. */
  completed: number;
};

/** What the trend is computed from; `verdicts` (today's, e.g. from computeFigures) saves assessing them again. */
export type TrendInput = {
  dwellings: readonly WithId<Dwelling>[];
  inspections: readonly Inspection[];
  ruleSet?: RuleSet;
  verdicts?: Readonly<Record<string, Verdict>>;
};

/** Quarters shown when nothing else is asked: two years. */
export const DEFAULT_TREND_QUARTERS = 8;

type Quarter = { key: string; start: string; end: string };

function quarterAt(year: number, q: number): Quarter {
  const y = year + Math.floor(q / 4);
  const qq = ((q % 4) + 4) % 4;
  const startMonth = String(qq * 3 + 1).padStart(2, '0');
  const endMonth = String(qq * 3 + 3).padStart(2, '0');
  const endDay = qq === 0 || qq === 3 ? '31' : '30';
  return { key: `${y}-Q${qq + 1}`, start: `${y}-${startMonth}-01`, end: `${y}-${endMonth}-${endDay}` };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000;
}

/**
 * Verdict counts at the end of each of the last `quarters` quarters up to the one holding `today` (yyyy-mm-dd).
 * Each dwelling is assessed with the checklists completed by then (none: as its registry facts alone allow), so the
 * last quarter equals today's figures. The registry keeps no history of its own facts, so today's facts are used
 * throughout. Quarters follow the UTC date of `completedAt`.
 * Cost: a dwelling with no checklist completed in the window keeps today's verdict throughout; one with checklists
 * in k quarters of the window is assessed k times (today's verdict, when given, covers its last quarter).
 * `history` is the inspections grouped by `dwellingChecklists`, when the caller has them already.
 */
export function trendByQuarter(
  input: TrendInput,
  today: string,
  quarters = DEFAULT_TREND_QUARTERS,
  history: ReadonlyMap<string, readonly CompletedChecklist[]> = dwellingChecklists(input.inspections),
): QuarterFigures[] {
  const ruleSet = input.ruleSet ?? defaultRuleSet;
  const yearNow = Number(today.slice(0, 4));
  const qNow = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const window = Array.from({ length: quarters }, (_, i) => quarterAt(yearNow, qNow - (quarters - 1 - i)));
  const first = window[0]!.start;
  const last = window.at(-1)!.end;
  const indexOf = (day: string) => {
    // Quarters are few: a linear scan from the end is cheaper than date arithmetic.
    for (let k = window.length - 1; k >= 0; k--) if (day >= window[k]!.start) return k;
    return -1;
  };

  // delta[k][v]: change in the count of verdict v from quarter k on; summed up below.
  const delta = window.map(() => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>);
  const completed = window.map(() => 0);
  const assessUpTo = (d: WithId<Dwelling>, list: readonly CompletedChecklist[], day: string) => {
    const known: Inspection[] = [];
    for (const c of list) if (c.day <= day) known.push(c.inspection);
    return verdictOf(d, known, ruleSet);
  };

  for (const d of input.dwellings) {
    const list = history.get(d.id) ?? [];
    const changed = new Set<number>();
    let future = false;
    for (const { day } of list) {
      if (day > last) future = true;
      else if (day >= first) {
        const k = indexOf(day);
        changed.add(k);
        completed[k]!++;
      }
    }
    const given = future ? undefined : input.verdicts?.[d.id];
    // From the last quarter backwards: the verdict after each change quarter, and the one before the first.
    const ks = [...changed].sort((a, b) => a - b);
    let verdictAfter = given ?? assessUpTo(d, list, last);
    let to = window.length;
    for (let j = ks.length - 1; j >= -1; j--) {
      const from = j >= 0 ? ks[j]! : 0;
      const verdict = j === ks.length - 1 ? verdictAfter : assessUpTo(d, list, window[ks[j + 1]! - 1]!.end);
      delta[from]![verdict]++;
      if (to < window.length) delta[to]![verdict]--;
      verdictAfter = verdict;
      to = from;
      if (from === 0) break;
    }
  }

  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  return window.map((q, k) => {
    for (const v of VERDICTS) counts[v] += delta[k]![v];
    return {
      quarter: q.key,
      end: q.end,
      byVerdict: { ...counts },
      suitableShare: share(counts.suited0to3 + counts.suited3plus, input.dwellings.length),
      completed: completed[k]!,
    };
  });
}
