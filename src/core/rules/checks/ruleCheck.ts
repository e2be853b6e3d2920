/** What every rule check uses: the context it reads, reading one answer, the gaps that make a rule open, and outcomes. */
import { entriesOf, entryView } from '../../checklist/formula';
import { isAnswered } from '../../checklist/isAnswered';
import { isShown, shownChecker } from '../../checklist/isShown';
import { itemIndex, type IndexedItem } from '../../checklist/itemIndex';
import { requiredItems } from '../../checklist/missingAnswers';
import type { Answer, Item, LeafItem, RepeatEntry, RepeatItem, Template } from '../../checklist/template';
import { latestTemplate, templates } from '../../checklist/templates';
import { valueProblem } from '../../checklist/validateAnswers';
import { formatNumber } from '../../format/formatNumber';
import type { Dwelling } from '../../schemas/dwelling';
import type { Inspection } from '../../schemas/inspection';
import type { LocalText } from '../../text';
import type { Rule, RuleCheck, Thresholds } from '../ruleSet';

/** Whether a rule holds: `missing` when an answer it needs is not there. */
export type RuleStatus = 'passed' | 'failed' | 'missing';

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

export type Read =
  | { state: 'noChecklist' }
  | { state: 'hidden' }
  | { state: 'unanswered' }
  /** Answered, but the value cannot be right (a radon level below zero): never counted, named in the reason. */
  | { state: 'invalid' }
  | { state: 'answered'; value: unknown; answer: Answer; item: Item | LeafItem };

// Reasons are built only when asked for: figures over thousands of dwellings need the verdicts, not the sentences.
export type Text = () => LocalText;
export type Outcome = { status: RuleStatus; explain: Text; itemIds: string[]; missing: string[] };

export const both = (nb: string, en: string): LocalText => ({ nb, en });
export const num = (n: number) => both(formatNumber(n, 'nb'), formatNumber(n, 'en'));
export const m = (n: number) => both(`${formatNumber(n, 'nb')} m`, `${formatNumber(n, 'en')} m`);
export const join = (texts: readonly LocalText[], sep: string): LocalText => both(texts.map((x) => x.nb).join(sep), texts.map((x) => x.en).join(sep));
export const NOTHING: LocalText = both('', '');

/** Whether an item of a filled checklist is shown, remembered for the whole assessment. */
export function shownOf(filled: Filled): (item: Item) => boolean {
  return (filled.shown ??= shownChecker(filled.template, filled.inspection.answers));
}

export function read(ctx: RuleContext, templateId: string, itemId: string): Read {
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
  // A draft may hold a value out of range (an older device saved it); a rule must not count it. A finding's cause and
  // cost, and a red risk's owner and deadline, are checked at completion, not here (see followUpProblem).
  if (item.kind !== 'grade' && item.kind !== 'photos' && valueProblem(item, answer)) return { state: 'invalid' };
  return { state: 'answered', value: answer.value, answer, item };
}

/** One entry of a repeat group as rules read it: its answers with calculated values, and its place in the list. */
export type EntryOf = { entry: RepeatEntry; view: Record<string, Answer>; index: number };

/** A repeat group of a filled checklist: `absent` when its template version has no such group (an older version). */
export type RepeatRead =
  | { state: 'noChecklist' }
  | { state: 'absent' }
  | { state: 'hidden' }
  | { state: 'entries'; repeat: RepeatItem; entries: EntryOf[] };

/** The entries of a repeat group, in the order the inspector put them. */
export function readRepeat(ctx: RuleContext, templateId: string, repeatId: string): RepeatRead {
  const filled = ctx.filled.get(templateId);
  if (!filled) return { state: 'noChecklist' };
  const item = (filled.index ??= itemIndex(filled.template)).get(repeatId)?.item;
  if (item?.kind !== 'repeat') return { state: 'absent' };
  if (item.showWhen && !shownOf(filled)(item)) return { state: 'hidden' };
  const entries = entriesOf(filled.inspection.answers[repeatId]).map((entry, index) => ({ entry, view: entryView(item, entry), index }));
  return { state: 'entries', repeat: item, entries };
}

/** One item of one entry, read as `read` reads a checklist's item (calculated items count as answered once computable). */
export function readInEntry(repeat: RepeatItem, view: Readonly<Record<string, Answer>>, itemId: string): Read {
  const item = repeat.items.find((i) => i.id === itemId);
  if (!item) return { state: 'unanswered' };
  if (item.showWhen && !isShown(item, view)) return { state: 'hidden' };
  const answer = Object.hasOwn(view, itemId) ? view[itemId] : undefined;
  if (item.kind === 'calc') return typeof answer?.value === 'number' ? { state: 'answered', value: answer.value, answer, item } : { state: 'unanswered' };
  if (answer?.typed) return { state: 'invalid' };
  if (!answer || !isAnswered(item, answer)) return { state: 'unanswered' };
  if (item.kind !== 'grade' && item.kind !== 'photos' && valueProblem(item, answer)) return { state: 'invalid' };
  return { state: 'answered', value: answer.value, answer, item };
}

/** "Soverom 3: takhøyde": an entry's item as a reason names it. */
export function entryItemLabel(repeat: RepeatItem, name: LocalText, itemId: string): LocalText {
  const label = repeat.items.find((i) => i.id === itemId)?.label ?? both(itemId, itemId);
  return both(`${name.nb}: ${label.nb.toLowerCase()}`, `${name.en}: ${label.en.toLowerCase()}`);
}

export const numberOf = (r: Read): number | undefined => (r.state === 'answered' && typeof r.value === 'number' ? r.value : undefined);
export const boolOf = (r: Read): boolean | undefined => (r.state === 'answered' && typeof r.value === 'boolean' ? r.value : undefined);
export const isOpen = (r: Read): boolean => r.state === 'noChecklist' || r.state === 'unanswered' || r.state === 'invalid';

export function labelOf(templateId: string, itemId: string): LocalText {
  const template = latestTemplate(templateId);
  const label = template && itemIndex(template).get(itemId)?.item.label;
  if (label) return label;
  // An item of an older version only (a bedroom slot of the dwelling inspection's version 1).
  for (const t of templates) if (t.id === templateId) {
    const old = itemIndex(t).get(itemId)?.item.label;
    if (old) return old;
  }
  return both(itemId, itemId);
}

export function optionLabel(item: Item, value: unknown): LocalText {
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
export function requiredIds(template: Template | undefined): string[] {
  if (!template) return [];
  let ids = requiredIdsCache.get(template);
  if (!ids) requiredIdsCache.set(template, (ids = requiredItems(template).map((i) => i.id)));
  return ids;
}

const NONE: string[] = [];
const NO_CHECKLISTS = new Set<string>();

/** Collects what a rule could not read, so the reason can say which checklist or answer is missing. */
export class Gaps {
  // Most rules find nothing missing, so nothing is allocated until something is.
  items: string[] = NONE;
  private from: string[] = NONE;
  checklists: Set<string> = NO_CHECKLISTS;
  private invalid: Set<string> = NO_CHECKLISTS;
  private labels: Map<number, LocalText> | undefined;
  /** A gap in one entry of a repeat group: listed under the group's id, named by the entry ("Soverom 2: lengde"). */
  addInEntry(r: Read, templateId: string, repeatId: string, label: LocalText): void {
    (this.labels ??= new Map()).set(this.items.length, label);
    this.add(r, templateId, repeatId, label);
  }
  add(r: Read, templateId: string, itemId: string, label?: LocalText): void {
    if (r.state === 'noChecklist') this.noChecklist(templateId);
    if (r.state === 'invalid') {
      if (this.invalid === NO_CHECKLISTS) this.invalid = new Set();
      this.invalid.add(label ? `${this.items.length}#` : itemId);
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
      const isBad = (id: string, i: number) => this.invalid.has(this.labels?.has(i) ? `${i}#` : id);
      const labelAt = (id: string, i: number) => this.labels?.get(i) ?? labelOf(this.from[i] ?? '', id);
      const bad = this.items.flatMap((id, i) => (isBad(id, i) ? [labelAt(id, i)] : []));
      const open = this.items.flatMap((id, i) => (isBad(id, i) ? [] : [labelAt(id, i)]));
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

export const passed = (explain: Text, itemIds: string[]): Outcome => ({ status: 'passed', explain, itemIds, missing: [] });
export const failed = (explain: Text, itemIds: string[]): Outcome => ({ status: 'failed', explain, itemIds, missing: [] });

/** A rule check of one kind, as the rule set's schema defines it. */
export type CheckOf<K extends RuleCheck['kind']> = Extract<RuleCheck, { kind: K }>;
