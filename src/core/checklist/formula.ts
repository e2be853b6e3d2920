/** Calculated values: a template's formulas evaluated over the answers, never typed and never stored. */
import { isShown } from './isShown';
import type { Answer, Formula, Item, LeafItem, RepeatEntry, RepeatItem, ShowWhen } from './template';

/** Where a formula reads its numbers: the answers of the checklist, or of one repeat entry, and the items they answer. */
export type Scope = {
  answers: Readonly<Record<string, unknown>>;
  /** Items by id in this scope (a repeat entry's items, or the whole template's). */
  item(id: string): Item | LeafItem | undefined;
};

// Formulas may refer to other calculated items; the bound keeps a cycle in bad data finite.
const MAX_DEPTH = 20;

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};

function numberAnswer(answer: unknown, field?: 'likelihood' | 'consequence'): number | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const v = (answer as Answer).value;
  if (field) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const part = (v as Record<string, unknown>)[field];
    return typeof part === 'number' && Number.isFinite(part) ? part : undefined;
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The answers of one entry with its calculated items filled in, so conditions and rules can read them as answers. */
export function entryView(repeat: RepeatItem, entry: RepeatEntry): Record<string, Answer> {
  const calcs = repeat.items.filter((i) => i.kind === 'calc');
  if (calcs.length === 0) return entry.answers;
  const view: Record<string, Answer> = { ...entry.answers };
  const scope = entryScope(repeat, entry.answers);
  for (const c of calcs) {
    const v = calcValue(c, scope);
    if (v === undefined) delete view[c.id];
    else view[c.id] = { value: v };
  }
  return view;
}

const entryIndex = new WeakMap<RepeatItem, Map<string, LeafItem>>();

/** The scope of one repeat entry: its own answers and the repeat's items. */
export function entryScope(repeat: RepeatItem, answers: Readonly<Record<string, unknown>>): Scope {
  let index = entryIndex.get(repeat);
  if (!index) entryIndex.set(repeat, (index = new Map(repeat.items.map((i) => [i.id, i]))));
  const items = index;
  return { answers, item: (id) => items.get(id) };
}

/** The entries of a repeat answer that are well formed (anything else from another device is left out). */
export function entriesOf(answer: unknown): RepeatEntry[] {
  if (typeof answer !== 'object' || answer === null) return [];
  const entries = (answer as Answer).entries;
  return Array.isArray(entries) ? entries.filter((e) => typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.answers === 'object' && e.answers !== null) : [];
}

const whereItems = new WeakMap<ShowWhen, Item>();

/** Whether one entry (its answers with calculated values) meets a condition on its own items. */
export function entryMeets(where: ShowWhen, view: Readonly<Record<string, unknown>>): boolean {
  let test = whereItems.get(where);
  if (!test) whereItems.set(where, (test = { id: 'where', kind: 'text', label: { nb: '-', en: '-' }, required: false, maxLength: 1, showWhen: where }));
  return isShown(test, view);
}

function matching(repeat: RepeatItem, answer: unknown, where: ShowWhen | undefined): number {
  if (!where) return entriesOf(answer).length;
  let n = 0;
  for (const entry of entriesOf(answer)) if (entryMeets(where, entryView(repeat, entry))) n++;
  return n;
}

function evaluate(f: Formula, scope: Scope, depth: number): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if ('const' in f) return f.const;
  if ('item' in f) {
    const item = scope.item(f.item);
    if (item?.kind === 'calc') return evaluate(item.formula, scope, depth + 1);
    return numberAnswer(Object.hasOwn(scope.answers, f.item) ? scope.answers[f.item] : undefined, f.field);
  }
  if ('count' in f || 'share' in f) {
    const id = 'count' in f ? f.count : f.share;
    const repeat = scope.item(id);
    if (repeat?.kind !== 'repeat') return undefined;
    const answer = Object.hasOwn(scope.answers, id) ? scope.answers[id] : undefined;
    if ('count' in f) return matching(repeat, answer, f.where);
    const of = matching(repeat, answer, f.of);
    // Nothing to divide by: no share to show.
    return of === 0 ? undefined : matching(repeat, answer, f.of ? { all: [f.of, f.where] } : f.where) / of;
  }
  const args: number[] = [];
  for (const a of f.args) {
    const v = evaluate(a, scope, depth + 1);
    if (v === undefined) return undefined;
    args.push(v);
  }
  switch (f.op) {
    case 'add':
      return args.reduce((s, x) => s + x, 0);
    case 'sub':
      return args.slice(1).reduce((s, x) => s - x, args[0]!);
    case 'mul':
      return args.reduce((s, x) => s * x, 1);
    case 'div': {
      const r = args.slice(1).reduce((s, x) => (x === 0 ? NaN : s / x), args[0]!);
      return Number.isFinite(r) ? r : undefined;
    }
    case 'min':
      return Math.min(...args);
    case 'max':
      return Math.max(...args);
  }
}

/**
 * The value of a calculated item, rounded to its decimals (a share as a percentage), or undefined while an answer it
 * needs is missing.
 */
export function calcValue(item: Extract<Item, { kind: 'calc' }>, scope: Scope): number | undefined {
  const v = evaluate(item.formula, scope, 0);
  if (v === undefined || !Number.isFinite(v)) return undefined;
  return round(item.unit === 'percent' ? v * 100 : v, item.decimals);
}
