/** The stock's verdicts at the end of each quarter, replayed from the history of completed checklists. */
import { TEMPLATE_IDS } from '../checklist/templates';
import { assessDwelling } from '../rules/assessDwelling';
import { defaultRuleSet } from '../rules/defaultRuleSet';
import type { RuleSet } from '../rules/ruleSet';
import { VERDICTS, type Verdict } from '../rules/verdict';
import type { Dwelling, Inspection, WithId } from '../schemas';

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

/** Quarters shown when nothing else is asked: two years. */
export const DEFAULT_TREND_QUARTERS = 8;

// The checklists about a dwelling; home visits and Foyer follow-ups say nothing about its verdict.
const DWELLING_TEMPLATES = new Set<string>([TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.neighbourhood, TEMPLATE_IDS.riskAssessment]);

type Quarter = { key: string; start: string; end: string };

function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  return quarterAt(year, q);
}

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
 * throughout. Quarters follow the UTC date of `completedAt`. Only dwellings with a new checklist in a quarter are
 * assessed again, which keeps the cost near one assessment per checklist.
 */
export function trendByQuarter(
  input: { dwellings: readonly WithId<Dwelling>[]; inspections: readonly Inspection[]; ruleSet?: RuleSet },
  today: string,
  quarters = DEFAULT_TREND_QUARTERS,
): QuarterFigures[] {
  const ruleSet = input.ruleSet ?? defaultRuleSet;
  const now = quarterOf(today);
  const [yearNow, qNow] = [Number(now.key.slice(0, 4)), Number(now.key.slice(6)) - 1];
  const window = Array.from({ length: quarters }, (_, i) => quarterAt(yearNow, qNow - (quarters - 1 - i)));
  const first = window[0]!;

  const history = new Map<string, Inspection[]>();
  for (const i of input.inspections) {
    if (i.status !== 'completed' || !i.dwellingId || !i.completedAt || !DWELLING_TEMPLATES.has(i.templateId)) continue;
    const list = history.get(i.dwellingId);
    if (list) list.push(i);
    else history.set(i.dwellingId, [i]);
  }
  for (const list of history.values()) list.sort((a, b) => a.completedAt!.localeCompare(b.completedAt!));

  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const current = new Map<string, Verdict>();
  const byId = new Map(input.dwellings.map((d) => [d.id, d]));
  const upTo = (list: Inspection[], day: string) => {
    let n = 0;
    while (n < list.length && list[n]!.completedAt!.slice(0, 10) <= day) n++;
    return list.slice(0, n);
  };
  // The state just before the window: everything completed before its first day.
  const before = quarterAt(yearNow, qNow - quarters).end;
  for (const d of input.dwellings) {
    const verdict = assessDwelling(d, upTo(history.get(d.id) ?? [], before), ruleSet).verdict;
    current.set(d.id, verdict);
    counts[verdict]++;
  }

  // Which dwellings get a new checklist in which quarter of the window.
  const changes = new Map<string, { dwellings: Set<string>; completed: number }>();
  for (const [dwellingId, list] of history) {
    if (!byId.has(dwellingId)) continue;
    for (const i of list) {
      const day = i.completedAt!.slice(0, 10);
      if (day < first.start || day > window.at(-1)!.end) continue;
      const key = quarterOf(day).key;
      let c = changes.get(key);
      if (!c) changes.set(key, (c = { dwellings: new Set(), completed: 0 }));
      c.dwellings.add(dwellingId);
      c.completed++;
    }
  }

  return window.map((q) => {
    const c = changes.get(q.key);
    for (const id of c?.dwellings ?? []) {
      const verdict = assessDwelling(byId.get(id)!, upTo(history.get(id)!, q.end), ruleSet).verdict;
      counts[current.get(id)!]--;
      counts[verdict]++;
      current.set(id, verdict);
    }
    return {
      quarter: q.key,
      end: q.end,
      byVerdict: { ...counts },
      suitableShare: share(counts.suited0to3 + counts.suited3plus, input.dwellings.length),
      completed: c?.completed ?? 0,
    };
  });
}
