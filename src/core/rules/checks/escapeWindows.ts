/** The escape-window rule: where the exit is reached by stairs, at least every second bedroom has a valid escape window. */
import type { LocalText } from '../../text';
import { escapeWindowFaults } from '../escapeWindowOk';
import type { Rule } from '../ruleSet';
import { Gaps, both, failed, join, num, numberOf, passed, read, type CheckOf, type Outcome, type RuleContext, type Text } from './ruleCheck';
import { WINDOW_FIELDS, bedroomsOf } from './bedroomSlots';

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function escapeWindows(rule: Rule, c: CheckOf<'escapeWindows'>, ctx: RuleContext): Outcome {
  const templateId = c.template;
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids = ['escape.exitByStairs'];
  const stairs = read(ctx, templateId, 'escape.exitByStairs');
  if (stairs.state !== 'answered') {
    gaps.add(stairs, templateId, 'escape.exitByStairs');
    return gaps.outcome(rule, ids);
  }
  if (stairs.value === false) {
    return passed(() => both(`${s.nb}: utgangen nås uten trapp, så det kreves ikke`, `${s.en}: the exit is reached without stairs, so none are required`), ids);
  }
  const bedrooms = bedroomsOf(ctx, templateId, gaps, ids);
  if (!bedrooms) return gaps.outcome(rule, ids);
  const n = bedrooms.length;
  // Every second room for permanent stay; a dwelling reached by stairs needs at least one.
  const needed = Math.max(1, Math.ceil(n / 2));
  let ok = 0;
  let unknown = 0;
  const faults: Text[] = [];
  for (const bedroom of bedrooms) {
    const type = bedroom.read('windowType');
    if (type.state !== 'answered') {
      bedroom.gap(type, 'windowType');
      unknown++;
      continue;
    }
    const name = bedroom.name;
    if (type.value !== 'wall') {
      const roof = type.value === 'roof';
      faults.push(() =>
        roof ? both(`${name.nb}: takvindu godtas normalt ikke`, `${name.en}: a roof window is normally not accepted`) : both(`${name.nb}: ingen vindu som kan åpnes`, `${name.en}: no window that opens`),
      );
      continue;
    }
    const values: number[] = [];
    for (const field of WINDOW_FIELDS) {
      const r = bedroom.read(field);
      const value = numberOf(r);
      if (value === undefined) bedroom.gap(r, field);
      else values.push(value);
    }
    if (values.length < WINDOW_FIELDS.length) {
      unknown++;
      continue;
    }
    const [widthM = 0, heightM = 0, sillHeightM = 0, dropToGroundM = 0] = values;
    const wrong = escapeWindowFaults({ widthM, heightM, sillHeightM, dropToGroundM }, t)[0];
    if (!wrong) {
      ok++;
      continue;
    }
    faults.push(() => {
      const text: LocalText = {
        width: both(`fri bredde ${num(widthM).nb} m, minst ${num(t.escapeWindowMinWidthM).nb} m`, `free width ${num(widthM).en} m, at least ${num(t.escapeWindowMinWidthM).en} m`),
        height: both(`fri høyde ${num(heightM).nb} m, minst ${num(t.escapeWindowMinHeightM).nb} m`, `free height ${num(heightM).en} m, at least ${num(t.escapeWindowMinHeightM).en} m`),
        sum: both(
          `bredde + høyde ${num(widthM + heightM).nb} m, minst ${num(t.escapeWindowMinSumM).nb} m`,
          `width + height ${num(widthM + heightM).en} m, at least ${num(t.escapeWindowMinSumM).en} m`,
        ),
        sill: both(`brystning ${num(sillHeightM).nb} m over gulvet, høyst ${num(t.escapeWindowMaxSillM).nb} m`, `sill ${num(sillHeightM).en} m above the floor, at most ${num(t.escapeWindowMaxSillM).en} m`),
        drop: both(`${num(dropToGroundM).nb} m ned til bakken, høyst ${num(t.escapeWindowMaxDropM).nb} m`, `${num(dropToGroundM).en} m down to the ground, at most ${num(t.escapeWindowMaxDropM).en} m`),
      }[wrong];
      return both(`${name.nb}: ${text.nb}`, `${name.en}: ${text.en}`);
    });
  }
  if (ok + unknown >= needed && ok < needed) return gaps.outcome(rule, ids);
  return (ok >= needed ? passed : failed)(() => {
    const head = both(`${s.nb}: gyldig i ${ok} av ${n} soverom — minst ${needed} kreves`, `${s.en}: valid in ${ok} of ${n} bedrooms — at least ${needed} needed`);
    const detail = ok < needed && faults.length > 0 ? join(faults.map((f) => f()), '; ') : undefined;
    return detail ? both(`${head.nb} (${detail.nb})`, `${head.en} (${detail.en})`) : head;
  }, ids);
}
