// Areas and units a record names must be the municipality's: which writes are refused, and what the message says.
import { describe, expect, it } from 'vitest';
import { defaultActionUnit, settingsSchema, type Settings } from '../../../../src/core/schemas/settings';
import { unknownChoice, unknownUnits } from '../../../../src/core/schemas/settingsChoices';

const settings: Settings = {
  municipality: { name: 'Eksempel', number: '0301' },
  areas: [
    { id: 'area-1', name: 'Sentrum' },
    { id: 'area-2', name: 'Nord' },
  ],
  units: [
    { id: 'velferd', name: 'Velferdskontoret' },
    { id: 'eiendom', name: 'Eiendom og drift' },
  ],
  ruleSet: { id: 'suitability', version: 1 },
  inspectionIntervals: { regularMonths: 12, afterRedRiskMonths: 6, afterOpenTg3Months: 3 },
};
const task = (ownerUnit: string) => ({ title: 'Søke bostøtte', ownerUnit, householdId: null, dueDate: '2030-01-01', status: 'open' });
const consent = (units: string[]) => ({ consent: { scope: Object.fromEntries(units.map((u) => [u, ['contact']])) } });

describe('unknownChoice', () => {
  it("accepts the settings' areas and units", () => {
    expect(unknownChoice('dwelling', null, { area: 'area-2' }, settings)).toBeNull();
    expect(unknownChoice('task', null, task('eiendom'), settings)).toBeNull();
    expect(unknownChoice('household', null, { preferredAreas: ['area-1', 'area-2'], ...consent(['velferd']) }, settings)).toBeNull();
  });

  it('refuses an area or unit the settings do not list, naming the field and the choices in both languages', () => {
    expect(unknownChoice('dwelling', null, { area: 'Oslo' }, settings)).toEqual({
      path: ['area'],
      message:
        'Område: området med ID «Oslo» finnes ikke i innstillingene for kommunen. Velg en av: Sentrum, Nord. / ' +
        'Area: the area with id "Oslo" is not in the municipality settings. Choose one of: Sentrum, Nord.',
    });
    expect(unknownChoice('task', null, task('nav'), settings)?.message).toMatch(/^Ansvarlig enhet: enheten med ID «nav» finnes ikke .* Velg en av: Velferdskontoret, Eiendom og drift\. \/ Owner unit:/);
    expect(unknownChoice('household', null, { preferredAreas: ['area-1', 'gone'] }, settings)?.path).toEqual(['preferredAreas']);
    expect(unknownChoice('household', null, consent(['velferd', 'barnevern']), settings)?.path).toEqual(['consent', 'scope', 'barnevern']);
  });

  it('takes values as they come before the settings are first saved (nothing to check against yet)', () => {
    expect(unknownChoice('dwelling', null, { area: 'Oslo' }, null)).toBeNull();
    expect(unknownChoice('task', null, task('nav'), null)).toBeNull();
  });

  it('judges only what the write brings in: a value the record already held stays valid after it left the settings', () => {
    expect(unknownChoice('task', task('closed-unit'), { ...task('closed-unit'), status: 'done' }, settings)).toBeNull();
    expect(unknownChoice('dwelling', { area: 'old-area' }, { area: 'old-area', rooms: 3 }, settings)).toBeNull();
    // …but moving the record to another unknown value is refused.
    expect(unknownChoice('task', task('closed-unit'), task('other-unit'), settings)?.path).toEqual(['ownerUnit']);
    expect(unknownChoice('household', consent(['old']), consent(['old', 'new']), settings)?.path).toEqual(['consent', 'scope', 'new']);
  });

  it('ignores deletes and entities that name no area or unit', () => {
    expect(unknownChoice('dwelling', { area: 'x' }, null, settings)).toBeNull();
    expect(unknownChoice('allocation', null, { area: 'x', ownerUnit: 'x' }, settings)).toBeNull();
  });

  it('lists at most twelve choices', () => {
    const many = { ...settings, areas: Array.from({ length: 15 }, (_, i) => ({ id: `a${i}`, name: `Område ${i + 1}` })) };
    const message = unknownChoice('dwelling', null, { area: 'x' }, many)!.message;
    expect(message).toContain('Område 12, ….');
    expect(message).not.toContain('Område 13');
  });
});

describe('unknownUnits and the unit for actions', () => {
  it("finds a person's units the settings do not list, except those they already hold", () => {
    expect(unknownUnits(settings, ['velferd', 'x', 'y'], ['y'])).toEqual(['x']);
    expect(unknownUnits(null, ['velferd'])).toEqual([]);
  });

  it('proposes actions for the chosen unit, else the first, and refuses a choice that is not a unit', () => {
    expect(defaultActionUnit({ ...settings, actionUnit: 'eiendom' })).toBe('eiendom');
    expect(defaultActionUnit(settings)).toBe('velferd');
    expect(defaultActionUnit(null)).toBeUndefined();
    const r = settingsSchema.safeParse({ ...settings, actionUnit: 'gone' });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['actionUnit']);
  });
});
