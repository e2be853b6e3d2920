/** Decides whether an item is shown, from its showWhen condition on other answers. */
import { isAnswered } from './isAnswered';
import { itemIndex } from './itemIndex';
import type { Item, ShowWhen, Template } from './template';

type AnswerMap = Readonly<Record<string, unknown>>;

// Conditions may nest and refer to items that are themselves conditional; a bound keeps a cycle in bad data finite.
const MAX_DEPTH = 20;

function valueOf(answers: AnswerMap, id: string): unknown {
  const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof answer === 'object' && answer !== null ? (answer as { value?: unknown }).value : undefined;
}

function holds(cond: ShowWhen, answers: AnswerMap, template: Template | undefined, depth: number): boolean {
  if ('all' in cond) return cond.all.every((c) => holds(c, answers, template, depth));
  if ('any' in cond) return cond.any.some((c) => holds(c, answers, template, depth));
  const target = template ? itemIndex(template).get(cond.item)?.item : undefined;
  // An answer left on an item that is itself hidden no longer counts.
  if (target && !shown(target, answers, template, depth + 1)) return false;
  const answered = isAnswered(target ?? { kind: 'text' }, Object.hasOwn(answers, cond.item) ? answers[cond.item] : undefined);
  if (cond.op === 'answered') return answered;
  if (!answered) return false;
  const value = valueOf(answers, cond.item);
  switch (cond.op) {
    case 'eq':
      return value === cond.value;
    case 'neq':
      return value !== cond.value;
    case 'in':
      return cond.value.includes(value as string | number | boolean);
    case 'gte':
      return typeof value === 'number' && value >= cond.value;
    case 'lte':
      return typeof value === 'number' && value <= cond.value;
  }
}

function shown(item: Item, answers: AnswerMap, template: Template | undefined, depth: number): boolean {
  if (!item.showWhen) return true;
  if (depth > MAX_DEPTH) return false;
  return holds(item.showWhen, answers, template, depth);
}

/**
 * Whether `item` is shown for these answers. With the template, an answer on an item that is hidden itself does
 * not show its dependants (a stale answer kept from before the person changed their mind).
 */
export function isShown(item: Item, answers: unknown, template?: Template): boolean {
  const map = typeof answers === 'object' && answers !== null ? (answers as AnswerMap) : {};
  return shown(item, map, template, 0);
}
