/** Decides whether an item is shown, from its showWhen condition on other answers. */
import { isAnswered } from './isAnswered';
import { itemIndex } from './itemIndex';
import type { Item, ShowWhen, Template } from './template';

type AnswerMap = Readonly<Record<string, unknown>>;
/** A condition turned into a function once, since verdicts over thousands of dwellings ask the same conditions again. */
type Predicate = (answers: AnswerMap, visible: (id: string) => boolean) => boolean;

// Conditions may nest and refer to items that are themselves conditional; a bound keeps a cycle in bad data finite.
const MAX_DEPTH = 20;
const ANY_KIND: Pick<Item, 'kind'> = { kind: 'text' };

function compile(cond: ShowWhen, template: Template | undefined): Predicate {
  if ('all' in cond) {
    const parts = cond.all.map((c) => compile(c, template));
    return (a, visible) => parts.every((p) => p(a, visible));
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => compile(c, template));
    return (a, visible) => parts.some((p) => p(a, visible));
  }
  const id = cond.item;
  const target = template ? itemIndex(template).get(id)?.item : undefined;
  const kind = target ?? ANY_KIND;
  // An answer left on an item that is itself hidden no longer counts.
  const cascades = Boolean(target?.showWhen);
  const answered = (a: AnswerMap, visible: (id: string) => boolean): { value?: unknown } | undefined => {
    if (cascades && !visible(id)) return undefined;
    const answer = Object.hasOwn(a, id) ? a[id] : undefined;
    return isAnswered(kind, answer) ? (answer as { value?: unknown }) : undefined;
  };
  switch (cond.op) {
    case 'answered':
      return (a, visible) => answered(a, visible) !== undefined;
    case 'eq': {
      const want = cond.value;
      return (a, visible) => answered(a, visible)?.value === want;
    }
    case 'neq': {
      const want = cond.value;
      return (a, visible) => {
        const answer = answered(a, visible);
        return answer !== undefined && answer.value !== want;
      };
    }
    case 'in': {
      const want = cond.value;
      return (a, visible) => {
        const answer = answered(a, visible);
        return answer !== undefined && want.includes(answer.value as string | number | boolean);
      };
    }
    case 'gte':
    case 'lte': {
      const bound = cond.value;
      const gte = cond.op === 'gte';
      return (a, visible) => {
        const value = answered(a, visible)?.value;
        return typeof value === 'number' && (gte ? value >= bound : value <= bound);
      };
    }
  }
}

const compiledWithTemplate = new WeakMap<Template, Map<string, Predicate>>();
const compiledAlone = new WeakMap<Item, Predicate>();

function predicateOf(item: Item & { showWhen: ShowWhen }, template: Template | undefined): Predicate {
  if (!template) {
    let p = compiledAlone.get(item);
    if (!p) compiledAlone.set(item, (p = compile(item.showWhen, undefined)));
    return p;
  }
  let byId = compiledWithTemplate.get(template);
  if (!byId) compiledWithTemplate.set(template, (byId = new Map()));
  let p = byId.get(item.id);
  if (!p) byId.set(item.id, (p = compile(item.showWhen, template)));
  return p;
}

/** Works out visibility with a memo, following conditions on conditional items (bounded, so a cycle ends hidden). */
function visibility(template: Template | undefined, answers: AnswerMap): (item: Item) => boolean {
  const memo = new Map<string, boolean>();
  let depth = 0;
  const index = template ? itemIndex(template) : undefined;
  const visibleId = (id: string): boolean => {
    const target = index?.get(id)?.item;
    return target ? check(target) : true;
  };
  const check = (item: Item): boolean => {
    if (!item.showWhen) return true;
    const known = memo.get(item.id);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) return false;
    depth++;
    const result = predicateOf(item as Item & { showWhen: ShowWhen }, template)(answers, visibleId);
    depth--;
    memo.set(item.id, result);
    return result;
  };
  return check;
}

function asMap(answers: unknown): AnswerMap {
  return typeof answers === 'object' && answers !== null ? (answers as AnswerMap) : {};
}

/**
 * Whether `item` is shown for these answers. With the template, an answer on an item that is hidden itself does
 * not show its dependants (a stale answer kept from before the person changed their mind).
 */
export function isShown(item: Item, answers: unknown, template?: Template): boolean {
  if (!item.showWhen) return true;
  return visibility(template, asMap(answers))(item);
}

/** A memoised visibility test for one set of answers: cheaper than isShown when many items of one checklist are asked. */
export function shownChecker(template: Template, answers: unknown): (item: Item) => boolean {
  return visibility(template, asMap(answers));
}
