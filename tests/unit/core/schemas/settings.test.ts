// The municipality settings schema: what an administrator may save, and the messages for what must be fixed.
import { describe, expect, it } from 'vitest';
import { MELHUS_SETTINGS } from '../../../../src/core/demo/melhusSettings';
import { generateDemoData } from '../../../../src/core/demo/generate';
import { areaName, newAreaId, newUnitId, readSettings, settingsSchema, SETTINGS_ID, unitName, type Settings } from '../../../../src/core/schemas/settings';
import { entitySchemas } from '../../../../src/core/schemas';

const valid: Settings = {
  municipality: { name: 'Eksempel', number: '0301' },
  areas: [
    { id: 'area-1', name: 'Sentrum' },
    { id: 'area-2', name: 'Nord', code: '0101' },
  ],
  units: [{ id: 'nav', name: 'NAV' }],
  ruleSet: { id: 'suitability', version: 1 },
  inspectionIntervals: { regularMonths: 12, afterRedRiskMonths: 6, afterOpenTg3Months: 3 },
};

/** The messages of a failed parse, by path. */
function issues(data: unknown): Record<string, string> {
  const r = settingsSchema.safeParse(data);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('settings schema', () => {
  it('accepts a small municipality and the demo settings, and is the schema of the settings entity', () => {
    expect(settingsSchema.parse(valid)).toEqual(valid);
    expect(settingsSchema.safeParse(MELHUS_SETTINGS).success).toBe(true);
    expect(entitySchemas.settings).toBe(settingsSchema);
  });

  it('says what to fix: the municipality number, a blank name, no areas, a bad unit id', () => {
    expect(issues({ ...valid, municipality: { name: ' ', number: '301' } })).toEqual({
      'municipality.name': 'Må fylles ut / Must be filled in',
      'municipality.number': 'Kommunenummer er fire sifre, for eksempel 0301 / A municipality number is four digits, e.g. 0301',
    });
    expect(issues({ ...valid, areas: [] })).toEqual({ areas: 'Legg inn minst ett område / Add at least one area' });
    expect(issues({ ...valid, units: [{ id: 'Bygg og eiendom', name: 'Bygg' }] })['units.0.id']).toMatch(/^Ugyldig enhets-ID/);
    expect(issues({ ...valid, areas: [{ id: ' a', name: 'X' }] })['areas.0.id']).toMatch(/^Ugyldig ID/);
  });

  it('refuses the same area or unit twice, by id or by name whatever the case', () => {
    expect(issues({ ...valid, areas: [...valid.areas, { id: 'area-3', name: 'sentrum ' }] })).toEqual({
      'areas.2.name': 'Området «sentrum » står to ganger / The area "sentrum " is listed twice',
    });
    expect(issues({ ...valid, areas: [...valid.areas, { id: 'area-1', name: 'Sør' }] })).toEqual({ 'areas.2.id': 'To områder har samme ID / Two areas have the same id' });
    expect(Object.keys(issues({ ...valid, units: [{ id: 'nav', name: 'NAV' }, { id: 'nav', name: 'Nav' }] })).sort()).toEqual(['units.1.id', 'units.1.name']);
  });

  it('refuses unknown fields and intervals out of bounds', () => {
    expect(issues({ ...valid, extra: 1 })).toHaveProperty('');
    expect(issues({ ...valid, inspectionIntervals: { ...valid.inspectionIntervals, regularMonths: 0 } })['inspectionIntervals.regularMonths']).toMatch(/mellom 1 og 120 måneder/);
  });

  it('names ids, keeping an id the settings no longer list', () => {
    expect(areaName(valid, 'area-2')).toBe('Nord');
    expect(areaName(valid, 'Gimse')).toBe('Gimse');
    expect(areaName(null, 'area-2')).toBe('area-2');
    expect(unitName({ ...valid, units: [{ id: 'nav', name: 'NAV', nameEn: 'Labour and welfare' }] }, 'nav', 'en')).toBe('Labour and welfare');
    expect(unitName(valid, 'nav', 'en')).toBe('NAV');
    expect(readSettings({ municipality: 'x' })).toBeNull();
  });

  it('makes ids that pass the schema', () => {
    expect(newUnitId('Bygg og eiendom', [])).toBe('bygg-og-eiendom');
    expect(newUnitId('Flyktningeenheten', ['flyktningeenheten'])).toBe('flyktningeenheten-2');
    expect(newUnitId('Rus & psykisk helse – Øst', [])).toBe('rus-psykisk-helse-ost');
    expect(newUnitId('123', [])).toBe('unit');
    const area = newAreaId(["area-00000000"], () => 0.5);
    expect(area).toBe("area-80000000");
    expect(settingsSchema.safeParse({ ...valid, areas: [{ id: area, name: 'Ny' }], units: [{ id: newUnitId('Barnevernet', []), name: 'Barnevernet' }] }).success).toBe(true);
  });

  it('is in the demo data once, at the fixed id, and every demo dwelling refers to one of its areas', () => {
    const { records } = generateDemoData();
    const settings = records.filter((r) => r.entity === 'settings');
    expect(settings.map((r) => r.id)).toEqual([SETTINGS_ID]);
    const ids = new Set(MELHUS_SETTINGS.areas.map((a) => a.id));
    const dwellings = records.filter((r) => r.entity === 'dwelling');
    expect(dwellings.length).toBeGreaterThan(100);
    for (const d of dwellings) expect(ids.has(d.data.area as string)).toBe(true);
  });
});
