/** The completed checklists about each dwelling, grouped once for the quarters and the list of inspections due. */
import { countsForDwelling } from '../checklist/checklistSide';
import { TEMPLATE_IDS } from '../checklist/templates';
import type { Inspection } from '../schemas';

// The checklists made at the dwelling; home visits and Foyer follow-ups say nothing about a dwelling or its verdict.
const DWELLING_TEMPLATES = new Set<string>([TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.neighbourhood, TEMPLATE_IDS.riskAssessment]);

/** One completed dwelling checklist with its completion day (yyyy-mm-dd, UTC), cut once rather than at every use. */
export type CompletedChecklist = { inspection: Inspection; day: string };

/** Per dwelling id, its completed dwelling checklists (inspection, neighbourhood, risk) in the order given. */
export function dwellingChecklists(inspections: readonly Inspection[]): Map<string, CompletedChecklist[]> {
  const out = new Map<string, CompletedChecklist[]>();
  for (const inspection of inspections) {
    if (inspection.status !== 'completed' || !inspection.dwellingId || !countsForDwelling(inspection) || !inspection.completedAt || !DWELLING_TEMPLATES.has(inspection.templateId)) continue;
    const entry = { inspection, day: inspection.completedAt.slice(0, 10) };
    const list = out.get(inspection.dwellingId);
    if (list) list.push(entry);
    else out.set(inspection.dwellingId, [entry]);
  }
  return out;
}
