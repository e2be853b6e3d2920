/** The rule "every required question of a checklist is answered". */
import { missingAnswers } from '../../checklist/missingAnswers';
import { latestTemplate } from '../../checklist/templates';
import type { Rule } from '../ruleSet';
import { Gaps, both, passed, requiredIds, shownOf, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function complete(rule: Rule, c: CheckOf<'complete'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const gaps = new Gaps();
  const filled = ctx.filled.get(c.template);
  const required = requiredIds(filled?.template ?? latestTemplate(c.template));
  if (!filled) {
    gaps.noChecklist(c.template);
    return { ...gaps.outcome(rule, required), missing: required };
  }
  const open = missingAnswers(filled.template, filled.inspection.answers, shownOf(filled));
  if (open.length === 0) return passed(() => both(`${s.nb}: alle påkrevde spørsmål er besvart`, `${s.en}: every required question is answered`), required);
  for (const id of open) gaps.add({ state: 'unanswered' }, c.template, id);
  return gaps.outcome(rule, required);
}
