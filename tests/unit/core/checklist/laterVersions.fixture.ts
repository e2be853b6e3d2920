/** Later versions of the dwelling inspection, to prove that opening an old draft in a new version drops nothing. */
import { templateSchema, type Template } from '../../../../src/core/checklist/template';
import { dwellingInspectionV2 as v2 } from '../../../../src/core/checklist/templates/dwellingInspection';

const v1 = templateSchema.parse(v2);

/**
 * Version 3 (after the real version 2, which turned bedroom slots into room entries): the stove guard moves from child safety to fire safety under a new id, "not applicable" is no longer
 * an option for window locks, and the free-text note on the outdoor area is gone.
 */
export const dwellingInspectionV3: Template = templateSchema.parse({
  ...v1,
  version: 3,
  sections: v1.sections.map((section) => {
    let items = section.items.filter((i) => i.id !== 'childSafety.stoveGuard' && i.id !== 'outdoor.notes');
    items = items.map((i) =>
      i.id === 'childSafety.windowLocks' && i.kind === 'choice' ? { ...i, options: i.options.filter((o) => o.value !== 'notApplicable') } : i,
    );
    if (section.id === 'fire') {
      items = [...items, { id: 'fire.stoveGuard', kind: 'yesNo', label: { nb: 'Komfyrvakt', en: 'Stove guard' }, required: true }];
    }
    return { ...section, items };
  }),
});

/** Version 4 brings the outdoor note back. */
export const dwellingInspectionV4: Template = templateSchema.parse({
  ...dwellingInspectionV3,
  version: 4,
  sections: dwellingInspectionV3.sections.map((section) =>
    section.id === 'outdoor'
      ? { ...section, items: [...section.items, { id: 'outdoor.notes', kind: 'text', maxLength: 2000, label: { nb: 'Merknader', en: 'Notes' } }] }
      : section,
  ),
});
