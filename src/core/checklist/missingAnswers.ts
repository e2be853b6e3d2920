/** The shown required items still without an answer: the cheap part of validateAnswers, for verdicts over many dwellings. */
import { entriesOf, entryView } from './formula';
import { isAnswered } from './isAnswered';
import { isShown, shownChecker } from './isShown';
import type { Item, RepeatItem, Template } from './template';

const requiredCache = new WeakMap<Template, Item[]>();

/** The template's required items, in template order. */
export function requiredItems(template: Template): readonly Item[] {
  let items = requiredCache.get(template);
  if (!items) requiredCache.set(template, (items = template.sections.flatMap((s) => s.items.filter((i) => i.required))));
  return items;
}

const repeatCache = new WeakMap<Template, RepeatItem[]>();

/** The template's repeat groups that have required items of their own. */
function repeatsWithRequired(template: Template): readonly RepeatItem[] {
  let items = repeatCache.get(template);
  if (!items) {
    items = template.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'repeat' && i.items.some((x) => x.required) ? [i] : [])));
    repeatCache.set(template, items);
  }
  return items;
}

/** Whether some entry of a repeat lacks a shown required answer of its own. */
function entryMissing(repeat: RepeatItem, answer: unknown): boolean {
  for (const entry of entriesOf(answer)) {
    const view = entryView(repeat, entry);
    for (const sub of repeat.items) {
      if (sub.required && sub.kind !== 'calc' && !isAnswered(sub, view[sub.id]) && isShown(sub, view)) return true;
    }
  }
  return false;
}

/** Ids of shown, required items (a repeat group's id when one of its entries lacks a required answer) that have no answer, in template order; `shown` may be passed when already made. */
export function missingAnswers(template: Template, answers: Readonly<Record<string, unknown>>, shown = shownChecker(template, answers)): string[] {
  const missing: string[] = [];
  for (const item of requiredItems(template)) {
    // Plain indexing is safe here: the ids come from the template, never from the answers.
    if (isAnswered(item, answers[item.id])) continue;
    if (shown(item)) missing.push(item.id);
  }
  for (const repeat of repeatsWithRequired(template)) {
    if (!missing.includes(repeat.id) && entryMissing(repeat, answers[repeat.id]) && shown(repeat)) missing.push(repeat.id);
  }
  return missing;
}
