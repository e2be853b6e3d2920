/** The radon rule: a documented measurement at or below the limit (above the action level is said, not failed). */
import type { Rule } from '../ruleSet';
import { Gaps, NOTHING, both, failed, num, numberOf, passed, read, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function radon(rule: Rule, c: CheckOf<'radon'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids = ['radon.documented', 'radon.bqm3'];
  const documented = read(ctx, c.template, 'radon.documented');
  if (documented.state !== 'answered') {
    gaps.add(documented, c.template, 'radon.documented');
    return gaps.outcome(rule, ids);
  }
  if (documented.value !== true) return failed(() => both(`${s.nb}: måling er ikke dokumentert`, `${s.en}: no documented measurement`), ids);
  const r = read(ctx, c.template, 'radon.bqm3');
  const level = numberOf(r);
  if (level === undefined) {
    gaps.add(r, c.template, 'radon.bqm3');
    return gaps.outcome(rule, ids);
  }
  const limit = t.radonLimitBqm3;
  if (level > limit) {
    return failed(() => both(`${s.nb} ${num(level).nb} Bq/m³ — grensen er ${num(limit).nb} Bq/m³`, `${s.en} ${num(level).en} Bq/m³ — the limit is ${num(limit).en} Bq/m³`), ids);
  }
  return passed(() => {
    const act = num(t.radonActionBqm3);
    const extra = level > t.radonActionBqm3 ? both(`; over tiltaksnivået på ${act.nb} Bq/m³`, `; above the action level of ${act.en} Bq/m³`) : NOTHING;
    return both(
      `${s.nb} ${num(level).nb} Bq/m³ — innenfor grensen på ${num(limit).nb} Bq/m³${extra.nb}`,
      `${s.en} ${num(level).en} Bq/m³ — within the limit of ${num(limit).en} Bq/m³${extra.en}`,
    );
  }, ids);
}
