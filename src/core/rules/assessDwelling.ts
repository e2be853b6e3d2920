/** The suitability verdict of one dwelling: every rule of the rule set with its result and reason, and the class that follows. */
import { countsForDwelling } from '../checklist/checklistSide';
import { getTemplate, latestTemplate } from '../checklist/templates';
import type { Dwelling } from '../schemas/dwelling';
import type { Inspection } from '../schemas/inspection';
import { blockingActions, type ActionFacts } from '../actions/findingActions';
import { defaultRuleSet } from './defaultRuleSet';
import { entryResults } from './checks/eachEntry';
import { Gaps } from './checks/ruleCheck';
import { evaluateRule, type Filled, type RuleResult } from './evaluateRule';
import type { Rule, RuleSet } from './ruleSet';
import type { Verdict } from './verdict';

/** A dwelling's verdict with its reasons. `because` names the rules that decided it (never empty). */
export type Assessment = {
  verdict: Verdict;
  ruleSet: { id: string; version: number };
  rules: RuleResult[];
  /** Items whose answers the rules still need (every missing one, even when a failure already decides). */
  missing: string[];
  because: string[];
};

/**
 * `explain: false` leaves every reason empty: the verdict is the same, and figures over many dwellings are faster.
 * `actions`: the dwelling's follow-up actions; an open one from a TG3, a red risk or a failed gate keeps the verdict
 * at "not suitable" (rule `gate.openActions`), whatever a later checklist says, until it is closed.
 */
export type AssessOptions = { explain?: boolean; actions?: readonly ActionFacts[] };

/** The id of the reason an open action gives. */
export const OPEN_ACTIONS_RULE = 'gate.openActions';

/** The failed reason for open blocking actions, or null when none is open. */
export function openActionsResult(actions: readonly ActionFacts[] | undefined, explain = true): RuleResult | null {
  const open = blockingActions(actions ?? []);
  if (open.length === 0) return null;
  const list = open.map((a) => `${a.title} (${a.dueDate})`).join('; ');
  return {
    ruleId: OPEN_ACTIONS_RULE,
    level: 'gate',
    status: 'failed',
    reason: explain
      ? {
          nb: `${open.length === 1 ? 'Åpent tiltak' : `${open.length} åpne tiltak`} etter befaring må lukkes først: ${list}`,
          en: `${open.length === 1 ? 'An open action' : `${open.length} open actions`} from an inspection must be closed first: ${list}`,
        }
      : { nb: '', en: '' },
    itemIds: [],
    missing: [],
  };
}

/** Whether time `a` is after time `b`; ISO texts in UTC compare as text, others (with offsets) as dates. */
function isLater(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return Boolean(a);
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a > b;
  return Date.parse(a) > Date.parse(b);
}

/**
 * The latest completed checklist per template id, read in the template version it was filled in. A household's
 * checklist (one naming a household or plan) never counts, even if it names the dwelling too.
 */
export function latestCompleted(inspections: readonly Inspection[]): Map<string, Filled> {
  const latest = new Map<string, Filled>();
  for (const inspection of inspections) {
    if (inspection.status !== 'completed' || !countsForDwelling(inspection)) continue;
    const current = latest.get(inspection.templateId);
    if (current && isLater(current.inspection.completedAt, inspection.completedAt)) continue;
    const template = getTemplate(inspection.templateId, inspection.templateVersion) ?? latestTemplate(inspection.templateId);
    if (template) latest.set(inspection.templateId, { inspection, template });
  }
  return latest;
}

/**
 * Assesses a dwelling against a rule set, from its completed checklists (the latest completed one per template counts;
 * drafts are ignored). The verdict is the highest class whose rules all pass:
 * a failed gate or 3+ rule → notSuitable (a known failure decides, whatever else is missing);
 * otherwise any missing answer → notAssessed; otherwise a failed 0–3 rule → suited3plus; otherwise suited0to3.
 */
export function assessDwelling(
  dwelling: Dwelling,
  inspections: readonly Inspection[],
  ruleSet: RuleSet = defaultRuleSet,
  options: AssessOptions = {},
): Assessment {
  const ctx = { dwelling, filled: latestCompleted(inspections), thresholds: ruleSet.thresholds };
  const rules = ruleSet.rules.map((rule) => evaluateRule(rule, ctx, options.explain ?? true));
  const actionResult = openActionsResult(options.actions, options.explain ?? true);
  if (actionResult) rules.push(actionResult);
  // One pass: this runs for every dwelling whenever the figures are computed.
  const missing = new Set<string>();
  const blocking: string[] = [];
  const open: string[] = [];
  const small: string[] = [];
  const smallRules: string[] = [];
  for (const r of rules) {
    for (const id of r.missing) missing.add(id);
    if (r.level === '0to3') smallRules.push(r.ruleId);
    if (r.status === 'missing') open.push(r.ruleId);
    else if (r.status === 'failed') (r.level === '0to3' ? small : blocking).push(r.ruleId);
  }
  let verdict: Verdict;
  let because: string[];
  if (blocking.length > 0) [verdict, because] = ['notSuitable', blocking];
  else if (open.length > 0) [verdict, because] = ['notAssessed', open];
  else if (small.length > 0) [verdict, because] = ['suited3plus', small];
  else [verdict, because] = ['suited0to3', smallRules];
  // A rule set without 0–3 rules still names what it passed.
  if (because.length === 0) because = rules.map((r) => r.ruleId);
  return { verdict, ruleSet: { id: ruleSet.id, version: ruleSet.version }, rules, missing: [...missing], because };
}

// Cheap checks first: when only the verdict is wanted, the first failed gate or 3+ rule ends the work.
const COST: Record<Rule['check']['kind'], number> = {
  approvedBedrooms: 0,
  lease: 0,
  yes: 1,
  no: 1,
  choiceIn: 1,
  maxDistance: 1,
  noGrade: 1,
  radon: 1,
  play: 2,
  schoolRoute: 2,
  redRisk: 2,
  bedroomStandard: 3,
  escapeWindows: 3,
  eachEntry: 3,
  complete: 4,
};
const ordered = new WeakMap<RuleSet, { blocking: Rule[]; small: Rule[] }>();

/**
 * The verdict alone, as `assessDwelling` would give it, without reasons and stopping at the first failed gate or 3+ rule:
 * what the figures need for thousands of dwellings.
 */
export function verdictOf(dwelling: Dwelling, inspections: readonly Inspection[], ruleSet: RuleSet = defaultRuleSet, actions?: readonly ActionFacts[]): Verdict {
  if (actions && blockingActions(actions).length > 0) return 'notSuitable';
  let rules = ordered.get(ruleSet);
  if (!rules) {
    const byCost = [...ruleSet.rules].sort((a, b) => COST[a.check.kind] - COST[b.check.kind]);
    rules = { blocking: byCost.filter((r) => r.level !== '0to3'), small: byCost.filter((r) => r.level === '0to3') };
    ordered.set(ruleSet, rules);
  }
  const ctx = { dwelling, filled: latestCompleted(inspections), thresholds: ruleSet.thresholds };
  let open = false;
  for (const rule of rules.blocking) {
    const { status } = evaluateRule(rule, ctx, false);
    if (status === 'failed') return 'notSuitable';
    if (status === 'missing') open = true;
  }
  if (open) return 'notAssessed';
  let small = false;
  for (const rule of rules.small) {
    const { status } = evaluateRule(rule, ctx, false);
    if (status === 'missing') return 'notAssessed';
    if (status === 'failed') small = true;
  }
  return small ? 'suited3plus' : 'suited0to3';
}

/**
 * The bedrooms meeting the standard by the rule set's `standardBedroomsRule` (every test of the rule passed), from the
 * latest completed dwelling inspection; undefined when the rule set names no such rule, no inspection lists rooms, or a
 * bedroom's answers are not all there. Matching counts these beside the registry's approved bedrooms.
 */
export function standardBedrooms(dwelling: Dwelling, inspections: readonly Inspection[], ruleSet: RuleSet = defaultRuleSet): number | undefined {
  const rule = ruleSet.rules.find((r) => r.id === ruleSet.standardBedroomsRule);
  if (rule?.check.kind !== 'eachEntry') return undefined;
  const ctx = { dwelling, filled: latestCompleted(inspections), thresholds: ruleSet.thresholds };
  const read = entryResults(rule.check, ctx, new Gaps(), []);
  if (read.state !== 'read' || read.unknown > 0 || read.results.includes('open')) return undefined;
  return read.results.filter((r) => r === 'passed').length;
}
