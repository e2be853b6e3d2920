// Every household field has a visibility class, and the shared view holds only what the granted categories cover.
import { describe, expect, it } from 'vitest';
import { householdSchema, type Household } from '../../../../src/core/schemas/household';
import { HOUSEHOLD_FIELD_VISIBILITY, sharedHouseholdFields } from '../../../../src/core/privacy/householdFields';

const household: Household = {
  displayName: 'Familie Nord',
  adults: 2,
  childBirthYears: [2019, 2023],
  languageNeeds: 'tolk: tigrinja',
  dwellingId: '11111111-1111-4111-8111-111111111111',
  priorityFamily: true,
  counsellorIds: ['00000000-0000-4000-8000-000000000003'],
  consent: null,
  needs: { accessibility: 'none', preferredAreas: ['Gimse'], neededBy: '2026-08-01' },
  notes: 'Mor ønsker ikke å snakke om økonomi.',
};

describe('household field visibility', () => {
  it('classifies every field of the schema, and nothing else', () => {
    expect(Object.keys(HOUSEHOLD_FIELD_VISIBILITY).sort()).toEqual(Object.keys(householdSchema.shape).sort());
  });

  it('keeps notes and the consent record with the counsellor', () => {
    expect(HOUSEHOLD_FIELD_VISIBILITY.notes.class).toBe('counsellorOnly');
    expect(HOUSEHOLD_FIELD_VISIBILITY.consent.class).toBe('counsellorOnly');
  });

  it('shares composition without needs, notes or consent', () => {
    expect(sharedHouseholdFields(household, ['composition'])).toEqual({
      displayName: 'Familie Nord',
      counsellorIds: household.counsellorIds,
      adults: 2,
      childBirthYears: [2019, 2023],
      languageNeeds: 'tolk: tigrinja',
    });
  });

  it('shares housing needs and the current dwelling under housing', () => {
    const view = sharedHouseholdFields(household, ['housing']);
    expect(Object.keys(view).sort()).toEqual(['counsellorIds', 'displayName', 'dwellingId', 'needs']);
  });

  it('shares nothing for categories that have no fields in the app', () => {
    const view = sharedHouseholdFields(household, ['economy', 'health', 'visits']);
    expect(Object.keys(view).sort()).toEqual(['counsellorIds', 'displayName']);
    expect(sharedHouseholdFields(household, [])).toEqual({});
  });

  it('treats a field it does not know as counsellor only', () => {
    expect(sharedHouseholdFields({ ...household, newField: 'x' }, ['composition', 'housing', 'tasks'])).not.toHaveProperty('newField');
  });
});
