/** Looks up a template's items by id (built once per template, since templates are immutable data). */
import type { Item, Section, Template } from './template';

/** An item together with the section it belongs to. */
export type IndexedItem = { item: Item; section: Section };

const cache = new WeakMap<Template, Map<string, IndexedItem>>();

/** The template's items by id. */
export function itemIndex(template: Template): Map<string, IndexedItem> {
  let index = cache.get(template);
  if (!index) {
    index = new Map();
    for (const section of template.sections) for (const item of section.items) index.set(item.id, { item, section });
    cache.set(template, index);
  }
  return index;
}
