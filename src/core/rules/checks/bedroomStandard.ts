/** The bedroom rule: every inspected bedroom has the ceiling height and a window or door that opens. */
import { MAX_INSPECTED_BEDROOMS } from '../../checklist/templates/dwellingInspection';
import type { Rule } from '../ruleSet';
import { Gaps, boolOf, both, failed, join, num, numberOf, passed, read, type CheckOf, type Outcome, type RuleContext, type Text } from './ruleCheck';
import { BEDROOM_IDS } from './bedroomSlots';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function bedroomStandard(rule: Rule, c: CheckOf<'bedroomStandard'>, ctx: RuleContext): Outcome {
  const templateId = c.template;
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids = ['bedrooms.count'];
  const countRead = read(ctx, templateId, 'bedrooms.count');
  const count = numberOf(countRead);
  if (count === undefined) {
    gaps.add(countRead, templateId, 'bedrooms.count');
    return gaps.outcome(rule, ids);
  }
  const n = Math.min(Math.max(0, Math.floor(count)), MAX_INSPECTED_BEDROOMS);
  const faults: Text[] = [];
  for (let i = 1; i <= n; i++) {
    const slot = BEDROOM_IDS[i];
    if (!slot) break;
    const ceilingId = slot.ceiling;
    const windowId = slot.opens;
    ids.push(ceilingId, windowId);
    const ceilingRead = read(ctx, templateId, ceilingId);
    const ceiling = numberOf(ceilingRead);
    if (ceiling === undefined) gaps.add(ceilingRead, templateId, ceilingId);
    else if (ceiling < t.ceilingMinM) {
      faults.push(() =>
        both(
          `soverom ${i} har takhøyde ${num(ceiling).nb} m, kravet er ${num(t.ceilingMinM).nb} m`,
          `bedroom ${i} has a ceiling height of ${num(ceiling).en} m, the requirement is ${num(t.ceilingMinM).en} m`,
        ),
      );
    }
    const windowRead = read(ctx, templateId, windowId);
    const opens = boolOf(windowRead);
    if (opens === undefined) gaps.add(windowRead, templateId, windowId);
    else if (!opens) faults.push(() => both(`soverom ${i} mangler vindu eller dør som kan åpnes`, `bedroom ${i} has no window or door that opens`));
  }
  if (faults.length > 0) {
    return failed(() => {
      const all = join(faults.map((f) => f()), '; ');
      return both(`${s.nb}: ${all.nb}`, `${s.en}: ${all.en}`);
    }, ids);
  }
  if (gaps.any) return gaps.outcome(rule, ids);
  const expected = Math.min(ctx.dwelling.approvedBedrooms, MAX_INSPECTED_BEDROOMS);
  if (n < expected) {
    return {
      status: 'missing',
      explain: () => both(`${s.nb}: ${n} av ${expected} godkjente soverom er kontrollert`, `${s.en}: ${n} of ${expected} approved bedrooms were checked`),
      itemIds: ids,
      missing: ['bedrooms.count'],
    };
  }
  return passed(
    () =>
      both(
        `${s.nb}: ${n} soverom med takhøyde minst ${num(t.ceilingMinM).nb} m og vindu som kan åpnes`,
        `${s.en}: ${n} bedrooms with a ceiling height of at least ${num(t.ceilingMinM).en} m and a window that opens`,
      ),
    ids,
  );
}
