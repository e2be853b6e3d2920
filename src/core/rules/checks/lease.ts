/** The lease rule: open-ended, or fixed for at least the threshold in years. */
import type { Rule } from '../ruleSet';
import { both, failed, num, passed, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function lease(rule: Rule, c: CheckOf<'lease'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const d = ctx.dwelling;
  const ids = ['dwelling.leaseType', 'dwelling.leaseYears'];
  if (d.leaseType === 'openEnded') return passed(() => both(`${s.nb}: løpende`, `${s.en}: open-ended`), ids);
  const years = d.leaseYears ?? 0;
  const need = t[c.threshold];
  const unit = years === 1 ? 'year' : 'years';
  return years >= need
    ? passed(() => both(`${s.nb}: tidsbestemt, ${num(years).nb} år — minst ${num(need).nb} år kreves`, `${s.en}: fixed, ${num(years).en} ${unit} — at least ${num(need).en} years needed`), ids)
    : failed(
        () =>
          both(
            `${s.nb}: tidsbestemt, ${num(years).nb} år — minst ${num(need).nb} år eller løpende kreves`,
            `${s.en}: fixed, ${num(years).en} ${unit} — at least ${num(need).en} years or open-ended needed`,
          ),
        ids,
      );
}
