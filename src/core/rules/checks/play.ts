/** The play rule: a playground on the plot, or the nearest play area within the limit. */
import type { LocalText } from '../../text';
import type { Rule } from '../ruleSet';
import { Gaps, both, failed, isOpen, m, numberOf, passed, read, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function play(rule: Rule, c: CheckOf<'play'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const limit = ctx.thresholds[c.threshold];
  const gaps = new Gaps();
  const ids = c.onPlot ? [...c.items, c.onPlot.item] : c.items;
  if (c.onPlot) {
    const r = read(ctx, c.onPlot.template, c.onPlot.item);
    if (r.state === 'answered' && r.value === true) return passed(() => both(`${s.nb}: lekeplass på tomta`, `${s.en}: playground on the plot`), ids);
    if (isOpen(r)) gaps.add(r, c.onPlot.template, c.onPlot.item);
  }
  let nearest: { label: LocalText; value: number } | undefined;
  for (const id of c.items) {
    const r = read(ctx, c.template, id);
    const value = numberOf(r);
    if (value !== undefined && r.state === 'answered') {
      if (!nearest || value < nearest.value) nearest = { label: r.item.label, value };
    } else if (r.state !== 'hidden') gaps.add(r, c.template, id);
  }
  if (nearest && nearest.value <= limit) {
    const near = nearest;
    return passed(
      () =>
        both(
          `${s.nb}: ${near.label.nb.toLowerCase()} ${m(near.value).nb} unna — innenfor grensen på ${m(limit).nb}`,
          `${s.en}: ${near.label.en.toLowerCase()} ${m(near.value).en} away — within the limit of ${m(limit).en}`,
        ),
      ids,
    );
  }
  if (gaps.any || !nearest) return gaps.outcome(rule, ids);
  const far = nearest.value;
  return failed(() => both(`${s.nb}: nærmeste er ${m(far).nb} unna — grensen er ${m(limit).nb}`, `${s.en}: the nearest is ${m(far).en} away — the limit is ${m(limit).en}`), ids);
}
