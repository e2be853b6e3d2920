/** What changed in a checklist since the previous completed one, item by item, in template order. */
import { isShown } from '../../../core/checklist/isShown';
import type { Answer, Answers, Item, Template } from '../../../core/checklist/template';
import { deepEqual } from '../../../core/sync/deepEqual';

/** One changed item: its answer then and now (undefined when not answered). */
export type ItemChange = { item: Item; sectionId: string; before: Answer | undefined; after: Answer | undefined };

/** Shown items whose answer (value, note or photos) differs from the previous one. */
export function changesSince(template: Template, answers: Answers, previous: Answers): ItemChange[] {
  const out: ItemChange[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      if (!isShown(item, answers, template) && !isShown(item, previous, template)) continue;
      const before = previous[item.id];
      const after = answers[item.id];
      if (!deepEqual(before ?? null, after ?? null)) out.push({ item, sectionId: section.id, before, after });
    }
  }
  return out;
}
