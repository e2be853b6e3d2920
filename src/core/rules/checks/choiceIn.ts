/** The rule "this choice is one of the allowed values". */
import type { Rule } from '../ruleSet';
import { Gaps, both, failed, optionLabel, passed, read, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function choiceIn(rule: Rule, c: CheckOf<'choiceIn'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const gaps = new Gaps();
  const r = read(ctx, c.template, c.item);
  if (r.state === 'hidden') return passed(() => both(`${s.nb}: ikke aktuelt`, `${s.en}: not applicable`), [c.item]);
  if (r.state !== 'answered') {
    gaps.add(r, c.template, c.item);
    return gaps.outcome(rule, [c.item]);
  }
  if (c.values.includes(r.value as string)) {
    return passed(() => {
      const chosen = optionLabel(r.item, r.value);
      return both(`${s.nb}: ${chosen.nb}`, `${s.en}: ${chosen.en}`);
    }, [c.item]);
  }
  return failed(() => {
    const chosen = optionLabel(r.item, r.value);
    const allowed = c.values.map((v) => optionLabel(r.item, v));
    return both(
      `${s.nb}: ${chosen.nb} — krever ${allowed.map((a) => a.nb.toLowerCase()).join(' eller ')}`,
      `${s.en}: ${chosen.en} — needs ${allowed.map((a) => a.en.toLowerCase()).join(' or ')}`,
    );
  }, [c.item]);
}
