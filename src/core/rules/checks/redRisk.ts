/** The risk rule: no red risk without a measure, and none still red after it. */
import type { Item, Template } from '../../checklist/template';
import { latestTemplate } from '../../checklist/templates';
import type { LocalText } from '../../text';
import { riskBand } from '../risk';
import type { Rule } from '../ruleSet';
import { Gaps, NOTHING, both, failed, join, passed, read, type CheckOf, type Outcome, type RuleContext, type Text } from './ruleCheck';

const isScore = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 5;

/** A risk answer's value, when it has a likelihood and a consequence of 1–5 (the rest is optional). */
function riskOf(value: unknown): { likelihood: number; consequence: number; measure?: unknown; likelihoodAfter?: unknown; consequenceAfter?: unknown } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { likelihood?: unknown; consequence?: unknown };
  return isScore(v.likelihood) && isScore(v.consequence) ? (v as { likelihood: number; consequence: number }) : undefined;
}

const riskItemsCache = new WeakMap<Template, Item[]>();

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function redRisk(rule: Rule, c: CheckOf<'redRisk'>, ctx: RuleContext): Outcome {
  const templateId = c.template;
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const template = ctx.filled.get(templateId)?.template ?? latestTemplate(templateId);
  if (!template) {
    gaps.noChecklist(templateId);
    return gaps.outcome(rule, []);
  }
  let riskItems = riskItemsCache.get(template);
  if (!riskItems) riskItemsCache.set(template, (riskItems = template.sections.flatMap((sec) => sec.items).filter((i) => i.kind === 'risk')));
  const ids = riskItems.map((i) => i.id);
  const faults: Text[] = [];
  let highest: { label: LocalText; score: number } | undefined;
  for (const item of riskItems) {
    const r = read(ctx, templateId, item.id);
    if (r.state === 'hidden') continue;
    const v = r.state === 'answered' ? riskOf(r.value) : undefined;
    if (!v) {
      gaps.add(r, templateId, item.id);
      continue;
    }
    const score = v.likelihood * v.consequence;
    if (!highest || score > highest.score) highest = { label: item.label, score };
    if (riskBand(score, t) !== 'red') continue;
    const label = item.label;
    if (typeof v.measure !== 'string' || v.measure.trim().length === 0) {
      faults.push(() =>
        both(`${label.nb.toLowerCase()} ${v.likelihood} × ${v.consequence} = ${score}, rød, uten tiltak`, `${label.en.toLowerCase()} ${v.likelihood} × ${v.consequence} = ${score}, red, with no measure`),
      );
    } else if (isScore(v.likelihoodAfter) && isScore(v.consequenceAfter)) {
      const after = v.likelihoodAfter * v.consequenceAfter;
      if (riskBand(after, t) === 'red') {
        faults.push(() => both(`${label.nb.toLowerCase()} er fortsatt rød etter tiltaket (${after})`, `${label.en.toLowerCase()} is still red after the measure (${after})`));
      }
    }
  }
  if (faults.length > 0) {
    return failed(() => {
      const all = join(faults.map((f) => f()), '; ');
      return both(`${s.nb}: ${all.nb}`, `${s.en}: ${all.en}`);
    }, ids);
  }
  if (gaps.any) return gaps.outcome(rule, ids);
  const top = highest;
  return passed(() => {
    const extra = top ? both(` (høyest: ${top.label.nb.toLowerCase()} ${top.score})`, ` (highest: ${top.label.en.toLowerCase()} ${top.score})`) : NOTHING;
    return both(`${s.nb}: ingen rød risiko uten tiltak${extra.nb}`, `${s.en}: no red risk without a measure${extra.en}`);
  }, ids);
}
