// Entity schemas: valid records parse unchanged, bad ones are refused with messages in Bokmål and English.
import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES } from '../../../../src/core/entities';
import { entitySchemas } from '../../../../src/core/schemas';
import { formatIssues } from '../../../../src/core/schemas/formatIssues';

const ID = '00000000-0000-4000-8000-000000000002';

const valid = {
  dwelling: {
    address: 'Blåklokkevegen 3',
    postcode: '7224',
    area: 'Gimse',
    gnr: 12,
    bnr: 34,
    type: 'terraced',
    floor: 1,
    hasLift: false,
    areaM2: 82.5,
    rooms: 4,
    approvedBedrooms: 3,
    leaseType: 'fixed',
    leaseYears: 3,
    vacant: true,
  },
  inspection: {
    templateId: 'dwelling-inspection',
    templateVersion: 1,
    dwellingId: ID,
    status: 'draft',
    answers: { 'fire.smokeDetectorsCount': { value: 2 } },
    startedAt: '2026-03-01T09:00:00Z',
    inspectorId: ID,
  },
  household: {
    displayName: 'Familie Eik',
    adults: 2,
    childBirthYears: [2019, 2023],
    priorityFamily: true,
    counsellorIds: [ID],
    consent: {
      givenBy: 'mor',
      givenAt: '2026-01-10T10:00:00+01:00',
      expiresAt: '2027-01-10',
      scope: { nav: ['economy'], childWelfare: ['children'] },
      method: 'drawn',
    },
    needs: { accessibility: 'none', preferredAreas: ['Gimse'], neededBy: null },
  },
  visit: { householdId: ID, date: '2026-03-02', counsellorId: ID, inspectionId: ID },
  task: { title: 'Søke bostøtte', ownerUnit: 'nav', householdId: ID, dueDate: '2026-04-01', status: 'open' },
  allocation: { dwellingId: ID, date: '2018-05-01', householdHasChildren: true, childrenCount: 2, leaseType: 'openEnded' },
  plan: {
    youthAlias: 'Ungdom A',
    birthYear: 2007,
    coordinatorId: ID,
    startDate: '2026-02-01',
    status: 'active',
    domains: Object.fromEntries(
      ['homeSkills', 'education', 'vocationalTraining', 'health', 'economy', 'leisureAndNetwork', 'lifeSkills', 'transition'].map((d) => [
        d,
        { goal: '', actions: [], reviews: { month0: { youth: 2, coordinator: 3 } } },
      ]),
    ),
    exitReadiness: { ownHomeFound: false },
  },
  scheduledInspection: {
    dwellingId: ID,
    templateIds: ['dwelling-inspection', 'risk-assessment'],
    inspectorId: ID,
    date: '2027-01-18',
    byWeek: true,
    note: 'Nøkkel hos vaktmester',
    status: 'planned',
    plannedAt: '2026-12-05T10:00:00Z',
  },
} as const;

function issues(entity: keyof typeof valid, data: unknown, lang: 'nb' | 'en' = 'nb') {
  const result = entitySchemas[entity].safeParse(data);
  return result.success ? [] : formatIssues(result.error.issues, lang);
}

describe('entity schemas', () => {
  it('has one schema per entity', () => {
    expect(Object.keys(entitySchemas).sort()).toEqual([...ENTITY_NAMES].sort());
  });

  it.each(Object.entries(valid))('parses a valid %s unchanged', (entity, data) => {
    const result = entitySchemas[entity as keyof typeof valid].safeParse(data);
    expect(result.success ? [] : formatIssues(result.error.issues, 'en')).toEqual([]);
    expect(result.data).toEqual(data);
  });

  it('says what to fix, in both languages, with the field', () => {
    expect(issues('allocation', { ...valid.allocation, childrenCount: 16 })).toEqual([{ path: 'childrenCount', message: 'Må være et heltall mellom 0 og 15' }]);
    expect(issues('allocation', { ...valid.allocation, childrenCount: 2.5 }, 'en')).toEqual([{ path: 'childrenCount', message: 'Must be a whole number 0–15' }]);
    expect(issues('dwelling', { ...valid.dwelling, areaM2: 5 }, 'en')).toEqual([{ path: 'areaM2', message: 'Must be a number 10–1,000 m²' }]);
    expect(issues('dwelling', { ...valid.dwelling, postcode: '72' })).toEqual([{ path: 'postcode', message: 'Postnummer må være fire sifre' }]);
    // The area is an id from the municipality's settings: any id shape passes the record's schema, a blank one does not.
    expect(issues('dwelling', { ...valid.dwelling, area: 'Oslo' })).toEqual([]);
    expect(issues('dwelling', { ...valid.dwelling, area: '' })[0]?.message).toMatch(/^Ugyldig ID: 1–80 tegn/);
  });

  it('says "required" for a missing field and names unknown fields', () => {
    const { address: _, ...noAddress } = valid.dwelling;
    expect(issues('dwelling', noAddress)).toEqual([{ path: 'address', message: 'Må fylles ut' }]);
    expect(issues('dwelling', noAddress, 'en')).toEqual([{ path: 'address', message: 'Required' }]);
    expect(issues('dwelling', { ...valid.dwelling, colour: 'red' }, 'en')).toEqual([{ path: '', message: 'Unknown field: colour' }]);
    expect(issues('household', { ...valid.household, needs: undefined })).toEqual([{ path: 'needs', message: 'Må fylles ut' }]);
  });

  it('checks fields against each other', () => {
    expect(issues('dwelling', { ...valid.dwelling, leaseYears: null })).toEqual([{ path: 'leaseYears', message: 'Oppgi antall år for en tidsbestemt kontrakt' }]);
    expect(issues('dwelling', { ...valid.dwelling, approvedBedrooms: 5 })[0]?.path).toBe('approvedBedrooms');
    expect(issues('allocation', { ...valid.allocation, childrenCount: 0 })[0]?.path).toBe('childrenCount');
    expect(issues('inspection', { ...valid.inspection, status: 'completed' })).toEqual([
      { path: 'completedAt', message: 'En fullført sjekkliste må ha tidspunkt for fullføring' },
    ]);
    expect(issues('household', { ...valid.household, consent: { ...valid.household.consent, expiresAt: '2025-12-31' } })[0]?.path).toBe('consent.expiresAt');
  });

  it('accepts a draft with few answers, and refuses malformed answers and item ids', () => {
    expect(issues('inspection', { ...valid.inspection, answers: {} })).toEqual([]);
    expect(issues('inspection', { ...valid.inspection, answers: { 'Bad Id': { value: 1 } } })[0]?.message).toMatch(/Ugyldig spørsmåls-ID/);
    expect(issues('inspection', { ...valid.inspection, answers: { 'fire.x': { value: { nested: true } } } }).length).toBeGreaterThan(0);
  });

  it('refuses ids that are not UUIDs and dates that are not dates', () => {
    expect(issues('visit', { ...valid.visit, householdId: 'abc' })).toEqual([{ path: 'householdId', message: 'Må være en gyldig ID (UUID)' }]);
    expect(issues('visit', { ...valid.visit, date: '02.03.2026' }, 'en')).toEqual([{ path: 'date', message: 'Must be a date as YYYY-MM-DD' }]);
    expect(issues('task', { ...valid.task, dueDate: '2026-02-30' }).length).toBe(1);
  });

  it('accepts null to clear an optional field (as a sync op sends it)', () => {
    expect(issues('dwelling', { ...valid.dwelling, notes: null, snr: null, vacantFrom: null })).toEqual([]);
    expect(issues('inspection', { ...valid.inspection, dwellingId: null, completedAt: null, previousAnswers: null })).toEqual([]);
  });
});
