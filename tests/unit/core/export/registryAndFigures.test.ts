// The registry and figures exports on the demo data, parsed back as Excel would read them: columns, counts, æøå.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { generateDemoData } from '../../../../src/core/demo/generate';
import { registryCsv } from '../../../../src/core/export/registryCsv';
import { figuresCsv } from '../../../../src/core/export/figuresCsv';
import { computeFigures } from '../../../../src/core/figures/computeFigures';
import { trendByQuarter } from '../../../../src/core/figures/trendByQuarter';
import type { Allocation, Dwelling, Inspection, WithId } from '../../../../src/core/schemas';
import { OWNERSHIP_LABELS } from '../../../../src/core/schemas/dwelling';

const demo = (() => {
  const { records } = generateDemoData();
  const of = <T>(entity: string) => records.filter((r) => r.entity === entity).map((r) => ({ ...(r.data as T), id: r.id })) as WithId<T>[];
  return { dwellings: of<Dwelling>('dwelling'), inspections: of<Inspection>('inspection'), allocations: of<Allocation>('allocation') };
})();

function read(csv: string): Record<string, string>[] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
}

describe('registryCsv', () => {
  it('has one row per dwelling with its verdict and reasons, in Bokmål with æøå intact', () => {
    const rows = read(registryCsv(demo.dwellings, demo.inspections, 'nb'));
    expect(Object.keys(rows[0]!)).toEqual([
      'Adresse', 'Postnummer', 'Område', 'Gnr', 'Bnr', 'Snr', 'Boligtype', 'Etasje', 'Heis', 'BRA (m²)', 'Rom',
      'Godkjente soverom', 'Leieforhold', 'Leietid (år)', 'Ledig', 'Ledig fra', 'Eierforhold',
      'Tilgjengelig for rullestolbrukere', 'Vurdering', 'Begrunnelse',
      'Sist fullført sjekkliste',
    ]);
    expect(rows).toHaveLength(119);
    const count = (label: string) => rows.filter((r) => r.Vurdering === label).length;
    expect(count('Godt egnet for barnefamilier 0–3 år')).toBe(11);
    expect(count('Godt egnet for barnefamilier 3 år +')).toBe(40);
    expect(count('Ikke egnet for barnefamilier')).toBe(68);
    for (const r of rows) expect(r.Begrunnelse!.length).toBeGreaterThan(0);
    const areas = new Set(rows.map((r) => r['Område']));
    expect([...areas].some((a) => /[æøå]/i.test(a!))).toBe(true);
    for (const area of areas) expect(demo.dwellings.some((d) => d.area === area)).toBe(true);
    const first = demo.dwellings.find((d) => d.address === rows[0]!.Adresse)!;
    expect(rows[0]!['BRA (m²)']).toBe(String(first.areaM2).replace('.', ','));
    expect(rows[0]!['Godkjente soverom']).toBe(String(first.approvedBedrooms));
    // The KOSTRA facts go out as the import reads them back: the label, and Ja/Nei.
    expect(rows[0]!.Eierforhold).toBe(OWNERSHIP_LABELS[first.ownership!].nb);
    expect(rows[0]!['Tilgjengelig for rullestolbrukere']).toBe(first.wheelchairAccessible ? 'Ja' : 'Nei');
  });

  it('speaks English when asked', () => {
    const rows = read(registryCsv(demo.dwellings.slice(0, 3), demo.inspections, 'en'));
    expect(Object.keys(rows[0]!)).toContain('Verdict');
    expect(rows[0]!.Lift).toMatch(/^(Yes|No)$/);
  });
});

describe('figuresCsv', () => {
  it('carries the Melhus report’s figures and the children-first shares per year', () => {
    const figures = computeFigures(demo);
    const rows = read(figuresCsv(figures, trendByQuarter(demo, '2026-11-27'), 'nb'));
    const total = rows.find((r) => r.Gruppe === 'Totalt')!;
    expect(total).toMatchObject({
      Boliger: '119',
      'Godt egnet for barnefamilier 0–3 år': '11',
      'Godt egnet for barnefamilier 3 år +': '40',
      'Ikke egnet for barnefamilier': '68',
      'Andel egnet (%)': '42,9',
    });
    const year = (y: string) => rows.find((r) => r.Gruppe === 'Tildelingsår' && r.Verdi === y)!;
    expect(year('2018')['Andel til barnefamilier (%)']).toBe('72');
    expect(year('2019')['Andel til barnefamilier (%)']).toBe('68');
    const areaRows = rows.filter((r) => r.Gruppe === 'Område');
    expect(areaRows.reduce((n, r) => n + Number(r.Boliger), 0)).toBe(119);
    expect(rows.filter((r) => r.Gruppe === 'Kvartal')).toHaveLength(8);
    expect(rows.filter((r) => r.Gruppe === 'Ledig/utleid').map((r) => r.Verdi)).toEqual(['Ledig', 'Utleid']);
  });
});
