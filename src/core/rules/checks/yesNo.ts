/** Rules "these items are answered yes" (or "no"); items the checklist hides do not count. */
import type { LocalText } from '../../text';
import type { Rule } from '../ruleSet';
import { Gaps, both, failed, passed, read, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function yesNo(rule: Rule, c: CheckOf<'yes' | 'no'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const gaps = new Gaps();
  const wanted = c.kind === 'yes';
  const wrong: LocalText[] = [];
  let asked = 0;
  for (const id of c.items) {
    const r = read(ctx, c.template, id);
    if (r.state === 'hidden') continue;
    asked++;
    if (r.state !== 'answered' || typeof r.value !== 'boolean') gaps.add(r, c.template, id);
    else if (r.value !== wanted) wrong.push(r.item.label);
  }
  if (wrong.length > 0) {
    const said = wanted ? both('nei', 'no') : both('ja', 'yes');
    return failed(
      () =>
        both(
          `${s.nb}: ${wrong.map((l) => `«${l.nb}»`).join(', ')} er besvart ${said.nb}`,
          `${s.en}: ${wrong.map((l) => `"${l.en}"`).join(', ')} answered ${said.en}`,
        ),
      c.items,
    );
  }
  if (gaps.any) return gaps.outcome(rule, c.items);
  if (asked === 0) return passed(() => both(`${s.nb}: ikke aktuelt`, `${s.en}: not applicable`), c.items);
  return passed(() => both(`${s.nb}: i orden`, `${s.en}: in order`), c.items);
}
