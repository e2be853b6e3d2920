// The renderer's mapping from answer kind to control, checked against every item of every template in core.
import { describe, expect, it } from 'vitest';
import { itemSchema, type Item, type ItemKind } from '../../../../src/core/checklist/template';
import { templates } from '../../../../src/core/checklist/templates';
import { controlFor } from '../../../../src/app/screens/checklist/controlFor';

const label = { nb: 'Spørsmål', en: 'Question' };
const item = (raw: Record<string, unknown>): Item => itemSchema.parse({ id: 'x', label, ...raw });

describe('controlFor', () => {
  it('asks yes/no with two radios whose values are booleans', () => {
    const spec = controlFor(item({ kind: 'yesNo' }));
    expect(spec).toMatchObject({ control: 'radio', grouped: true });
    expect(spec.control === 'radio' && spec.options.map((o) => [o.value, o.label.nb])).toEqual([[true, 'Ja'], [false, 'Nei']]);
  });

  it('asks a condition grade with the five grade tiles, each with its meaning', () => {
    const spec = controlFor(item({ kind: 'grade' }));
    expect(spec.control).toBe('grade');
    if (spec.control !== 'grade') return;
    expect(spec.options.map((o) => o.value)).toEqual(['TG0', 'TG1', 'TG2', 'TG3', 'TGIU']);
    expect(spec.options.find((o) => o.value === 'TG3')?.description?.nb).toBe('Store eller alvorlige avvik');
    expect(spec.options.find((o) => o.value === 'TGIU')?.description?.en).toBe('Not inspected');
  });

  it('asks a number in one labelled input with its unit, limits and keypad', () => {
    expect(controlFor(item({ kind: 'number', unit: 'm', min: 1.5, max: 5 }))).toEqual({
      control: 'number', grouped: false, inputMode: 'decimal', unit: { nb: 'm', en: 'm' }, min: 1.5, max: 5, integer: false,
    });
    expect(controlFor(item({ kind: 'number', unit: 'bqm3', min: 0, max: 5000, integer: true }))).toMatchObject({ inputMode: 'numeric', unit: { nb: 'Bq/m³' } });
    // A whole number that may be negative needs the decimal keypad: phone number pads have no minus sign.
    expect(controlFor(item({ kind: 'number', unit: 'count', min: -2, max: 40, integer: true }))).toMatchObject({ inputMode: 'decimal' });
  });

  it('asks a choice with radios and a multiple choice with checkboxes, in template order', () => {
    const options = [{ value: 'a', label: { nb: 'A', en: 'A' } }, { value: 'b', label: { nb: 'B', en: 'B' } }];
    expect(controlFor(item({ kind: 'choice', options }))).toEqual({ control: 'radio', grouped: true, options });
    expect(controlFor(item({ kind: 'multiChoice', options }))).toEqual({ control: 'checkboxes', grouped: true, options });
  });

  it('asks likelihood × consequence with the 5×5 matrix', () => {
    expect(controlFor(item({ kind: 'risk' }))).toEqual({ control: 'risk', grouped: true, levels: [1, 2, 3, 4, 5] });
  });

  it('asks a date with a date input and free text with a line or a box by its limit', () => {
    expect(controlFor(item({ kind: 'date' }))).toEqual({ control: 'date', grouped: false });
    expect(controlFor(item({ kind: 'text', maxLength: 200 }))).toEqual({ control: 'text', grouped: false, maxLength: 200, multiline: false });
    expect(controlFor(item({ kind: 'text' }))).toEqual({ control: 'text', grouped: false, maxLength: 2000, multiline: true });
  });

  it('asks photos with the photo list and its limit', () => {
    expect(controlFor(item({ kind: 'photos', maxPhotos: 4 }))).toEqual({ control: 'photos', grouped: true, maxPhotos: 4 });
  });

  it('shows a calculated value read-only with its unit, and a repeat group as a group', () => {
    expect(controlFor(item({ kind: 'calc', unit: 'm2', formula: { const: 1 } }))).toEqual({ control: 'calc', grouped: false, unit: { nb: 'm²', en: 'm²' } });
    expect(controlFor(item({ kind: 'repeat', entryLabel: label, items: [{ id: 'a', kind: 'text', label }] }))).toEqual({ control: 'repeat', grouped: true });
  });

  it('has a control for every item of every template, grouped exactly when the control has several inputs', () => {
    const seen = new Set<ItemKind>();
    for (const template of templates) {
      for (const section of template.sections) {
        for (const it of section.items) {
          const spec = controlFor(it);
          seen.add(it.kind);
          expect(spec.grouped, `${template.id}/${it.id}`).toBe(['radio', 'grade', 'checkboxes', 'risk', 'photos', 'repeat'].includes(spec.control));
          // A repeat group's own items are asked by the same controls.
          if (it.kind === 'repeat') for (const sub of it.items) expect(controlFor(sub).control, `${it.id}/${sub.id}`).not.toBe('repeat');
        }
      }
    }
    // The templates exercise the kinds the inspector meets in the field.
    for (const kind of ['yesNo', 'grade', 'number', 'choice', 'risk', 'text'] as const) expect(seen.has(kind), kind).toBe(true);
  });
});
