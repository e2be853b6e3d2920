/** The shown required items still without an answer: the cheap part of validateAnswers, for verdicts over many dwellings. */
import { isAnswered } from './isAnswered';
import { shownChecker } from './isShown';
import type { Item, Template } from './template';

const requiredCache = new WeakMap<Template, Item[]>();

/** The template's required items, in template order. */
export function requiredItems(template: Template): readonly Item[] {
  let items = requiredCache.get(template);
  if (!items) requiredCache.set(template, (items = template.sections.flatMap((s) => s.items.filter((i) => i.required))));
  return items;
}

/** Ids of shown, required items that have no answer, in template order; `shown` may be passed when already made. */
export function missingAnswers(template: Template, answers: Readonly<Record<string, unknown>>, shown = shownChecker(template, answers)): string[] {
  const missing: string[] = [];
  for (const item of requiredItems(template)) {
    // Plain indexing is safe here: the ids come from the template, never from the answers.
    if (isAnswered(item, answers[item.id])) continue;
    if (shown(item)) missing.push(item.id);
  }
  return missing;
}
