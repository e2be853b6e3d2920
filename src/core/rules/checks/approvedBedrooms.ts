/** The rule "the registry's approved bedrooms reach the threshold". */
import type { Rule } from '../ruleSet';
import { both, failed, passed, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function approvedBedrooms(rule: Rule, c: CheckOf<'approvedBedrooms'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const have = ctx.dwelling.approvedBedrooms;
  const need = t[c.threshold];
  return (have >= need ? passed : failed)(() => both(`${s.nb}: ${have} — minst ${need} kreves`, `${s.en}: ${have} — at least ${need} needed`), ['dwelling.approvedBedrooms']);
}
