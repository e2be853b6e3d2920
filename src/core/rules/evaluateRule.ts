/** Evaluates one rule of a rule set against a dwelling and its latest completed checklists, with a reason in both languages. */
import type { LocalText } from '../text';
import { RULE_CHECKS, type RuleCheckFn } from './checks';
import type { RuleContext, RuleStatus } from './checks/ruleCheck';
import type { Rule, RuleCheck, RuleLevel } from './ruleSet';

export type { Filled, RuleContext, RuleStatus } from './checks/ruleCheck';

/** One rule's outcome, with the sentence that explains it (actual values and limits) and the items it read. */
export type RuleResult = {
  ruleId: string;
  level: RuleLevel;
  status: RuleStatus;
  reason: LocalText;
  /** Items the rule read: template item ids, or `dwelling.<field>` for registry facts. */
  itemIds: string[];
  /** For `missing`: the items whose answers are needed. */
  missing: string[];
};

const UNEXPLAINED: LocalText = { nb: '', en: '' };

/** Evaluates one rule; with `explain` false the reason is left empty (for figures over many dwellings). */
export function evaluateRule(rule: Rule, ctx: RuleContext, explain = true): RuleResult {
  const check = RULE_CHECKS[rule.check.kind] as RuleCheckFn<RuleCheck['kind']>;
  const { status, itemIds, missing, explain: text } = check(rule, rule.check, ctx);
  return { ruleId: rule.id, level: rule.level, status, reason: explain ? text() : UNEXPLAINED, itemIds, missing };
}
