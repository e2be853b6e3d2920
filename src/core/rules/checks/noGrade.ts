/** The rule "none of these items has one of these condition grades"; "not inspected" leaves it open. */
import type { LocalText } from '../../text';
import type { Rule } from '../ruleSet';
import { Gaps, both, failed, labelOf, passed, read, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function noGrade(rule: Rule, c: CheckOf<'noGrade'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const gaps = new Gaps();
  const bad: Array<{ label: LocalText; grade: string }> = [];
  for (const id of c.items) {
    const r = read(ctx, c.template, id);
    if (r.state === 'hidden') continue;
    // "Not inspected" cannot show the grade is acceptable.
    if (r.state !== 'answered' || r.value === 'TGIU') gaps.add(r, c.template, id);
    else if (c.grades.includes(r.value as never)) bad.push({ label: r.item.label, grade: String(r.value) });
  }
  if (bad.length > 0) {
    return failed(
      () =>
        both(
          `${s.nb}: ${bad.map((b) => `${b.grade} på ${b.label.nb.toLowerCase()}`).join(', ')}`,
          `${s.en}: ${bad.map((b) => `${b.grade} on ${b.label.en.toLowerCase()}`).join(', ')}`,
        ),
      c.items,
    );
  }
  if (gaps.any) return gaps.outcome(rule, c.items);
  return passed(() => {
    const labels = c.items.map((id) => labelOf(c.template, id));
    return both(
      `${s.nb}: ingen ${c.grades.join('/')} på ${labels.map((l) => l.nb.toLowerCase()).join(', ')}`,
      `${s.en}: no ${c.grades.join('/')} on ${labels.map((l) => l.en.toLowerCase()).join(', ')}`,
    );
  }, c.items);
}
