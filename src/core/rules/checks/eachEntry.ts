/** The rule over a repeat group: every entry meeting a condition (every bedroom) passes every test, with actual values in the reason. */
import { entryMeets } from '../../checklist/formula';
import { UNIT_TEXT } from '../../checklist/unitText';
import type { LocalText } from '../../text';
import { escapeWindowFaults } from '../escapeWindowOk';
import type { Rule, Thresholds } from '../ruleSet';
import { WINDOW_FIELDS } from './bedroomSlots';
import { Gaps, both, entryItemLabel, failed, join, num, numberOf, passed, readInEntry, readRepeat, type CheckOf, type EntryOf, type Outcome, type RuleContext, type Text } from './ruleCheck';

/** How one entry fared: passed, failed with reasons, or open (its gaps noted). */
type EntryResult = 'passed' | 'failed' | 'open';

function withUnit(n: number, unit: keyof typeof UNIT_TEXT): LocalText {
  const u = UNIT_TEXT[unit];
  return both(u.nb ? `${num(n).nb} ${u.nb}` : num(n).nb, u.en ? `${num(n).en} ${u.en}` : num(n).en);
}

/** Tests one entry; reasons go to `faults`, unreadable answers to `gaps`. */
function testEntry(c: CheckOf<'eachEntry'>, e: EntryOf, name: LocalText, t: Thresholds, gaps: Gaps, faults: Text[], repeat: Parameters<typeof readInEntry>[0]): EntryResult {
  let open = false;
  let bad = false;
  for (const test of c.tests) {
    if ('escapeWindow' in test) {
      const type = readInEntry(repeat, e.view, 'windowType');
      if (type.state !== 'answered') {
        open = true;
        gaps.addInEntry(type, c.template, c.repeat, entryItemLabel(repeat, name, 'windowType'));
        continue;
      }
      if (type.value !== 'wall') {
        bad = true;
        faults.push(() => both(`${name.nb}: ikke rømningsvindu i vegg`, `${name.en}: no escape window in a wall`));
        continue;
      }
      const values: number[] = [];
      for (const f of WINDOW_FIELDS) {
        const r = readInEntry(repeat, e.view, f);
        const v = numberOf(r);
        if (v === undefined) gaps.addInEntry(r, c.template, c.repeat, entryItemLabel(repeat, name, f));
        else values.push(v);
      }
      if (values.length < WINDOW_FIELDS.length) {
        open = true;
        continue;
      }
      const [widthM = 0, heightM = 0, sillHeightM = 0, dropToGroundM = 0] = values;
      const wrong = escapeWindowFaults({ widthM, heightM, sillHeightM, dropToGroundM }, t);
      if (wrong.length > 0) {
        bad = true;
        faults.push(() => both(`${name.nb}: rømningsvinduet er for lite eller sitter for høyt`, `${name.en}: the escape window is too small or too high`));
      }
      continue;
    }
    const r = readInEntry(repeat, e.view, test.item);
    if (r.state !== 'answered') {
      if (r.state === 'hidden') continue;
      open = true;
      gaps.addInEntry(r, c.template, c.repeat, entryItemLabel(repeat, name, test.item));
      continue;
    }
    if (test.op === 'eq') {
      if (r.value !== test.value) {
        bad = true;
        faults.push(() => both(`${name.nb}: ${test.otherwise.nb}`, `${name.en}: ${test.otherwise.en}`));
      }
      continue;
    }
    const value = numberOf(r);
    const limit = t[test.threshold];
    if (value === undefined || limit === undefined) continue;
    const ok = test.op === 'gte' ? value >= limit : value <= limit;
    if (!ok) {
      bad = true;
      faults.push(() => {
        const actual = withUnit(value, test.unit);
        const wanted = withUnit(limit, test.unit);
        return test.op === 'gte'
          ? both(`${name.nb}: ${actual.nb} — minst ${wanted.nb}`, `${name.en}: ${actual.en} — at least ${wanted.en}`)
          : both(`${name.nb}: ${actual.nb} — høyst ${wanted.nb}`, `${name.en}: ${actual.en} — at most ${wanted.en}`);
      });
    }
  }
  return bad ? 'failed' : open ? 'open' : 'passed';
}

/** The entries a rule is about, each with its result; undefined when the group cannot be read (see `state`). */
export function entryResults(c: CheckOf<'eachEntry'>, ctx: RuleContext, gaps: Gaps, faults: Text[]): { state: 'absent' | 'noChecklist' } | { state: 'read'; results: EntryResult[]; unknown: number } {
  const group = readRepeat(ctx, c.template, c.repeat);
  if (group.state === 'noChecklist' || group.state === 'absent') return { state: group.state };
  if (group.state === 'hidden') return { state: 'read', results: [], unknown: 0 };
  const results: EntryResult[] = [];
  let unknown = 0;
  for (const e of group.entries) {
    if (c.where) {
      // An entry whose own condition cannot be told yet (its type unanswered) is open.
      if (!entryMeets(c.where, e.view)) {
        const keys = conditionItems(c.where);
        const unanswered = keys.filter((k) => readInEntry(group.repeat, e.view, k).state === 'unanswered');
        if (unanswered.length > 0) {
          unknown++;
          for (const k of unanswered) gaps.addInEntry({ state: 'unanswered' }, c.template, c.repeat, entryItemLabel(group.repeat, both(`${group.repeat.entryLabel.nb} ${e.index + 1}`, `${group.repeat.entryLabel.en} ${e.index + 1}`), k));
        }
        continue;
      }
    }
    const n = results.length + 1;
    results.push(testEntry(c, e, both(`${c.entryName.nb} ${n}`, `${c.entryName.en} ${n}`), ctx.thresholds, gaps, faults, group.repeat));
  }
  return { state: 'read', results, unknown };
}

function conditionItems(w: NonNullable<CheckOf<'eachEntry'>['where']>): string[] {
  if ('all' in w) return w.all.flatMap(conditionItems);
  if ('any' in w) return w.any.flatMap(conditionItems);
  return [w.item];
}

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function eachEntry(rule: Rule, c: CheckOf<'eachEntry'>, ctx: RuleContext): Outcome {
  const s = rule.subject;
  const gaps = new Gaps();
  const faults: Text[] = [];
  const ids = [c.repeat];
  const read = entryResults(c, ctx, gaps, faults);
  if (read.state === 'noChecklist') {
    gaps.noChecklist(c.template);
    return gaps.outcome(rule, ids);
  }
  if (read.state === 'absent') {
    return passed(
      () => both(`${s.nb}: ikke registrert per rom i denne versjonen av skjemaet`, `${s.en}: not recorded room by room in this version of the form`),
      ids,
    );
  }
  if (faults.length > 0) {
    return failed(() => {
      const all = join(faults.map((f) => f()), '; ');
      return both(`${s.nb}: ${all.nb}`, `${s.en}: ${all.en}`);
    }, ids);
  }
  if (gaps.any || read.state !== 'read') return gaps.outcome(rule, ids);
  const n = read.results.length;
  return passed(() => both(`${s.nb}: alle ${n} oppfyller kravene`, `${s.en}: all ${n} meet the requirements`), ids);
}
