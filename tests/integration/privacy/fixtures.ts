/** Household-data records for the privacy tests: valid by the entity schemas, one set per consent situation. */
import { FOYER_DOMAINS } from '../../../src/core/schemas/plan';

/** The four situations of the authorisation matrix, seen from the demo counsellor `boveileder`. */
export const SITUATIONS = ['own', 'others', 'noConsent', 'withdrawn'] as const;
export type Situation = (typeof SITUATIONS)[number];

/** Demo counsellor and a colleague who never signs in (only their id is on records). */
export const COUNSELLOR_ID = '00000000-0000-4000-8000-000000000003';
export const COLLEAGUE_ID = 'c01ea90e-0000-4000-8000-000000000099';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const days = (now: Date, n: number) => new Date(now.getTime() + n * 86_400_000);

/** A consent valid at `now` that gives NAV the listed categories (the demo intake member sits for NAV). */
export function consentFor(now: Date, nav: string[], other: Record<string, string[]> = {}) {
  return {
    givenBy: 'mor',
    givenAt: days(now, -10).toISOString(),
    expiresAt: isoDate(days(now, 180)),
    scope: { nav, ...other },
    method: 'paper',
    signature: null,
  };
}

/** The household of a situation. `own`: NAV may see composition, housing and tasks; `others`: composition only. */
export function householdData(situation: Situation, now: Date): Record<string, unknown> {
  const base = {
    displayName: `Familie ${situation}`,
    adults: 2,
    childBirthYears: [2018, 2022],
    languageNeeds: 'tolk: arabisk',
    dwellingId: null,
    priorityFamily: true,
    counsellorIds: [situation === 'others' ? COLLEAGUE_ID : COUNSELLOR_ID],
    needs: { accessibility: 'stepFree', preferredAreas: ['Gimse'], neededBy: isoDate(days(now, 60)) },
    notes: `Fortrolig notat om ${situation}`,
  };
  switch (situation) {
    case 'own':
      return { ...base, consent: consentFor(now, ['composition', 'housing', 'tasks']) };
    case 'others':
      return { ...base, consent: consentFor(now, ['composition'], { husbanken: ['housing', 'tasks'] }) };
    case 'noConsent':
      return { ...base, consent: null };
    case 'withdrawn':
      return { ...base, consent: { ...consentFor(now, ['composition', 'housing', 'tasks']), withdrawnAt: days(now, -1).toISOString() } };
  }
}

/** A visit to the household. */
export function visitData(householdId: string, counsellorId: string, now: Date): Record<string, unknown> {
  return { householdId, date: isoDate(now), counsellorId, inspectionId: null };
}

/** A home-visit checklist (template D) with a note no unit may read. */
export function homeVisitData(householdId: string, counsellorId: string, now: Date): Record<string, unknown> {
  return {
    templateId: 'home-visit',
    templateVersion: 1,
    householdId,
    status: 'draft',
    answers: { 'visit.purpose': { value: 'Oppfølging', note: 'Fortrolig besøksnotat' } },
    startedAt: now.toISOString(),
    inspectorId: counsellorId,
  };
}

/** A task for NAV about the household. */
export function taskData(householdId: string | null, now: Date, sourceVisitId: string | null = null): Record<string, unknown> {
  return { title: 'Søke bostøtte', ownerUnit: 'nav', householdId, dueDate: isoDate(days(now, 14)), status: 'open', doneAt: null, sourceVisitId };
}

/** A Foyer plan coordinated by `coordinatorId`. */
export function planData(coordinatorId: string, now: Date): Record<string, unknown> {
  const domain = { goal: 'Et mål', actions: [], reviews: {} };
  return {
    youthAlias: 'Ung A',
    birthYear: 2008,
    coordinatorId,
    referringService: 'NAV',
    startDate: isoDate(now),
    agreementSignedAt: null,
    status: 'active',
    domains: Object.fromEntries(FOYER_DOMAINS.map((d) => [d, domain])),
    exitReadiness: {},
  };
}

/** A Foyer follow-up checklist (template E) of a plan. */
export function followUpData(planId: string, coordinatorId: string, now: Date): Record<string, unknown> {
  return {
    templateId: 'foyer-follow-up',
    templateVersion: 1,
    planId,
    status: 'draft',
    answers: { 'meeting.reviewPoint': { value: 'month0' }, 'homeSkills.goalStatus': { value: 'Fortrolig om helse' } },
    startedAt: now.toISOString(),
    inspectorId: coordinatorId,
  };
}

/** An allocation of a dwelling. */
export function allocationData(dwellingId: string, now: Date): Record<string, unknown> {
  return { dwellingId, householdId: null, date: isoDate(now), householdHasChildren: true, childrenCount: 2, leaseType: 'openEnded', leaseYears: null };
}
