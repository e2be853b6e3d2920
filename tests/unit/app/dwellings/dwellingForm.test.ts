// The dwelling form: typed text to a schema-checked dwelling, errors by field, and edits as changed fields only.
import { describe, expect, it } from 'vitest';
import type { Dwelling } from '../../../../src/core/schemas/dwelling';
import { changedFields, dwellingToForm, emptyDwellingForm, formToDwelling } from '../../../../src/app/screens/dwellings/dwellingForm';

const filled = {
  ...emptyDwellingForm(),
  address: 'Gimsevegen 3', postcode: '7224', area: 'Gimse', gnr: '12', bnr: '34', floor: '1', areaM2: '64,5', rooms: '3', approvedBedrooms: '2',
};

describe('formToDwelling', () => {
  it('reads a decimal comma and yes/no, and leaves optional fields null', () => {
    const r = formToDwelling(filled, 'nb');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dwelling).toMatchObject({ areaM2: 64.5, gnr: 12, vacant: true, hasLift: false, leaseType: 'openEnded', snr: null, leaseYears: null, vacantFrom: null, notes: null });
  });

  it('puts every problem next to its field, in the language asked for', () => {
    const r = formToDwelling({ ...filled, address: ' ', postcode: '72', areaM2: 'sekstifire', area: '' }, 'nb');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.address).toBe('Må fylles ut');
    expect(r.errors.postcode).toBe('Postnummer må være fire sifre');
    expect(r.errors.areaM2).toBe('Skriv et tall, for eksempel 64,5.');
    expect(r.errors.area).toBeDefined();
    // Checks across fields come once the fields themselves are right.
    const beds = formToDwelling({ ...filled, rooms: '2', approvedBedrooms: '3' }, 'nb');
    expect(!beds.ok && beds.errors).toEqual({ approvedBedrooms: 'Kan ikke ha flere godkjente soverom enn rom' });
    const en = formToDwelling({ ...filled, gnr: '1,5' }, 'en');
    expect(!en.ok && en.errors.gnr).toBe('Enter a whole number, for example 12.');
    // A whole-number field never shows a decimal example, not even for text that is no number at all.
    const words = formToDwelling({ ...filled, rooms: 'tre', floor: '1,5' }, 'nb');
    expect(!words.ok && words.errors).toMatchObject({ rooms: 'Skriv et helt tall, for eksempel 3.', floor: 'Skriv et helt tall, for eksempel 2.' });
  });

  it('asks for the years of a fixed lease and drops them for an open-ended one', () => {
    const fixed = formToDwelling({ ...filled, leaseType: 'fixed' }, 'nb');
    expect(!fixed.ok && fixed.errors.leaseYears).toBe('Oppgi antall år for en tidsbestemt kontrakt');
    const open = formToDwelling({ ...filled, leaseType: 'openEnded', leaseYears: '5' }, 'nb');
    expect(open.ok && open.dwelling.leaseYears).toBe(null);
  });

  it('takes the KOSTRA facts, ownership and wheelchair access, and leaves them null when not recorded', () => {
    expect(formToDwelling(filled, 'nb')).toMatchObject({ ok: true, dwelling: { ownership: null, wheelchairAccessible: null } });
    const r = formToDwelling({ ...filled, ownership: 'privateAllocationRight', wheelchairAccessible: 'no' }, 'nb');
    expect(r).toMatchObject({ ok: true, dwelling: { ownership: 'privateAllocationRight', wheelchairAccessible: false } });
    if (!r.ok) return;
    expect(dwellingToForm(r.dwelling, 'nb')).toMatchObject({ ownership: 'privateAllocationRight', wheelchairAccessible: 'no' });
    const wrong = formToDwelling({ ...filled, ownership: 'leased' }, 'nb');
    expect(!wrong.ok && wrong.errors.ownership).toMatch(/owned, rentedIn, privateAllocationRight/);
  });

  it('round-trips a stored dwelling through the form', () => {
    const r = formToDwelling(filled, 'nb');
    if (!r.ok) throw new Error('expected a valid dwelling');
    for (const lang of ['nb', 'en'] as const) {
      const again = formToDwelling(dwellingToForm(r.dwelling, lang), lang);
      expect(again.ok && again.dwelling).toEqual(r.dwelling);
    }
  });
});

describe('changedFields', () => {
  it('writes only what changed, and a cleared optional field as null', () => {
    const before = { ...(formToDwelling(filled, 'nb') as { dwelling: Dwelling }).dwelling, notes: 'gammel' };
    expect(changedFields(before, { ...before, floor: 2, notes: null })).toEqual({ floor: 2, notes: null });
    expect(changedFields(before, { ...before })).toEqual({});
  });
});
