/** Evaluates one rule of a rule set against a dwelling and its latest completed checklists, with a reason in both languages. */
import { isAnswered } from '../checklist/isAnswered';
import { isShown } from '../checklist/isShown';
import { itemIndex } from '../checklist/itemIndex';
import { riskValueSchema, type Answer, type Item, type Template } from '../checklist/template';
import { latestTemplate } from '../checklist/templates';
import { MAX_INSPECTED_BEDROOMS } from '../checklist/templates/dwellingInspection';
import { formatNumber } from '../format/formatNumber';
import type { Dwelling } from '../schemas/dwelling';
import type { Inspection } from '../schemas/inspection';
import type { LocalText } from '../text';
import { escapeWindowFaults, type EscapeWindow } from './escapeWindowOk';
import { riskBand, riskScore } from './risk';
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
export type Filled = { inspection: Inspection; template: Template };

/** What a rule is evaluated against. */
export type RuleContext = { dwelling: Dwelling; filled: ReadonlyMap<string, Filled>; thresholds: Thresholds };

type Read =
  | { state: 'noChecklist'; templateId: string }
  | { state: 'hidden' }
  | { state: 'unanswered'; itemId: string }
  | { state: 'answered'; value: unknown; answer: Answer; item: Item };

const both = (nb: string, en: string): LocalText => ({ nb, en });
const num = (n: number) => both(formatNumber(n, 'nb'), formatNumber(n, 'en'));

function read(ctx: RuleContext, templateId: string, itemId: string): Read {
  const filled = ctx.filled.get(templateId);
  if (!filled) return { state: 'noChecklist', templateId };
  const item = itemIndex(filled.template).get(itemId)?.item;
  // An item this template version lacks cannot have been answered: the rule needs it answered in a newer version.
  if (!item) return { state: 'unanswered', itemId };
  if (!isShown(item, filled.inspection.answers, filled.template)) return { state: 'hidden' };
  const answer = filled.inspection.answers[itemId];
  if (!answer || !isAnswered(item, answer)) return { state: 'unanswered', itemId };
  return { state: 'answered', value: answer.value, answer, item };
}

function labelOf(ctx: RuleContext, templateId: string, itemId: string): LocalText {
  const filled = ctx.filled.get(templateId);
  return (filled && itemIndex(filled.template).get(itemId)?.item.label) || both(itemId, itemId);
}

function optionLabel(item: Item, value: unknown): LocalText {
  if (item.kind === 'choice' || item.kind === 'multiChoice') {
    const option = item.options.find((o) => o.value === value);
    if (option) return option.label;
  }
  return both(String(value), String(value));
}

/** Collects what a rule could not read, so the reason can say which checklist or answer is missing. */
class Gaps {
  readonly items: string[] = [];
  readonly labels: LocalText[] = [];
  readonly checklists = new Set<string>();
  add(r: Read, templateId: string, itemId: string): void {
    if (r.state === 'noChecklist') this.checklists.add(templateId);
    this.items.push(itemId);
    const template = latestTemplate(templateId);
    this.labels.push((template && itemIndex(template).get(itemId)?.item.label) || both(itemId, itemId));
  }
  get any(): boolean {
    return this.items.length > 0;
  }
}

type Outcome = { status: RuleStatus; reason: LocalText; itemIds: string[]; missing: string[] };

function missingOutcome(rule: Rule, gaps: Gaps, itemIds: string[]): Outcome {
  const s = rule.subject;
  let reason: LocalText;
  if (gaps.checklists.size > 0) {
    const names = [...gaps.checklists].map((id) => latestTemplate(id)?.title ?? both(id, id));
    reason = both(
      `${s.nb}: ingen fullført sjekkliste ${names.map((n) => `«${n.nb}»`).join(', ')}`,
      `${s.en}: no completed checklist ${names.map((n) => `"${n.en}"`).join(', ')}`,
    );
  } else {
    const labels = gaps.labels;
    reason = both(
      `${s.nb}: mangler svar på ${labels.map((l) => `«${l.nb}»`).join(', ')}`,
      `${s.en}: answer missing for ${labels.map((l) => `"${l.en}"`).join(', ')}`,
    );
  }
  return { status: 'missing', reason, itemIds, missing: [...new Set(gaps.items)] };
}

function m(n: number): LocalText {
  return both(`${formatNumber(n, 'nb')} m`, `${formatNumber(n, 'en')} m`);
}

function evaluateCheck(rule: Rule, ctx: RuleContext): Outcome {
  const c = rule.check;
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  switch (c.kind) {
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
        return {
          status: 'failed',
          reason: both(
            `${s.nb}: ${wrong.map((l) => `«${l.nb}»`).join(', ')} er besvart ${said.nb}`,
            `${s.en}: ${wrong.map((l) => `"${l.en}"`).join(', ')} answered ${said.en}`,
          ),
          itemIds: c.items,
          missing: [],
        };
      }
      if (gaps.any) return missingOutcome(rule, gaps, c.items);
      if (asked === 0) return { status: 'passed', reason: both(`${s.nb}: ikke aktuelt`, `${s.en}: not applicable`), itemIds: c.items, missing: [] };
      return { status: 'passed', reason: both(`${s.nb}: i orden`, `${s.en}: in order`), itemIds: c.items, missing: [] };
    }
    case 'choiceIn': {
      const r = read(ctx, c.template, c.item);
      if (r.state === 'hidden') return { status: 'passed', reason: both(`${s.nb}: ikke aktuelt`, `${s.en}: not applicable`), itemIds: [c.item], missing: [] };
      if (r.state !== 'answered') {
        gaps.add(r, c.template, c.item);
        return missingOutcome(rule, gaps, [c.item]);
      }
      const chosen = optionLabel(r.item, r.value);
      if (c.values.includes(r.value as string)) {
        return { status: 'passed', reason: both(`${s.nb}: ${chosen.nb}`, `${s.en}: ${chosen.en}`), itemIds: [c.item], missing: [] };
      }
      const allowed = c.values.map((v) => optionLabel(r.item, v));
      return {
        status: 'failed',
        reason: both(
          `${s.nb}: ${chosen.nb} — krever ${allowed.map((a) => a.nb.toLowerCase()).join(' eller ')}`,
          `${s.en}: ${chosen.en} — needs ${allowed.map((a) => a.en.toLowerCase()).join(' or ')}`,
        ),
        itemIds: [c.item],
        missing: [],
      };
    }
    case 'maxDistance': {
      const r = read(ctx, c.template, c.item);
      if (r.state !== 'answered' || typeof r.value !== 'number') {
        gaps.add(r, c.template, c.item);
        return missingOutcome(rule, gaps, [c.item]);
      }
      const v = m(r.value);
      const limit = m(t[c.threshold]);
      return r.value <= t[c.threshold]
        ? { status: 'passed', reason: both(`${s.nb} ${v.nb} unna — innenfor grensen på ${limit.nb}`, `${s.en} ${v.en} away — within the limit of ${limit.en}`), itemIds: [c.item], missing: [] }
        : { status: 'failed', reason: both(`${s.nb} ${v.nb} unna — grensen er ${limit.nb}`, `${s.en} ${v.en} away — the limit is ${limit.en}`), itemIds: [c.item], missing: [] };
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
        return {
          status: 'failed',
          reason: both(
            `${s.nb}: ${bad.map((b) => `${b.grade} på ${b.label.nb.toLowerCase()}`).join(', ')}`,
            `${s.en}: ${bad.map((b) => `${b.grade} on ${b.label.en.toLowerCase()}`).join(', ')}`,
          ),
          itemIds: c.items,
          missing: [],
        };
      }
      if (gaps.any) return missingOutcome(rule, gaps, c.items);
      const labels = c.items.map((id) => labelOf(ctx, c.template, id));
      return {
        status: 'passed',
        reason: both(
          `${s.nb}: ingen ${c.grades.join('/')} på ${labels.map((l) => l.nb.toLowerCase()).join(', ')}`,
          `${s.en}: no ${c.grades.join('/')} on ${labels.map((l) => l.en.toLowerCase()).join(', ')}`,
        ),
        itemIds: c.items,
        missing: [],
      };
    }
    case 'radon': {
      const ids = ['radon.documented', 'radon.bqm3'];
      const documented = read(ctx, c.template, 'radon.documented');
      if (documented.state !== 'answered') {
        gaps.add(documented, c.template, 'radon.documented');
        return missingOutcome(rule, gaps, ids);
      }
      if (documented.value !== true) {
        return { status: 'failed', reason: both(`${s.nb}: måling er ikke dokumentert`, `${s.en}: no documented measurement`), itemIds: ids, missing: [] };
      }
      const level = read(ctx, c.template, 'radon.bqm3');
      if (level.state !== 'answered' || typeof level.value !== 'number') {
        gaps.add(level, c.template, 'radon.bqm3');
        return missingOutcome(rule, gaps, ids);
      }
      const v = num(level.value);
      const limit = num(t.radonLimitBqm3);
      if (level.value > t.radonLimitBqm3) {
        return {
          status: 'failed',
          reason: both(`${s.nb} ${v.nb} Bq/m³ — grensen er ${limit.nb} Bq/m³`, `${s.en} ${v.en} Bq/m³ — the limit is ${limit.en} Bq/m³`),
          itemIds: ids,
          missing: [],
        };
      }
      const act = num(t.radonActionBqm3);
      const extra = level.value > t.radonActionBqm3 ? both(`; over tiltaksnivået på ${act.nb} Bq/m³`, `; above the action level of ${act.en} Bq/m³`) : both('', '');
      return {
        status: 'passed',
        reason: both(`${s.nb} ${v.nb} Bq/m³ — innenfor grensen på ${limit.nb} Bq/m³${extra.nb}`, `${s.en} ${v.en} Bq/m³ — within the limit of ${limit.en} Bq/m³${extra.en}`),
        itemIds: ids,
        missing: [],
      };
    }
    case 'escapeWindows':
      return escapeWindows(rule, ctx, c.template);
    case 'bedroomStandard':
      return bedroomStandard(rule, ctx, c.template);
    case 'approvedBedrooms': {
      const have = ctx.dwelling.approvedBedrooms;
      const need = t[c.threshold];
      const ids = ['dwelling.approvedBedrooms'];
      return have >= need
        ? { status: 'passed', reason: both(`${s.nb}: ${have} — minst ${need} kreves`, `${s.en}: ${have} — at least ${need} needed`), itemIds: ids, missing: [] }
        : { status: 'failed', reason: both(`${s.nb}: ${have} — minst ${need} kreves`, `${s.en}: ${have} — at least ${need} needed`), itemIds: ids, missing: [] };
    }
    case 'lease': {
      const d = ctx.dwelling;
      const ids = ['dwelling.leaseType', 'dwelling.leaseYears'];
      const need = num(t[c.threshold]);
      if (d.leaseType === 'openEnded') return { status: 'passed', reason: both(`${s.nb}: løpende`, `${s.en}: open-ended`), itemIds: ids, missing: [] };
      const years = d.leaseYears ?? 0;
      const y = num(years);
      const unit = years === 1 ? 'year' : 'years';
      return years >= t[c.threshold]
        ? { status: 'passed', reason: both(`${s.nb}: tidsbestemt, ${y.nb} år — minst ${need.nb} år kreves`, `${s.en}: fixed, ${y.en} ${unit} — at least ${need.en} years needed`), itemIds: ids, missing: [] }
        : {
            status: 'failed',
            reason: both(`${s.nb}: tidsbestemt, ${y.nb} år — minst ${need.nb} år eller løpende kreves`, `${s.en}: fixed, ${y.en} ${unit} — at least ${need.en} years or open-ended needed`),
            itemIds: ids,
            missing: [],
          };
    }
    case 'play':
      return play(rule, ctx, c);
    case 'schoolRoute':
      return schoolRoute(rule, ctx, c.template);
    case 'redRisk':
      return redRisk(rule, ctx, c.template);
  }
}

function escapeWindows(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids = ['escape.exitByStairs', 'bedrooms.count'];
  const stairs = read(ctx, templateId, 'escape.exitByStairs');
  if (stairs.state !== 'answered') {
    gaps.add(stairs, templateId, 'escape.exitByStairs');
    return missingOutcome(rule, gaps, ids);
  }
  if (stairs.value === false) {
    return { status: 'passed', reason: both(`${s.nb}: utgangen nås uten trapp, så det kreves ikke`, `${s.en}: the exit is reached without stairs, so none are required`), itemIds: ids, missing: [] };
  }
  const count = read(ctx, templateId, 'bedrooms.count');
  if (count.state !== 'answered' || typeof count.value !== 'number') {
    gaps.add(count, templateId, 'bedrooms.count');
    return missingOutcome(rule, gaps, ids);
  }
  const n = Math.min(Math.max(0, Math.floor(count.value)), MAX_INSPECTED_BEDROOMS);
  // Every second room for permanent stay; a dwelling reached by stairs needs at least one.
  const needed = Math.max(1, Math.ceil(n / 2));
  let ok = 0;
  let unknown = 0;
  const faults: LocalText[] = [];
  for (let i = 1; i <= n; i++) {
    const type = read(ctx, templateId, `bedroom${i}.windowType`);
    ids.push(`bedroom${i}.windowType`);
    if (type.state !== 'answered') {
      gaps.add(type, templateId, `bedroom${i}.windowType`);
      unknown++;
      continue;
    }
    if (type.value !== 'wall') {
      faults.push(
        type.value === 'roof'
          ? both(`soverom ${i}: takvindu godtas normalt ikke`, `bedroom ${i}: a roof window is normally not accepted`)
          : both(`soverom ${i}: ingen vindu som kan åpnes`, `bedroom ${i}: no window that opens`),
      );
      continue;
    }
    const fields = ['windowWidthM', 'windowHeightM', 'sillHeightM', 'dropToGroundM'] as const;
    const values: number[] = [];
    for (const f of fields) {
      const id = `bedroom${i}.${f}`;
      ids.push(id);
      const r = read(ctx, templateId, id);
      if (r.state === 'answered' && typeof r.value === 'number') values.push(r.value);
      else gaps.add(r, templateId, id);
    }
    if (values.length < fields.length) {
      unknown++;
      continue;
    }
    const [widthM = 0, heightM = 0, sillHeightM = 0, dropToGroundM = 0] = values;
    const w: EscapeWindow = { widthM, heightM, sillHeightM, dropToGroundM };
    const wrong = escapeWindowFaults(w, t);
    if (wrong.length === 0) {
      ok++;
      continue;
    }
    const f = wrong[0];
    const text: Record<typeof wrong[number], LocalText> = {
      width: both(`fri bredde ${num(widthM).nb} m, minst ${num(t.escapeWindowMinWidthM).nb} m`, `free width ${num(widthM).en} m, at least ${num(t.escapeWindowMinWidthM).en} m`),
      height: both(`fri høyde ${num(heightM).nb} m, minst ${num(t.escapeWindowMinHeightM).nb} m`, `free height ${num(heightM).en} m, at least ${num(t.escapeWindowMinHeightM).en} m`),
      sum: both(
        `bredde + høyde ${num(widthM + heightM).nb} m, minst ${num(t.escapeWindowMinSumM).nb} m`,
        `width + height ${num(widthM + heightM).en} m, at least ${num(t.escapeWindowMinSumM).en} m`,
      ),
      sill: both(`brystning ${num(sillHeightM).nb} m over gulvet, høyst ${num(t.escapeWindowMaxSillM).nb} m`, `sill ${num(sillHeightM).en} m above the floor, at most ${num(t.escapeWindowMaxSillM).en} m`),
      drop: both(`${num(dropToGroundM).nb} m ned til bakken, høyst ${num(t.escapeWindowMaxDropM).nb} m`, `${num(dropToGroundM).en} m down to the ground, at most ${num(t.escapeWindowMaxDropM).en} m`),
    };
    if (f) faults.push(both(`soverom ${i}: ${text[f].nb}`, `bedroom ${i}: ${text[f].en}`));
  }
  const summary = both(`${s.nb}: gyldig i ${ok} av ${n} soverom — minst ${needed} kreves`, `${s.en}: valid in ${ok} of ${n} bedrooms — at least ${needed} needed`);
  if (ok >= needed) return { status: 'passed', reason: summary, itemIds: ids, missing: [] };
  if (ok + unknown >= needed) return missingOutcome(rule, gaps, ids);
  const detail = faults.length > 0 ? both(` (${faults.map((f) => f.nb).join('; ')})`, ` (${faults.map((f) => f.en).join('; ')})`) : both('', '');
  return { status: 'failed', reason: both(summary.nb + detail.nb, summary.en + detail.en), itemIds: ids, missing: [] };
}

function bedroomStandard(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids = ['bedrooms.count'];
  const count = read(ctx, templateId, 'bedrooms.count');
  if (count.state !== 'answered' || typeof count.value !== 'number') {
    gaps.add(count, templateId, 'bedrooms.count');
    return missingOutcome(rule, gaps, ids);
  }
  const n = Math.min(Math.max(0, Math.floor(count.value)), MAX_INSPECTED_BEDROOMS);
  const faults: LocalText[] = [];
  for (let i = 1; i <= n; i++) {
    const ceilingId = `bedroom${i}.ceilingHeightM`;
    const windowId = `bedroom${i}.openableWindow`;
    ids.push(ceilingId, windowId);
    const ceiling = read(ctx, templateId, ceilingId);
    if (ceiling.state !== 'answered' || typeof ceiling.value !== 'number') gaps.add(ceiling, templateId, ceilingId);
    else if (ceiling.value < t.ceilingMinM) {
      faults.push(
        both(
          `soverom ${i} har takhøyde ${num(ceiling.value).nb} m, kravet er ${num(t.ceilingMinM).nb} m`,
          `bedroom ${i} has a ceiling height of ${num(ceiling.value).en} m, the requirement is ${num(t.ceilingMinM).en} m`,
        ),
      );
    }
    const window = read(ctx, templateId, windowId);
    if (window.state !== 'answered' || typeof window.value !== 'boolean') gaps.add(window, templateId, windowId);
    else if (!window.value) faults.push(both(`soverom ${i} mangler vindu eller dør som kan åpnes`, `bedroom ${i} has no window or door that opens`));
  }
  if (faults.length > 0) {
    return { status: 'failed', reason: both(`${s.nb}: ${faults.map((f) => f.nb).join('; ')}`, `${s.en}: ${faults.map((f) => f.en).join('; ')}`), itemIds: ids, missing: [] };
  }
  if (gaps.any) return missingOutcome(rule, gaps, ids);
  const expected = Math.min(ctx.dwelling.approvedBedrooms, MAX_INSPECTED_BEDROOMS);
  if (n < expected) {
    return {
      status: 'missing',
      reason: both(`${s.nb}: ${n} av ${expected} godkjente soverom er kontrollert`, `${s.en}: ${n} of ${expected} approved bedrooms were checked`),
      itemIds: ids,
      missing: ['bedrooms.count'],
    };
  }
  return {
    status: 'passed',
    reason: both(
      `${s.nb}: ${n} soverom med takhøyde minst ${num(t.ceilingMinM).nb} m og vindu som kan åpnes`,
      `${s.en}: ${n} bedrooms with a ceiling height of at least ${num(t.ceilingMinM).en} m and a window that opens`,
    ),
    itemIds: ids,
    missing: [],
  };
}

function play(rule: Rule, ctx: RuleContext, c: Extract<RuleCheck, { kind: 'play' }>): Outcome {
  const s = rule.subject;
  const limit = ctx.thresholds[c.threshold];
  const gaps = new Gaps();
  const ids = [...c.items, ...(c.onPlot ? [c.onPlot.item] : [])];
  if (c.onPlot) {
    const r = read(ctx, c.onPlot.template, c.onPlot.item);
    if (r.state === 'answered' && r.value === true) {
      return { status: 'passed', reason: both(`${s.nb}: lekeplass på tomta`, `${s.en}: playground on the plot`), itemIds: ids, missing: [] };
    }
    if (r.state !== 'answered' && r.state !== 'hidden') gaps.add(r, c.onPlot.template, c.onPlot.item);
  }
  let nearest: { label: LocalText; value: number } | undefined;
  for (const id of c.items) {
    const r = read(ctx, c.template, id);
    if (r.state === 'answered' && typeof r.value === 'number') {
      if (!nearest || r.value < nearest.value) nearest = { label: r.item.label, value: r.value };
    } else if (r.state !== 'hidden') gaps.add(r, c.template, id);
  }
  if (nearest && nearest.value <= limit) {
    return {
      status: 'passed',
      reason: both(
        `${s.nb}: ${nearest.label.nb.toLowerCase()} ${m(nearest.value).nb} unna — innenfor grensen på ${m(limit).nb}`,
        `${s.en}: ${nearest.label.en.toLowerCase()} ${m(nearest.value).en} away — within the limit of ${m(limit).en}`,
      ),
      itemIds: ids,
      missing: [],
    };
  }
  if (gaps.any || !nearest) return missingOutcome(rule, gaps, ids);
  return {
    status: 'failed',
    reason: both(
      `${s.nb}: nærmeste er ${m(nearest.value).nb} unna — grensen er ${m(limit).nb}`,
      `${s.en}: the nearest is ${m(nearest.value).en} away — the limit is ${m(limit).en}`,
    ),
    itemIds: ids,
    missing: [],
  };
}

function schoolRoute(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const ids = ['distances.primarySchoolM', 'routes.schoolRouteDangerous', 'routes.schoolRoutePavement', 'routes.schoolRouteLighting'];
  const [distance, dangerous, pavement, lighting] = ids.map((id) => read(ctx, templateId, id));
  ids.forEach((id, i) => {
    const r = [distance, dangerous, pavement, lighting][i];
    if (r && r.state !== 'answered' && r.state !== 'hidden') gaps.add(r, templateId, id);
  });
  const d = distance?.state === 'answered' && typeof distance.value === 'number' ? distance.value : undefined;
  const bool = (r: Read | undefined) => (r?.state === 'answered' && typeof r.value === 'boolean' ? r.value : undefined);
  const isDangerous = bool(dangerous);
  const hasPavement = bool(pavement);
  const hasLighting = bool(lighting);
  const far = num(t.schoolTransportGrades2to10M);
  if (d !== undefined && d > t.schoolTransportGrades2to10M) {
    return {
      status: 'passed',
      reason: both(`${s.nb}: barneskolen er ${m(d).nb} unna — over ${far.nb} m gir gratis skoleskyss for alle trinn`, `${s.en}: the primary school is ${m(d).en} away — beyond ${far.en} m every grade gets free school transport`),
      itemIds: ids,
      missing: [],
    };
  }
  if (isDangerous === true) {
    return {
      status: 'passed',
      reason: both(`${s.nb}: vurdert som særlig farlig, så barna får gratis skoleskyss`, `${s.en}: judged especially dangerous, so the children get free school transport`),
      itemIds: ids,
      missing: [],
    };
  }
  if (hasPavement === true && hasLighting === true) {
    const where = d !== undefined ? both(`barneskolen er ${m(d).nb} unna`, `the primary school is ${m(d).en} away`) : both('trygg vei', 'a safe route');
    return {
      status: 'passed',
      reason: both(`${s.nb}: ${where.nb}, med fortau eller gang- og sykkelvei og belysning hele veien`, `${s.en}: ${where.en}, with a pavement or footpath and lighting all the way`),
      itemIds: ids,
      missing: [],
    };
  }
  if (gaps.any) return missingOutcome(rule, gaps, ids);
  const lacks = [hasPavement === false ? both('fortau eller gang- og sykkelvei', 'a pavement or footpath') : undefined, hasLighting === false ? both('belysning', 'lighting') : undefined].filter(
    (x): x is LocalText => x !== undefined,
  );
  const near = num(t.schoolTransportGrade1M);
  const grade1 =
    d !== undefined && d > t.schoolTransportGrade1M
      ? both(` (1. trinn får skyss over ${near.nb} m, 2.–10. trinn først over ${far.nb} m)`, ` (1st grade gets transport beyond ${near.en} m, grades 2–10 only beyond ${far.en} m)`)
      : both(` (gratis skyss først over ${near.nb} m for 1. trinn og ${far.nb} m for 2.–10. trinn)`, ` (free transport only beyond ${near.en} m for 1st grade and ${far.en} m for grades 2–10)`);
  return {
    status: 'failed',
    reason: both(
      `${s.nb}: barneskolen er ${m(d ?? 0).nb} unna uten ${lacks.map((l) => l.nb).join(' og ')}${grade1.nb}`,
      `${s.en}: the primary school is ${m(d ?? 0).en} away without ${lacks.map((l) => l.en).join(' and ')}${grade1.en}`,
    ),
    itemIds: ids,
    missing: [],
  };
}

function redRisk(rule: Rule, ctx: RuleContext, templateId: string): Outcome {
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const template = ctx.filled.get(templateId)?.template ?? latestTemplate(templateId);
  if (!template) {
    gaps.checklists.add(templateId);
    return missingOutcome(rule, gaps, []);
  }
  const riskItems = template.sections.flatMap((sec) => sec.items).filter((i) => i.kind === 'risk');
  const ids = riskItems.map((i) => i.id);
  const faults: LocalText[] = [];
  let highest: { label: LocalText; score: number } | undefined;
  for (const item of riskItems) {
    const r = read(ctx, templateId, item.id);
    if (r.state === 'hidden') continue;
    const parsed = r.state === 'answered' ? riskValueSchema.safeParse(r.value) : undefined;
    if (!parsed?.success) {
      gaps.add(r, templateId, item.id);
      continue;
    }
    const v = parsed.data;
    const score = riskScore(v);
    if (!highest || score > highest.score) highest = { label: item.label, score };
    if (riskBand(score, t) !== 'red') continue;
    const hasMeasure = (v.measure ?? '').trim().length > 0;
    if (!hasMeasure) {
      faults.push(both(`${item.label.nb.toLowerCase()} ${v.likelihood} × ${v.consequence} = ${score}, rød, uten tiltak`, `${item.label.en.toLowerCase()} ${v.likelihood} × ${v.consequence} = ${score}, red, with no measure`));
    } else if (v.likelihoodAfter !== undefined && v.consequenceAfter !== undefined) {
      const after = v.likelihoodAfter * v.consequenceAfter;
      if (riskBand(after, t) === 'red') {
        faults.push(both(`${item.label.nb.toLowerCase()} er fortsatt rød etter tiltaket (${after})`, `${item.label.en.toLowerCase()} is still red after the measure (${after})`));
      }
    }
  }
  if (faults.length > 0) {
    return { status: 'failed', reason: both(`${s.nb}: ${faults.map((f) => f.nb).join('; ')}`, `${s.en}: ${faults.map((f) => f.en).join('; ')}`), itemIds: ids, missing: [] };
  }
  if (gaps.any) return missingOutcome(rule, gaps, ids);
  const top = highest
    ? both(` (høyest: ${highest.label.nb.toLowerCase()} ${highest.score})`, ` (highest: ${highest.label.en.toLowerCase()} ${highest.score})`)
    : both('', '');
  return { status: 'passed', reason: both(`${s.nb}: ingen rød risiko uten tiltak${top.nb}`, `${s.en}: no red risk without a measure${top.en}`), itemIds: ids, missing: [] };
}

/** Evaluates one rule. */
export function evaluateRule(rule: Rule, ctx: RuleContext): RuleResult {
  const outcome = evaluateCheck(rule, ctx);
  return { ruleId: rule.id, level: rule.level, ...outcome };
}
