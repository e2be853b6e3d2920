/** Opens a draft in a newer template version: answers to items that still exist are kept, the rest are set aside, never dropped. */
import type { Inspection, PreviousAnswer } from '../schemas/inspection';
import { itemIndex } from './itemIndex';
import { getTemplate, MIGRATIONS } from './templates';
import type { Answer, Item, Template } from './template';

/** Whether an answer's value has the shape this item kind expects (bounds aside: an out-of-range number is shown to be fixed). */
function fits(item: Item, answer: Answer): boolean {
  const v = answer.value;
  if (v === undefined || v === null) return true;
  switch (item.kind) {
    case 'yesNo':
      return typeof v === 'boolean';
    case 'grade':
    case 'date':
    case 'text':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'choice':
      return typeof v === 'string' && item.options.some((o) => o.value === v);
    case 'multiChoice':
      return Array.isArray(v) && v.every((x) => item.options.some((o) => o.value === x));
    case 'risk':
      return typeof v === 'object' && !Array.isArray(v);
    case 'photos':
      return true;
    case 'calc':
      return false;
    case 'repeat':
      return v === undefined && (answer.entries === undefined || Array.isArray(answer.entries));
  }
}

/** A key for `previousAnswers` that does not overwrite an answer already kept there. */
function freeKey(previous: Record<string, PreviousAnswer>, itemId: string, fromVersion: number): string {
  if (!Object.hasOwn(previous, itemId)) return itemId;
  let key = `${itemId}.v${fromVersion}`;
  for (let n = 2; Object.hasOwn(previous, key); n++) key = `${itemId}.v${fromVersion}n${n}`;
  return key;
}

/**
 * The inspection as it reads in `template` (same id, usually a newer version): answers whose item still exists and
 * fits stay in `answers`; the others move to `previousAnswers` with their old label, shown as "from the previous
 * version". Answers set aside earlier come back when their item exists again. Nothing is dropped.
 */
export function openInTemplate(inspection: Inspection, template: Template): Inspection {
  if (inspection.templateId !== template.id) {
    throw new Error(`Inspection uses template ${inspection.templateId}, not ${template.id}`);
  }
  if (inspection.templateVersion === template.version) return inspection;
  const newItems = itemIndex(template);
  const oldTemplate = getTemplate(inspection.templateId, inspection.templateVersion);
  const oldItems = oldTemplate ? itemIndex(oldTemplate) : undefined;
  // Answers moved into the newer version's shape first (bedroom slots into room entries), one version at a time.
  let given: Record<string, Answer> = inspection.answers;
  for (let v = inspection.templateVersion + 1; v <= template.version; v++) {
    const step = MIGRATIONS[template.id]?.[v];
    if (step) given = step(given);
  }
  const answers: Record<string, Answer> = {};
  const previous: Record<string, PreviousAnswer> = { ...(inspection.previousAnswers ?? {}) };

  // Set-aside answers whose item is back (and not answered anew) return first, so their keys are free again.
  for (const [key, kept] of Object.entries(previous)) {
    const item = newItems.get(key)?.item;
    if (item && !Object.hasOwn(given, key) && fits(item, kept.answer)) {
      answers[key] = kept.answer;
      delete previous[key];
    }
  }
  for (const [itemId, answer] of Object.entries(given)) {
    const item = newItems.get(itemId)?.item;
    if (item && fits(item, answer)) {
      answers[itemId] = answer;
      continue;
    }
    const label = oldItems?.get(itemId)?.item.label ?? { nb: itemId, en: itemId };
    previous[freeKey(previous, itemId, inspection.templateVersion)] = { fromVersion: inspection.templateVersion, label, answer };
  }
  return { ...inspection, templateVersion: template.version, answers, previousAnswers: previous };
}

const readIn = new WeakMap<Inspection, WeakMap<Template, Readonly<Record<string, Answer>>>>();

/**
 * The inspection's answers as they read in `template` (same id): its own answers in its own version, else moved
 * through the migrations the way `openInTemplate` moves a draft, so a completed version 1 checklist compares item by
 * item with a version 2 draft (bedroom slots as the room entries the draft holds). Worked out once per record.
 */
export function answersIn(inspection: Inspection, template: Template): Readonly<Record<string, Answer>> {
  if (inspection.templateId !== template.id || inspection.templateVersion === template.version) return inspection.answers;
  let byTemplate = readIn.get(inspection);
  if (!byTemplate) readIn.set(inspection, (byTemplate = new WeakMap()));
  let answers = byTemplate.get(template);
  if (!answers) byTemplate.set(template, (answers = openInTemplate(inspection, template).answers));
  return answers;
}
