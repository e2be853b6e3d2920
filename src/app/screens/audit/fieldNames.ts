/** What the fields named in the access log are called for a person; the server logs the fields' names in code. */
import type { LocalText } from '../../../core/text';

/** Field name in the records → its name on screen (a name not listed here is shown as logged). */
export const AUDIT_FIELD_NAMES: Record<string, LocalText> = {
  // Household
  displayName: { nb: 'kallenavn', en: 'alias' },
  adults: { nb: 'voksne', en: 'adults' },
  childBirthYears: { nb: 'barnas fødselsår', en: 'children’s birth years' },
  languageNeeds: { nb: 'språk og tolk', en: 'language and interpreter' },
  dwellingId: { nb: 'bolig', en: 'dwelling' },
  priorityFamily: { nb: 'satsningsfamilie', en: 'priority family' },
  counsellorIds: { nb: 'boveiledere', en: 'counsellors' },
  consent: { nb: 'samtykke', en: 'consent' },
  needs: { nb: 'behov', en: 'needs' },
  notes: { nb: 'notater', en: 'notes' },
  // Task
  title: { nb: 'tittel', en: 'title' },
  ownerUnit: { nb: 'ansvarlig enhet', en: 'owner unit' },
  householdId: { nb: 'husstand', en: 'household' },
  dueDate: { nb: 'frist', en: 'deadline' },
  status: { nb: 'status', en: 'status' },
  doneAt: { nb: 'utført', en: 'done' },
  sourceVisitId: { nb: 'fra hjemmebesøk', en: 'from home visit' },
  // Home visit
  date: { nb: 'dato', en: 'date' },
  counsellorId: { nb: 'boveileder', en: 'counsellor' },
  inspectionId: { nb: 'sjekkliste', en: 'checklist' },
  // Checklist
  templateId: { nb: 'sjekklistetype', en: 'checklist type' },
  templateVersion: { nb: 'versjon', en: 'version' },
  planId: { nb: 'Foyer-plan', en: 'Foyer plan' },
  answers: { nb: 'svar', en: 'answers' },
  previousAnswers: { nb: 'svar fra forrige versjon', en: 'answers from the previous version' },
  startedAt: { nb: 'startet', en: 'started' },
  completedAt: { nb: 'fullført', en: 'completed' },
  inspectorId: { nb: 'utfylt av', en: 'filled in by' },
  revisionOf: { nb: 'retter', en: 'corrects' },
  // Foyer plan
  youthAlias: { nb: 'kallenavn', en: 'alias' },
  birthYear: { nb: 'fødselsår', en: 'birth year' },
  coordinatorId: { nb: 'koordinator', en: 'coordinator' },
  referringService: { nb: 'henvisende tjeneste', en: 'referring service' },
  startDate: { nb: 'startdato', en: 'start date' },
  agreementSignedAt: { nb: 'avtale signert', en: 'agreement signed' },
  domains: { nb: 'områdene i planen', en: 'the plan’s domains' },
  exitReadiness: { nb: 'klar for utflytting', en: 'exit readiness' },
};
