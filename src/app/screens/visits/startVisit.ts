/** Starts a home visit: a template-D checklist for the household and the visit that points to it, filled with what is known. */
import type { Answers } from '../../../core/checklist/template';
import { latestTemplate, TEMPLATE_IDS } from '../../../core/checklist/templates';
import { consentState, norwegianDate } from '../../../core/privacy/consentState';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Household } from '../../../core/schemas/household';
import type { Inspection } from '../../../core/schemas/inspection';
import type { Visit } from '../../../core/schemas/visit';
import { repo } from '../../store/repo';

/**
 * Creates the checklist and the visit on the device and returns the visit's id. The consent answer and the numbers
 * for the crowding check start from the household and its dwelling; the counsellor confirms or corrects them.
 */
export async function startVisit(householdId: string, household: Household, dwelling: Dwelling | null, counsellorId: string, now = new Date()): Promise<string> {
  const template = latestTemplate(TEMPLATE_IDS.homeVisit);
  if (!template) throw new Error('The home-visit template is missing');
  const answers: Answers = { 'consent.onFile': { value: consentState(household.consent, now) === 'valid' } };
  answers['space.persons'] = { value: household.adults + household.childBirthYears.length };
  if (dwelling) {
    answers['space.rooms'] = { value: dwelling.rooms };
    answers['space.areaM2'] = { value: dwelling.areaM2 };
  }
  const inspectionId = await repo<Inspection>('inspection').create({
    templateId: template.id,
    templateVersion: template.version,
    householdId,
    status: 'draft',
    answers,
    startedAt: now.toISOString(),
    inspectorId: counsellorId,
  });
  const date = norwegianDate(now);
  return repo<Visit>('visit').create({ householdId, date, counsellorId, inspectionId });
}
