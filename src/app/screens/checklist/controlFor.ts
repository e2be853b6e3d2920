/** Which control asks each answer kind: the one mapping the checklist renderer follows for every template. */
import { GRADES, type Grade, type Item, type LeafItem } from '../../../core/checklist/template';
import { UNIT_TEXT } from '../../../core/checklist/unitText';
import type { LocalText } from '../../../core/text';

/** A choice a radio or checkbox control offers. */
export type ControlOption<V> = { value: V; label: LocalText; description?: LocalText };

/**
 * How one item is asked. `grouped` items (several inputs) render as a fieldset with a legend; the others as one
 * labelled input. Labels are core `LocalText`, so the mapping does not depend on the language.
 */
export type ControlSpec =
  | { control: 'radio'; grouped: true; options: ControlOption<string | boolean>[] }
  | { control: 'grade'; grouped: true; options: ControlOption<Grade>[] }
  | { control: 'checkboxes'; grouped: true; options: ControlOption<string>[] }
  | { control: 'risk'; grouped: true; levels: readonly number[] }
  | { control: 'photos'; grouped: true; maxPhotos: number }
  | { control: 'number'; grouped: false; inputMode: 'numeric' | 'decimal'; unit: LocalText; min: number; max: number; integer: boolean }
  | { control: 'date'; grouped: false }
  | { control: 'text'; grouped: false; maxLength: number; multiline: boolean }
  | { control: 'calc'; grouped: false; unit: LocalText }
  | { control: 'repeat'; grouped: true };

/** Condition grades with the meaning NS 3424 gives them, shown under each large grade button. */
export const GRADE_TEXT: Record<Grade, LocalText> = {
  TG0: { nb: 'Ingen avvik', en: 'No deviation' },
  TG1: { nb: 'Mindre eller middels avvik', en: 'Minor or moderate deviation' },
  TG2: { nb: 'Vesentlige avvik', en: 'Significant deviation' },
  TG3: { nb: 'Store eller alvorlige avvik', en: 'Large or serious deviation' },
  TGIU: { nb: 'Ikke undersøkt', en: 'Not inspected' },
};

const YES: LocalText = { nb: 'Ja', en: 'Yes' };
const NO: LocalText = { nb: 'Nei', en: 'No' };
/** Free text longer than this gets a multi-line box; short limits (a name, an owner) get one line. */
const SINGLE_LINE_UNTIL = 200;

/** The control for an item, by its answer kind. */
export function controlFor(item: Item | LeafItem): ControlSpec {
  switch (item.kind) {
    case 'yesNo':
      return { control: 'radio', grouped: true, options: [{ value: true, label: YES }, { value: false, label: NO }] };
    case 'choice':
      return { control: 'radio', grouped: true, options: item.options.map((o) => ({ value: o.value, label: o.label })) };
    case 'multiChoice':
      return { control: 'checkboxes', grouped: true, options: item.options.map((o) => ({ value: o.value, label: o.label })) };
    case 'grade':
      return {
        control: 'grade',
        grouped: true,
        options: GRADES.map((g) => ({ value: g, label: { nb: g, en: g }, description: GRADE_TEXT[g] })),
      };
    case 'risk':
      return { control: 'risk', grouped: true, levels: [1, 2, 3, 4, 5] };
    case 'photos':
      return { control: 'photos', grouped: true, maxPhotos: item.maxPhotos };
    case 'number':
      return {
        control: 'number',
        grouped: false,
        // Phone keypads without a minus sign are only safe when the number cannot be negative.
        inputMode: item.integer && item.min >= 0 ? 'numeric' : 'decimal',
        unit: UNIT_TEXT[item.unit],
        min: item.min,
        max: item.max,
        integer: item.integer,
      };
    case 'date':
      return { control: 'date', grouped: false };
    case 'text':
      return { control: 'text', grouped: false, maxLength: item.maxLength, multiline: item.maxLength > SINGLE_LINE_UNTIL };
    case 'calc':
      return { control: 'calc', grouped: false, unit: UNIT_TEXT[item.unit] };
    case 'repeat':
      return { control: 'repeat', grouped: true };
  }
}
