/** Decides whether an item is shown, from its showWhen condition on other answers. */
import { isAnswered } from './isAnswered';
import { itemIndex } from './itemIndex';
import type { Item, ShowWhen, Template } from './template';

type AnswerMap = Readonly<Record<string, unknown>>;
/** Answers whether a referenced item is shown (for cascading). */
type Visible = { visibleId(id: string): boolean };
/** A condition turned into a function once, since verdicts over thousands of dwellings ask the same conditions again. */
type Predicate = (answers: AnswerMap, visible: Visible) => boolean;

// Conditions may nest and refer to items that are themselves conditional; a bound keeps a cycle in bad data finite.
const MAX_DEPTH = 20;
const ANY_KIND: Pick<Item, 'kind'> = { kind: 'text' };

function compile(cond: ShowWhen, template: Template | undefined): Predicate {
  // Plain loops: these run for every conditional item of every checklist when figures are computed.
  if ('all' in cond) {
    const parts = cond.all.map((c) => compile(c, template));
    return (a, visible) => {
      for (const p of parts) if (!p(a, visible)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => compile(c, template));
    return (a, visible) => {
      for (const p of parts) if (p(a, visible)) return true;
      return false;
    };
  }
  const id = cond.item;
  const target = template ? itemIndex(template).get(id)?.item : undefined;
  const kind = target ?? ANY_KIND;
  // An answer left on an item that is itself hidden no longer counts.
  const cascades = Boolean(target?.showWhen);
  const answered = (a: AnswerMap, visible: Visible): { value?: unknown } | undefined => {
    if (cascades && !visible.visibleId(id)) return undefined;
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

type Compiled = { item: Item; predicate: Predicate };
const compiledWithTemplate = new WeakMap<Template, Map<string, Compiled>>();
const compiledAlone = new WeakMap<Item, Predicate>();

/** Every conditional item's predicate; items with the same condition share one, so it is evaluated once per checklist. */
function predicatesOf(template: Template): Map<string, Compiled> {
  let byId = compiledWithTemplate.get(template);
  if (!byId) {
    byId = new Map();
    const byCondition = new Map<string, Predicate>();
    for (const section of template.sections) {
      for (const item of section.items) {
        if (!item.showWhen) continue;
        const key = JSON.stringify(item.showWhen);
        let predicate = byCondition.get(key);
        if (!predicate) byCondition.set(key, (predicate = compile(item.showWhen, template)));
        byId.set(item.id, { item, predicate });
      }
    }
    compiledWithTemplate.set(template, byId);
  }
  return byId;
}

function predicateOf(item: Item & { showWhen: ShowWhen }, template: Template | undefined, shared?: Map<string, Compiled>): Predicate {
  const known = (shared ?? (template ? predicatesOf(template) : undefined))?.get(item.id);
  // The template's predicate serves only the template's own item, not a look-alike from another version.
  if (known?.item === item) return known.predicate;
  let p = compiledAlone.get(item);
  if (!p) compiledAlone.set(item, (p = compile(item.showWhen, template)));
  return p;
}

/** Works out visibility with a memo, following conditions on conditional items (bounded, so a cycle ends hidden). */
class Visibility implements Visible {
  // Keyed by predicate: items with the same condition are shown or hidden together.
  private readonly memo = new Map<Predicate, boolean>();
  private depth = 0;
  private readonly index: Map<string, { item: Item }> | undefined;
  private readonly predicates: Map<string, Compiled> | undefined;

  constructor(
    private readonly template: Template | undefined,
    private readonly answers: AnswerMap,
  ) {
    this.index = template ? itemIndex(template) : undefined;
    this.predicates = template ? predicatesOf(template) : undefined;
  }

  visibleId(id: string): boolean {
    const target = this.index?.get(id)?.item;
    return target ? this.shown(target) : true;
  }

  shown(item: Item): boolean {
    if (!item.showWhen) return true;
    const predicate = predicateOf(item as Item & { showWhen: ShowWhen }, this.template, this.predicates);
    const known = this.memo.get(predicate);
    if (known !== undefined) return known;
    if (this.depth > MAX_DEPTH) return false;
    this.depth++;
    const result = predicate(this.answers, this);
    this.depth--;
    this.memo.set(predicate, result);
    return result;
  }
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
  return new Visibility(template, asMap(answers)).shown(item);
}

/** A memoised visibility test for one set of answers: cheaper than isShown when many items of one checklist are asked. */
export function shownChecker(template: Template, answers: unknown): (item: Item) => boolean {
  const visibility = new Visibility(template, asMap(answers));
  return (item) => visibility.shown(item);
}
