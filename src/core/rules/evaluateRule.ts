/** Evaluates one rule of a rule set against a dwelling and its latest completed checklists, with a reason in both languages. */
import { isAnswered } from '../checklist/isAnswered';
import { shownChecker } from '../checklist/isShown';
import { itemIndex, type IndexedItem } from '../checklist/itemIndex';
import { missingAnswers, requiredItems } from '../checklist/missingAnswers';
import { valueProblem } from '../checklist/validateAnswers';
import type { Answer, Item, Template } from '../checklist/template';
import { latestTemplate } from '../checklist/templates';
import { MAX_INSPECTED_BEDROOMS } from '../checklist/templates/dwellingInspection';
import { formatNumber } from '../format/formatNumber';
import type { Dwelling } from '../schemas/dwelling';
import type { Inspection } from '../schemas/inspection';
import type { LocalText } from '../text';
import { escapeWindowFaults } from './escapeWindowOk';
import { riskBand } from './risk';
import type { Rule, RuleCheck, RuleLevel, Thresholds } from './ruleSet';

/** Whether a rule holds: `missing` when an answer it needs is not there. */
export type RuleStatus = 'passed' | 'failed' | 'missing';

/** One rule's outcome, with the sentence that explains it (actual values and limits) and the items it read. */
export type RuleResult = {
  ruleId: string;
  level: RuleLevel;
  status: RuleStatus;
  reason: LocalText;
  /** Items the rule read: template item ids, or `dwelling.<field>` for registry facts. */
  itemIds: string[];
  /** For `missing`: the items whose answers are needed. */
  missing: string[];
};

/** The completed checklist of one template that the rules read, with the template version it was filled in. */
export type Filled = {
  inspection: Inspection;
  template: Template;
  /** Filled in on first use during one assessment. */
  shown?: (item: Item) => boolean;
  index?: Map<string, IndexedItem>;
};

/** What a rule is evaluated against. */
export type RuleContext = { dwelling: Dwelling; filled: ReadonlyMap<string, Filled>; thresholds: Thresholds };

type Read =
  | { state: 'noChecklist' }
  | { state: 'hidden' }
  | { state: 'unanswered' }
  /** Answered, but the value cannot be right (a radon level below zero): never counted, named in the reason. */
  | { state: 'invalid' }
  | { state: 'answered'; value: unknown; answer: Answer; item: Item };

// Reasons are built only when asked for: figures over thousands of dwellings need the verdicts, not the sentences.
type Text = () => LocalText;
type Outcome = { status: RuleStatus; explain: Text; itemIds: string[]; missing: string[] };

const both = (nb: string, en: string): LocalText => ({ nb, en });
const num = (n: number) => both(formatNumber(n, 'nb'), formatNumber(n, 'en'));
const m = (n: number) => both(`${formatNumber(n, 'nb')} m`, `${formatNumber(n, 'en')} m`);
const join = (texts: readonly LocalText[], sep: string): LocalText => both(texts.map((x) => x.nb).join(sep), texts.map((x) => x.en).join(sep));
const NOTHING: LocalText = both('', '');

/** Whether an item of a filled checklist is shown, remembered for the whole assessment. */
function shownOf(filled: Filled): (item: Item) => boolean {
  return (filled.shown ??= shownChecker(filled.template, filled.inspection.answers));
}

function read(ctx: RuleContext, templateId: string, itemId: string): Read {
  const filled = ctx.filled.get(templateId);
  if (!filled) return { state: 'noChecklist' };
  const item = (filled.index ??= itemIndex(filled.template)).get(itemId)?.item;
  // An item this template version lacks cannot have been answered: the rule needs it answered in a newer version.
  if (!item) return { state: 'unanswered' };
  if (item.showWhen && !shownOf(filled)(item)) return { state: 'hidden' };
  // Plain indexing is safe: item ids come from the template, never from the answers.
  const answer = filled.inspection.answers[itemId];
  // Text typed into a draft that is no acceptable value: the verdict names it instead of calling it missing.
  if (answer?.typed) return { state: 'invalid' };
  if (!answer || !isAnswered(item, answer)) return { state: 'unanswered' };
  // A draft may hold a value out of range (an older device saved it); a rule must not count it. Grade notes are
  // checked at completion, not here: a grade's value itself is what the rules read.
  if (item.kind !== 'grade' && item.kind !== 'photos' && valueProblem(item, answer)) return { state: 'invalid' };
  return { state: 'answered', value: answer.value, answer, item };
}

const numberOf = (r: Read): number | undefined => (r.state === 'answered' && typeof r.value === 'number' ? r.value : undefined);
const boolOf = (r: Read): boolean | undefined => (r.state === 'answered' && typeof r.value === 'boolean' ? r.value : undefined);
const isOpen = (r: Read): boolean => r.state === 'noChecklist' || r.state === 'unanswered' || r.state === 'invalid';

function labelOf(templateId: string, itemId: string): LocalText {
  const template = latestTemplate(templateId);
  return (template && itemIndex(template).get(itemId)?.item.label) || both(itemId, itemId);
}

function optionLabel(item: Item, value: unknown): LocalText {
  if (item.kind === 'choice' || item.kind === 'multiChoice') {
    const option = item.options.find((o) => o.value === value);
    if (option) return option.label;
  }
  const shown = displayValue(value);
  return both(shown, shown);
}

/** An answer value as text, whatever its shape: data from another device may be anything, and a reason must not throw. */
function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? '—';
  } catch {
    return '—';
  }
}

const requiredIdsCache = new WeakMap<Template, string[]>();
function requiredIds(template: Template | undefined): string[] {
  if (!template) return [];
  let ids = requiredIdsCache.get(template);
  if (!ids) requiredIdsCache.set(template, (ids = requiredItems(template).map((i) => i.id)));
  return ids;
}

const NONE: string[] = [];
const NO_CHECKLISTS = new Set<string>();

/** Collects what a rule could not read, so the reason can say which checklist or answer is missing. */
class Gaps {
  // Most rules find nothing missing, so nothing is allocated until something is.
  items: string[] = NONE;
  private from: string[] = NONE;
  checklists: Set<string> = NO_CHECKLISTS;
  private invalid: Set<string> = NO_CHECKLISTS;
  add(r: Read, templateId: string, itemId: string): void {
    if (r.state === 'noChecklist') this.noChecklist(templateId);
    if (r.state === 'invalid') {
      if (this.invalid === NO_CHECKLISTS) this.invalid = new Set();
      this.invalid.add(itemId);
    }
    if (this.items === NONE) [this.items, this.from] = [[], []];
    this.items.push(itemId);
    this.from.push(templateId);
  }
  noChecklist(templateId: string): void {
    if (this.checklists === NO_CHECKLISTS) this.checklists = new Set();
    this.checklists.add(templateId);
  }
  get any(): boolean {
    return this.items.length > 0;
  }
  outcome(rule: Rule, itemIds: string[]): Outcome {
    const s = rule.subject;
    const explain: Text = () => {
      if (this.checklists.size > 0) {
        const names = [...this.checklists].map((id) => latestTemplate(id)?.title ?? both(id, id));
        return both(
          `${s.nb}: ingen fullført sjekkliste ${names.map((n) => `«${n.nb}»`).join(', ')}`,
          `${s.en}: no completed checklist ${names.map((n) => `"${n.en}"`).join(', ')}`,
        );
      }
      const bad = this.items.flatMap((id, i) => (this.invalid.has(id) ? [labelOf(this.from[i] ?? '', id)] : []));
      const open = this.items.flatMap((id, i) => (this.invalid.has(id) ? [] : [labelOf(this.from[i] ?? '', id)]));
      const parts: LocalText[] = [];
      if (bad.length > 0) {
        parts.push(both(`ugyldig svar på ${bad.map((l) => `«${l.nb}»`).join(', ')}`, `invalid answer for ${bad.map((l) => `"${l.en}"`).join(', ')}`));
      }
      if (open.length > 0) {
        parts.push(both(`mangler svar på ${open.map((l) => `«${l.nb}»`).join(', ')}`, `answer missing for ${open.map((l) => `"${l.en}"`).join(', ')}`));
      }
      if (bad.length > 0) {
        const all = join(parts, '; ');
        return both(`${s.nb}: ${all.nb}`, `${s.en}: ${all.en}`);
      }
      const labels = open;
      return both(
        `${s.nb}: mangler svar på ${labels.map((l) => `«${l.nb}»`).join(', ')}`,
        `${s.en}: answer missing for ${labels.map((l) => `"${l.en}"`).join(', ')}`,
      );
    };
    return { status: 'missing', explain, itemIds, missing: [...new Set(this.items)] };
  }
}

const passed = (explain: Text, itemIds: string[]): Outcome => ({ status: 'passed', explain, itemIds, missing: [] });
const failed = (explain: Text, itemIds: string[]): Outcome => ({ status: 'failed', explain, itemIds, missing: [] });

function evaluateCheck(rule: Rule, ctx: RuleContext): Outcome {
  const c = rule.check;
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  switch (c.kind) {
    case 'complete': {
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
    case 'yes':
    case 'no': {
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
    case 'choiceIn': {
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
    case 'maxDistance': {
      const r = read(ctx, c.template, c.item);
      const value = numberOf(r);
      if (value === undefined) {
        gaps.add(r, c.template, c.item);
        return gaps.outcome(rule, [c.item]);
      }
      const limit = t[c.threshold];
      return value <= limit
        ? passed(() => both(`${s.nb} ${m(value).nb} unna — innenfor grensen på ${m(limit).nb}`, `${s.en} ${m(value).en} away — within the limit of ${m(limit).en}`), [c.item])
        : failed(() => both(`${s.nb} ${m(value).nb} unna — grensen er ${m(limit).nb}`, `${s.en} ${m(value).en} away — the limit is ${m(limit).en}`), [c.item]);
    }
    case 'noGrade': {
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
    case 'radon': {
      const ids = ['radon.documented', 'radon.bqm3'];
      const documented = read(ctx, c.template, 'radon.documented');
      if (documented.state !== 'answered') {
        gaps.add(documented, c.template, 'radon.documented');
        return gaps.outcome(rule, ids);
      }
      if (documented.value !== true) return failed(() => both(`${s.nb}: måling er ikke dokumentert`, `${s.en}: no documented measurement`), ids);
      const r = read(ctx, c.template, 'radon.bqm3');
      const level = numberOf(r);
      if (level === undefined) {
        gaps.add(r, c.template, 'radon.bqm3');
        return gaps.outcome(rule, ids);
      }
      const limit = t.radonLimitBqm3;
      if (level > limit) {
        return failed(() => both(`${s.nb} ${num(level).nb} Bq/m³ — grensen er ${num(limit).nb} Bq/m³`, `${s.en} ${num(level).en} Bq/m³ — the limit is ${num(limit).en} Bq/m³`), ids);
      }
      return passed(() => {
        const act = num(t.radonActionBqm3);
        const extra = level > t.radonActionBqm3 ? both(`; over tiltaksnivået på ${act.nb} Bq/m³`, `; above the action level of ${act.en} Bq/m³`) : NOTHING;
        return both(
          `${s.nb} ${num(level).nb} Bq/m³ — innenfor grensen på ${num(limit).nb} Bq/m³${extra.nb}`,
          `${s.en} ${num(level).en} Bq/m³ — within the limit of ${num(limit).en} Bq/m³${extra.en}`,
        );
      }, ids);
    }
    case 'escapeWindows':
      return escapeWindows(rule, ctx, c.template);
    case 'bedroomStandard':
      return bedroomStandard(rule, ctx, c.template);
    case 'approvedBedrooms': {
      const have = ctx.dwelling.approvedBedrooms;
      const need = t[c.threshold];
      return (have >= need ? passed : failed)(() => both(`${s.nb}: ${have} — minst ${need} kreves`, `${s.en}: ${have} — at least ${need} needed`), ['dwelling.approvedBedrooms']);
    }
    case 'lease': {
      const d = ctx.dwelling;
      const ids = ['dwelling.leaseType', 'dwelling.leaseYears'];
      if (d.leaseType === 'openEnded') return passed(() => both(`${s.nb}: løpende`, `${s.en}: open-ended`), ids);
      const years = d.leaseYears ?? 0;
      const need = t[c.threshold];
      const unit = years === 1 ? 'year' : 'years';
      return years >= need
        ? passed(() => both(`${s.nb}: tidsbestemt, ${num(years).nb} år — minst ${num(need).nb} år kreves`, `${s.en}: fixed, ${num(years).en} ${unit} — at least ${num(need).en} years needed`), ids)
        : failed(
            () =>
              both(
                `${s.nb}: tidsbestemt, ${num(years).nb} år — minst ${num(need).nb} år eller løpende kreves`,
                `${s.en}: fixed, ${num(years).en} ${unit} — at least ${num(need).en} years or open-ended needed`,
              ),
            ids,
          );
    }
    case 'play':
      return play(rule, ctx, c);
    case 'schoolRoute':
      return schoolRoute(rule, ctx, c.template);
    case 'redRisk':
      return redRisk(rule, ctx, c.template);
  }
}

const WINDOW_FIELDS = ['windowWidthM', 'windowHeightM', 'sillHeightM', 'dropToGroundM'] as const;
/** Item ids per bedroom slot (index 1–6), built once instead of for every dwelling. */
const BEDROOM_IDS = Array.from({ length: MAX_INSPECTED_BEDROOMS + 1 }, (_, i) => ({
  windowType: `bedroom${i}.windowType`,
  window: WINDOW_FIELDS.map((f) => `bedroom${i}.${f}`),
  ceiling: `bedroom${i}.ceilingHeightM`,
  opens: `bedroom${i}.openableWindow`,
}));

function escapeWindows(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids = ['escape.exitByStairs', 'bedrooms.count'];
  const stairs = read(ctx, templateId, 'escape.exitByStairs');
  if (stairs.state !== 'answered') {
    gaps.add(stairs, templateId, 'escape.exitByStairs');
    return gaps.outcome(rule, ids);
  }
  if (stairs.value === false) {
    return passed(() => both(`${s.nb}: utgangen nås uten trapp, så det kreves ikke`, `${s.en}: the exit is reached without stairs, so none are required`), ids);
  }
  const countRead = read(ctx, templateId, 'bedrooms.count');
  const count = numberOf(countRead);
  if (count === undefined) {
    gaps.add(countRead, templateId, 'bedrooms.count');
    return gaps.outcome(rule, ids);
  }
  const n = Math.min(Math.max(0, Math.floor(count)), MAX_INSPECTED_BEDROOMS);
  // Every second room for permanent stay; a dwelling reached by stairs needs at least one.
  const needed = Math.max(1, Math.ceil(n / 2));
  let ok = 0;
  let unknown = 0;
  const faults: Text[] = [];
  for (let i = 1; i <= n; i++) {
    const slot = BEDROOM_IDS[i];
    if (!slot) break;
    const typeId = slot.windowType;
    ids.push(typeId);
    const type = read(ctx, templateId, typeId);
    if (type.state !== 'answered') {
      gaps.add(type, templateId, typeId);
      unknown++;
      continue;
    }
    if (type.value !== 'wall') {
      const roof = type.value === 'roof';
      faults.push(() =>
        roof ? both(`soverom ${i}: takvindu godtas normalt ikke`, `bedroom ${i}: a roof window is normally not accepted`) : both(`soverom ${i}: ingen vindu som kan åpnes`, `bedroom ${i}: no window that opens`),
      );
      continue;
    }
    const values: number[] = [];
    for (const id of slot.window) {
      ids.push(id);
      const r = read(ctx, templateId, id);
      const value = numberOf(r);
      if (value === undefined) gaps.add(r, templateId, id);
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
      return both(`soverom ${i}: ${text.nb}`, `bedroom ${i}: ${text.en}`);
    });
  }
  if (ok + unknown >= needed && ok < needed) return gaps.outcome(rule, ids);
  return (ok >= needed ? passed : failed)(() => {
    const head = both(`${s.nb}: gyldig i ${ok} av ${n} soverom — minst ${needed} kreves`, `${s.en}: valid in ${ok} of ${n} bedrooms — at least ${needed} needed`);
    const detail = ok < needed && faults.length > 0 ? join(faults.map((f) => f()), '; ') : undefined;
    return detail ? both(`${head.nb} (${detail.nb})`, `${head.en} (${detail.en})`) : head;
  }, ids);
}

function bedroomStandard(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
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

function play(rule: Rule, ctx: RuleContext, c: Extract<RuleCheck, { kind: 'play' }>): Outcome {
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

const SCHOOL_ITEMS = ['distances.primarySchoolM', 'routes.schoolRouteDangerous', 'routes.schoolRoutePavement', 'routes.schoolRouteLighting'];

function schoolRoute(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const reads = SCHOOL_ITEMS.map((id) => read(ctx, templateId, id));
  reads.forEach((r, i) => {
    if (isOpen(r)) gaps.add(r, templateId, SCHOOL_ITEMS[i] ?? '');
  });
  const [distanceRead, dangerousRead, pavementRead, lightingRead] = reads;
  const d = distanceRead ? numberOf(distanceRead) : undefined;
  const dangerous = dangerousRead ? boolOf(dangerousRead) : undefined;
  const pavement = pavementRead ? boolOf(pavementRead) : undefined;
  const lighting = lightingRead ? boolOf(lightingRead) : undefined;
  const far = t.schoolTransportGrades2to10M;
  const near = t.schoolTransportGrade1M;
  // Passes when any of three ways holds: transport for all grades by distance, transport by a dangerous route, a safe walk.
  if (d !== undefined && d > far) {
    return passed(
      () =>
        both(
          `${s.nb}: barneskolen er ${m(d).nb} unna — over ${m(far).nb} gir gratis skoleskyss for alle trinn`,
          `${s.en}: the primary school is ${m(d).en} away — beyond ${m(far).en} every grade gets free school transport`,
        ),
      SCHOOL_ITEMS,
    );
  }
  if (dangerous === true) {
    return passed(() => both(`${s.nb}: vurdert som særlig farlig, så barna får gratis skoleskyss`, `${s.en}: judged especially dangerous, so the children get free school transport`), SCHOOL_ITEMS);
  }
  if (pavement === true && lighting === true) {
    return passed(() => {
      const where = d !== undefined ? both(`barneskolen er ${m(d).nb} unna`, `the primary school is ${m(d).en} away`) : both('trygg vei', 'a safe route');
      return both(`${s.nb}: ${where.nb}, med fortau eller gang- og sykkelvei og belysning hele veien`, `${s.en}: ${where.en}, with a pavement or footpath and lighting all the way`);
    }, SCHOOL_ITEMS);
  }
  if (gaps.any) return gaps.outcome(rule, SCHOOL_ITEMS);
  return failed(() => {
    const lacks = [pavement === false ? both('fortau eller gang- og sykkelvei', 'a pavement or footpath') : undefined, lighting === false ? both('belysning', 'lighting') : undefined].filter(
      (x): x is LocalText => x !== undefined,
    );
    const grade1 =
      d !== undefined && d > near
        ? both(` (1. trinn får skyss over ${m(near).nb}, 2.–10. trinn først over ${m(far).nb})`, ` (1st grade gets transport beyond ${m(near).en}, grades 2–10 only beyond ${m(far).en})`)
        : both(` (gratis skyss først over ${m(near).nb} for 1. trinn og ${m(far).nb} for 2.–10. trinn)`, ` (free transport only beyond ${m(near).en} for 1st grade and ${m(far).en} for grades 2–10)`);
    return both(
      `${s.nb}: barneskolen er ${m(d ?? 0).nb} unna uten ${lacks.map((l) => l.nb).join(' og ')}${grade1.nb}`,
      `${s.en}: the primary school is ${m(d ?? 0).en} away without ${lacks.map((l) => l.en).join(' and ')}${grade1.en}`,
    );
  }, SCHOOL_ITEMS);
}

const isScore = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 5;

/** A risk answer's value, when it has a likelihood and a consequence of 1–5 (the rest is optional). */
function riskOf(value: unknown): { likelihood: number; consequence: number; measure?: unknown; likelihoodAfter?: unknown; consequenceAfter?: unknown } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { likelihood?: unknown; consequence?: unknown };
  return isScore(v.likelihood) && isScore(v.consequence) ? (v as { likelihood: number; consequence: number }) : undefined;
}

const riskItemsCache = new WeakMap<Template, Item[]>();

function redRisk(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
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

const UNEXPLAINED: LocalText = { nb: '', en: '' };

/** Evaluates one rule; with `explain` false the reason is left empty (for figures over many dwellings). */
export function evaluateRule(rule: Rule, ctx: RuleContext, explain = true): RuleResult {
  const { status, itemIds, missing, explain: text } = evaluateCheck(rule, ctx);
  return { ruleId: rule.id, level: rule.level, status, reason: explain ? text() : UNEXPLAINED, itemIds, missing };
}
