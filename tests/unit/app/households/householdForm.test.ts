// The household form: each bad value gets a message next to its field that says what to fix.
import { describe, expect, it } from 'vitest';
import { emptyHouseholdForm, formToHousehold } from '../../../../src/app/screens/households/householdForm';

const form = (over: Partial<ReturnType<typeof emptyHouseholdForm>> = {}) => ({ ...emptyHouseholdForm(['6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b']), displayName: 'Familie Test', adults: '2', ...over });

describe('formToHousehold', () => {
  it('accepts birth years separated by commas or spaces', () => {
    const r = formToHousehold(form({ childBirthYears: '2016, 2019 2023' }), { consent: null }, 'nb', 2026);
    expect(r.ok && r.household.childBirthYears).toEqual([2016, 2019, 2023]);
  });

  it('refuses a birth year after this year, saying which year is the last', () => {
    const r = formToHousehold(form({ childBirthYears: '2016, 2062' }), { consent: null }, 'nb', 2026);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.childBirthYears).toBe('Et fødselsår kan ikke være etter 2026');
    const en = formToHousehold(form({ childBirthYears: '2027' }), { consent: null }, 'en', 2026);
    if (!en.ok) expect(en.errors.childBirthYears).toBe('A birth year cannot be after 2026');
    expect(formToHousehold(form({ childBirthYears: '2026' }), { consent: null }, 'nb', 2026).ok).toBe(true);
  });

  it('names a wrongly written year and a bad number of adults by field', () => {
    const r = formToHousehold(form({ adults: '0', childBirthYears: '2019, 23' }), { consent: null }, 'nb', 2026);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.childBirthYears).toContain('fire sifre');
      expect(r.errors.adults).toContain('mellom 1 og 10');
    }
  });
});
