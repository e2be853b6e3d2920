/** How far a checklist has come, section by section: shown items answered, and required ones still open. */
import { isAnswered } from './isAnswered';
import { isShown } from './isShown';
import type { Template } from './template';
import { validateAnswers } from './validateAnswers';

/** Progress of one section. `complete` means no shown required item is missing and no answer is invalid. */
export type SectionProgress = {
  sectionId: string;
  shown: number;
  answered: number;
  required: number;
  requiredAnswered: number;
  problems: number;
  complete: boolean;
};

/** Progress of every section, in template order. */
export function sectionProgress(template: Template, answers: unknown): SectionProgress[] {
  const map: Readonly<Record<string, unknown>> = typeof answers === 'object' && answers !== null ? (answers as Record<string, unknown>) : {};
  const problems = validateAnswers(template, map);
  return template.sections.map((section) => {
    let shown = 0;
    let answered = 0;
    let required = 0;
    let requiredAnswered = 0;
    for (const item of section.items) {
      if (!isShown(item, map, template)) continue;
      shown++;
      const done = isAnswered(item, Object.hasOwn(map, item.id) ? map[item.id] : undefined);
      if (done) answered++;
      if (item.required) {
        required++;
        if (done) requiredAnswered++;
      }
    }
    const sectionProblems = problems.filter((p) => p.sectionId === section.id).length;
    return { sectionId: section.id, shown, answered, required, requiredAnswered, problems: sectionProblems, complete: sectionProblems === 0 };
  });
}
