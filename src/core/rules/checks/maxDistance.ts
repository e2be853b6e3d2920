/** The rule "this distance is within the limit". */
import type { Rule } from '../ruleSet';
import { Gaps, both, failed, m, numberOf, passed, read, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function maxDistance(rule: Rule, c: CheckOf<'maxDistance'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const r = read(ctx, c.template, c.item);
  const value = numberOf(r);
  if (value === undefined) {
    gaps.add(r, c.template, c.item);
    return gaps.outcome(rule, [c.item]);
  }
  const limit = t[c.threshold];
  return value <= limit
    ? passed(() => both(`${s.nb} ${m(value).nb} unna — innenfor grensen på ${m(limit).nb}`, `${s.en} ${m(value).en} away — within the limit of ${m(limit).en}`), [c.item])
    : failed(() => both(`${s.nb} ${m(value).nb} unna — grensen er ${m(limit).nb}`, `${s.en} ${m(value).en} away — the limit is ${m(limit).en}`), [c.item]);
}
