/** The registry of checklist templates: every version of the five templates, parsed with the template schema. */
import { templateSchema, type Template } from '../template';
import { dwellingInspectionV1, dwellingInspectionV2, migrateDwellingInspectionV1 } from './dwellingInspection';
import type { Answer } from '../template';
import { foyerFollowUpV1 } from './foyerFollowUp';
import { homeVisitV1 } from './homeVisit';
import { neighbourhoodV1 } from './neighbourhood';
import { riskAssessmentV1 } from './riskAssessment';

/** Ids of the five templates (docs/domain.md A–E). */
export const TEMPLATE_IDS = {
  dwellingInspection: 'dwelling-inspection',
  neighbourhood: 'neighbourhood',
  riskAssessment: 'risk-assessment',
  homeVisit: 'home-visit',
  foyerFollowUp: 'foyer-follow-up',
} as const;

/** Every template version the app knows; a new version is added here, old ones stay so old answers stay readable. */
export const templates: readonly Template[] = [dwellingInspectionV1, dwellingInspectionV2, neighbourhoodV1, riskAssessmentV1, homeVisitV1, foyerFollowUpV1].map(
  (t) => templateSchema.parse(t),
);

/** The newest version of a template, or undefined for an unknown id. */
export function latestTemplate(id: string): Template | undefined {
  let latest: Template | undefined;
  for (const t of templates) if (t.id === id && (!latest || t.version > latest.version)) latest = t;
  return latest;
}

/**
 * Versions new drafts start in, where that is not the newest (a version finished in code but held back from
 * inspectors). Empty: every template starts in its newest version, the dwelling inspection in version 2 (the room
 * list), which rule set 2 judges.
 */
const RELEASED: Readonly<Record<string, number>> = {};

/** The version a new draft (or a revision) of a template starts in, and older drafts are moved to when opened. */
export function startTemplate(id: string): Template | undefined {
  const version = RELEASED[id];
  return version === undefined ? latestTemplate(id) : (getTemplate(id, version) ?? latestTemplate(id));
}

/** One exact template version, or undefined when this app does not have it. */
export function getTemplate(id: string, version: number): Template | undefined {
  return templates.find((t) => t.id === id && t.version === version);
}

/** Turns answers of version `to − 1` into answers of version `to`; kept with the template, run by openInTemplate. */
export type Migration = (answers: Readonly<Record<string, Answer>>) => Record<string, Answer>;

/** The migrations between template versions, by template id and the version they lead to. */
export const MIGRATIONS: Readonly<Record<string, Readonly<Record<number, Migration>>>> = {
  [TEMPLATE_IDS.dwellingInspection]: { 2: migrateDwellingInspectionV1 },
};
