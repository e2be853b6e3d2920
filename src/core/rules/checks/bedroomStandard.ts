/** The bedroom rule: every inspected bedroom has the ceiling height and a window or door that opens. */
import { MAX_INSPECTED_BEDROOMS } from '../../checklist/templates/dwellingInspection';
import type { Rule } from '../ruleSet';
import { Gaps, boolOf, both, failed, join, num, numberOf, passed, type CheckOf, type Outcome, type RuleContext, type Text } from './ruleCheck';
import { bedroomsOf } from './bedroomSlots';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function bedroomStandard(rule: Rule, c: CheckOf<'bedroomStandard'>, ctx: RuleContext): Outcome {
  const templateId = c.template;
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids: string[] = [];
  const bedrooms = bedroomsOf(ctx, templateId, gaps, ids);
  if (!bedrooms) return gaps.outcome(rule, ids);
  const n = bedrooms.length;
  const faults: Text[] = [];
  for (const bedroom of bedrooms) {
    const ceilingRead = bedroom.read('ceilingHeightM');
    const ceiling = numberOf(ceilingRead);
    if (ceiling === undefined) bedroom.gap(ceilingRead, 'ceilingHeightM');
    else if (ceiling < t.ceilingMinM) {
      faults.push(() =>
        both(
          `${bedroom.name.nb} har takhøyde ${num(ceiling).nb} m, kravet er ${num(t.ceilingMinM).nb} m`,
          `${bedroom.name.en} has a ceiling height of ${num(ceiling).en} m, the requirement is ${num(t.ceilingMinM).en} m`,
        ),
      );
    }
    const windowRead = bedroom.read('openableWindow');
    const opens = boolOf(windowRead);
    if (opens === undefined) bedroom.gap(windowRead, 'openableWindow');
    else if (!opens) faults.push(() => both(`${bedroom.name.nb} mangler vindu eller dør som kan åpnes`, `${bedroom.name.en} has no window or door that opens`));
  }
  if (faults.length > 0) {
    return failed(() => {
      const all = join(faults.map((f) => f()), '; ');
      return both(`${s.nb}: ${all.nb}`, `${s.en}: ${all.en}`);
    }, ids);
  }
  if (gaps.any) return gaps.outcome(rule, ids);
  // Version 1 had room for six bedrooms; the room list of version 2 has room for all.
  const expected = ids.includes('bedrooms.count') ? Math.min(ctx.dwelling.approvedBedrooms, MAX_INSPECTED_BEDROOMS) : ctx.dwelling.approvedBedrooms;
  if (n < expected) {
    return {
      status: 'missing',
      explain: () => both(`${s.nb}: ${n} av ${expected} godkjente soverom er kontrollert`, `${s.en}: ${n} of ${expected} approved bedrooms were checked`),
      itemIds: ids,
      missing: [ids[0]!],
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
