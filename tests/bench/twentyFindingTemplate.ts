/**
 * A checklist whose completion proposes 20 follow-up actions, for the plan benchmark: no product template has 20
 * graded or risk items (the dwelling inspection has ten grades and its legal gates, the risk assessment seven risks).
 * Made of the real items: the dwelling inspection's condition grades and the risk assessment's risks, a second round
 * of grades (as for an annex) until there are 20. Evidence rules are left out, so completing needs no photos; the
 * answers grade every item TG2 or TG3 or score every risk red or yellow, with what each finding asks.
 */
import type { Answers, Item, Template } from '../../src/core/checklist/template';
import { templateSchema } from '../../src/core/checklist/template';
import { startTemplate, TEMPLATE_IDS } from '../../src/core/checklist/templates';
import { validateAnswers } from '../../src/core/checklist/validateAnswers';
import { addDays } from '../../src/core/planning/dates';

export const FINDINGS = 20;

function build(): Template {
  const leaves = (id: string) => startTemplate(id)!.sections.flatMap((s) => s.items);
  const grades = leaves(TEMPLATE_IDS.dwellingInspection).filter((i) => i.kind === 'grade');
  const risks = leaves(TEMPLATE_IDS.riskAssessment).filter((i) => i.kind === 'risk');
  const items: Item[] = [];
  const take = (item: Item, prefix: string, suffix?: { nb: string; en: string }) => {
    if (items.length === FINDINGS) return;
    const { showWhen: _shown, evidence: _evidence, ...rest } = item as Item & { showWhen?: unknown; evidence?: unknown };
    void _shown;
    void _evidence;
    const label = suffix ? { nb: `${item.label.nb} (${suffix.nb})`, en: `${item.label.en} (${suffix.en})` } : item.label;
    items.push({ ...rest, id: `${prefix}.${item.id}`, label } as Item);
  };
  for (const g of grades) take(g, 'main');
  for (const r of risks) take(r, 'risk');
  for (const g of grades) take(g, 'annex', { nb: 'tilbygg', en: 'annex' });
  return templateSchema.parse({
    id: 'bench-twenty-findings',
    version: 1,
    kind: 'dwellingInspection',
    title: { nb: 'Tjue funn (ytelsesmåling)', en: 'Twenty findings (benchmark)' },
    sections: [{ id: 'findings', title: { nb: 'Funn', en: 'Findings' }, items }],
  });
}

/** The template: 20 items, each a grade or a risk. */
export const twentyFindingTemplate: Template = build();

/** Answers that make every item a finding (TG3 and TG2 by turns, red and yellow risks), complete as the app asks. */
export function twentyFindingAnswers(today: string): Answers {
  const answers: Answers = {};
  twentyFindingTemplate.sections[0]!.items.forEach((item, n) => {
    if (item.kind === 'grade') {
      const tg3 = n % 2 === 0;
      answers[item.id] = {
        value: tg3 ? 'TG3' : 'TG2',
        finding: { cause: `Årsak ${n + 1}`, consequence: `Konsekvens ${n + 1}`, ...(tg3 ? { costEstimate: `${(n + 1) * 10} 000 kr` } : {}) },
      };
    } else {
      const red = n % 2 === 0;
      answers[item.id] = {
        value: {
          likelihood: red ? 4 : 3,
          consequence: red ? 4 : 2,
          measure: `Sikringstiltak ${n + 1}`,
          owner: 'Bygg og eiendom',
          deadline: addDays(today, 30),
          likelihoodAfter: 1,
          consequenceAfter: 2,
        },
      };
    }
  });
  const problems = validateAnswers(twentyFindingTemplate, answers);
  if (problems.length) throw new Error(`the twenty findings do not complete: ${JSON.stringify(problems.map((p) => [p.itemId, p.code]))}`);
  return answers;
}
