/** A 100-item checklist for the field benchmark, made of the real templates' items, so no product content is invented. */
import { templateSchema, type Item, type ShowWhen, type Template } from '../../src/core/checklist/template';
import { getTemplate, startTemplate, TEMPLATE_IDS } from '../../src/core/checklist/templates';

const ITEMS = 100;

// Version 1 of the dwelling inspection (one item per bedroom slot: the most plain items of any form; version 2 asks
// rooms in a repeat group), then the risk assessment and the neighbourhood checklist in the versions new checklists
// start in, in that order, until there are 100.
const SOURCES = [
  { templateId: TEMPLATE_IDS.dwellingInspection, version: 1, prefix: 'dwelling' },
  { templateId: TEMPLATE_IDS.riskAssessment, prefix: 'riskAssessment' },
  { templateId: TEMPLATE_IDS.neighbourhood, prefix: 'neighbourhood' },
];

// Ids are re-prefixed by the template they come from, so two templates' items can never share an id.
function renamed(cond: ShowWhen, prefix: string): ShowWhen {
  if ('all' in cond) return { all: cond.all.map((c) => renamed(c, prefix)) };
  if ('any' in cond) return { any: cond.any.map((c) => renamed(c, prefix)) };
  return { ...cond, item: `${prefix}.${cond.item}` };
}

function referencedIds(cond: ShowWhen): string[] {
  if ('all' in cond) return cond.all.flatMap(referencedIds);
  if ('any' in cond) return cond.any.flatMap(referencedIds);
  return [cond.item];
}

function build(): Template {
  const items: Item[] = [];
  for (const { templateId, version, prefix } of SOURCES) {
    const source = version ? getTemplate(templateId, version) : startTemplate(templateId);
    if (!source) throw new Error(`template ${templateId} is not in the registry`);
    for (const item of source.sections.flatMap((s) => s.items)) {
      if (items.length === ITEMS) break;
      items.push({ ...item, id: `${prefix}.${item.id}`, ...(item.showWhen ? { showWhen: renamed(item.showWhen, prefix) } : {}) });
    }
  }
  const template = templateSchema.parse({
    id: 'bench-hundred-items',
    version: 1,
    kind: 'dwellingInspection',
    title: { nb: 'Hundre spørsmål (ytelsesmåling)', en: 'A hundred items (benchmark)' },
    // One section: the renderer draws a section at a time, so this is the most it can be asked to draw at once.
    sections: [{ id: 'all', title: { nb: 'Alle spørsmål', en: 'All items' }, items }],
  });
  const ids = new Set(items.map((i) => i.id));
  if (items.length !== ITEMS || ids.size !== ITEMS) throw new Error(`expected ${ITEMS} items with unique ids, got ${items.length} (${ids.size} ids)`);
  for (const item of items) {
    const missing = item.showWhen && referencedIds(item.showWhen).find((id) => !ids.has(id));
    if (missing) throw new Error(`${item.id} is shown on ${missing}, which is not among the ${ITEMS} items`);
  }
  return template;
}

/** One template of exactly 100 items in one section: all of the dwelling inspection (version 1) and risk assessment, the rest neighbourhood. */
export const hundredItemTemplate: Template = build();
