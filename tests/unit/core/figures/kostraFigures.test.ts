// The KOSTRA figures: counts by disposal form and wheelchair access, the year's new tenants and refugees at the year's
// boundaries, what is missing reported beside each figure, and the export with SSB's codes and the own figure apart.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { kostraCsv } from '../../../../src/core/export/kostraCsv';
import { KOSTRA_KEYS, KOSTRA_VARIABLES, kostraFigures, kostraYears, type KostraInput } from '../../../../src/core/figures/kostraFigures';
import { allocationSchema, type Allocation } from '../../../../src/core/schemas/allocation';

const NO_VERDICTS = { suited0to3: 0, suited3plus: 0, notSuitable: 0, notAssessed: 0 };
type A = KostraInput['allocations'][number];
const alloc = (date: string, newTenant: boolean | null, refugee: boolean | null = null, householdId: string | null = null): A => ({
  date,
  newTenant,
  refugee,
  householdId,
});
const figures = (input: Partial<KostraInput>) => kostraFigures({ dwellings: [], allocations: [], year: 2025, byVerdict: NO_VERDICTS, ...input });

describe('kostraFigures: the stock', () => {
  it('counts each disposal form, the owned share and wheelchair access', () => {
    const k = figures({
      dwellings: [
        { ownership: 'owned', wheelchairAccessible: true },
        { ownership: 'owned', wheelchairAccessible: false },
        { ownership: 'owned', wheelchairAccessible: null },
        { ownership: 'rentedIn', wheelchairAccessible: true },
        { ownership: 'privateAllocationRight', wheelchairAccessible: false },
        { ownership: null, wheelchairAccessible: undefined },
      ],
    });
    expect(k.values).toMatchObject({ disposedTotal: 6, owned: 3, rentedIn: 1, privateAllocationRight: 1, wheelchairAccessible: 2 });
    // 3 of 6 and 2 of 6, as percentages with one decimal; the unknown ones stay in the whole.
    expect(k.values.ownedShare).toBe(50);
    expect(k.values.wheelchairShare).toBe(33.3);
    expect(k.missing).toMatchObject({ ownership: 1, wheelchair: 2 });
  });

  it('gives 0 and no division by zero for an empty registry', () => {
    const k = figures({});
    for (const key of KOSTRA_KEYS) expect(k.values[key]).toBe(0);
    expect(k.missing).toEqual({ ownership: 0, wheelchair: 0, newTenant: 0, refugee: 0 });
  });

  it('keeps the municipality’s own figure apart from the KOSTRA values', () => {
    const k = figures({ byVerdict: { suited0to3: 11, suited3plus: 40, notSuitable: 68, notAssessed: 0 } });
    expect(k.own).toEqual({ suited0to3: 11, suited3plus: 40 });
    expect(Object.keys(k.values)).toEqual([...KOSTRA_KEYS]);
  });
});

describe('kostraFigures: the year', () => {
  it('counts allocations dated 1 January to 31 December of the year, not the days either side', () => {
    const allocations = [
      alloc('2024-12-31', true, true),
      alloc('2025-01-01', true, true),
      alloc('2025-06-15', true, false),
      alloc('2025-12-31', true, false),
      alloc('2026-01-01', true, true),
    ];
    expect(figures({ allocations }).values).toMatchObject({ newTenants: 3, newTenantRefugees: 1 });
    expect(figures({ allocations, year: 2024 }).values).toMatchObject({ newTenants: 1, newTenantRefugees: 1 });
    expect(figures({ allocations, year: 2026 }).values).toMatchObject({ newTenants: 1, newTenantRefugees: 1 });
  });

  it('leaves out moves between municipal dwellings, and reports the allocations that do not say', () => {
    const k = figures({ allocations: [alloc('2025-02-01', true), alloc('2025-03-01', false), alloc('2025-04-01', null), alloc('2025-05-01', undefined as never)] });
    expect(k.values.newTenants).toBe(1);
    expect(k.missing.newTenant).toBe(2);
    // The one new tenant has no answer on refugees: not counted as one, and reported.
    expect(k.values.newTenantRefugees).toBe(0);
    expect(k.missing.refugee).toBe(1);
  });

  it('counts a household once a year, however often it is allocated; allocations without a household count each', () => {
    const k = figures({
      allocations: [
        alloc('2025-02-01', true, false, 'h1'),
        alloc('2025-09-01', true, true, 'h1'),
        alloc('2025-03-01', true, false, 'h2'),
        alloc('2025-04-01', true, false),
        alloc('2025-05-01', true, false),
      ],
    });
    expect(k.values.newTenants).toBe(4);
    expect(k.values.newTenantRefugees).toBe(1);
  });

  it('offers this year and every year with an allocation, newest first', () => {
    expect(kostraYears([{ date: '2018-05-01' }, { date: '2019-01-01' }, { date: '2018-12-31' }], 2026)).toEqual([2026, 2019, 2018]);
    expect(kostraYears([], 2026)).toEqual([2026]);
  });
});

describe('the allocation schema', () => {
  const base: Allocation = {
    dwellingId: '6f1d3c4e-8b2a-4f3e-9c1d-2a3b4c5d6e7f',
    date: '2025-03-01',
    householdHasChildren: false,
    childrenCount: 0,
    leaseType: 'openEnded',
  };
  it('takes "new tenant" and "refugees", and refuses "refugees" unless the household is new, saying what to do', () => {
    expect(allocationSchema.safeParse(base).success).toBe(true);
    expect(allocationSchema.safeParse({ ...base, newTenant: true, refugee: true }).success).toBe(true);
    expect(allocationSchema.safeParse({ ...base, newTenant: false, refugee: null }).success).toBe(true);
    const wrong = allocationSchema.safeParse({ ...base, newTenant: false, refugee: true });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.path).toEqual(['refugee']);
    expect(wrong.error!.issues[0]!.message).toMatch(/ny i kommunal bolig/);
  });
});

describe('kostraCsv', () => {
  const k = figures({
    dwellings: [
      { ownership: 'owned', wheelchairAccessible: true },
      { ownership: 'privateAllocationRight', wheelchairAccessible: null },
    ],
    allocations: [alloc('2025-02-01', true, true), alloc('2025-03-01', null)],
    byVerdict: { suited0to3: 1, suited3plus: 0, notSuitable: 1, notAssessed: 0 },
  });
  const rows = parse(kostraCsv(k, 'nb'), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];

  it('has a row per variable with SSB’s code where one is known, and its value', () => {
    expect(rows.slice(0, KOSTRA_KEYS.length).map((r) => r.Variabelkode)).toEqual(KOSTRA_KEYS.map((key) => KOSTRA_VARIABLES[key].code ?? ''));
    const byCode = (code: string) => rows.find((r) => r.Variabelkode === code)!;
    expect(byCode('KOSantnyinnflytt0000')).toMatchObject({ Variabel: 'Antall nyinnflyttede husstander', Verdi: '1' });
    expect(byCode('KOSnyinnflyttfly0000')).toMatchObject({ Verdi: '1' });
    expect(byCode('KOSboligpkommuna0000').Verdi).toBe('1');
    expect(byCode('KOSEidavsamlet0000')).toMatchObject({ Verdi: '50', Enhet: 'Prosent' });
    expect(byCode('KOSAndeltilgjeng0000').Merknad).toBe('1 boliger mangler svar om rullestoltilgjengelighet');
    expect(byCode('KOSantnyinnflytt0000').Merknad).toMatch(/^1 tildelinger i året mangler svar/);
    expect(byCode('KOSantnyinnflytt0000').Periode).toBe('Tildelinger 01.01.–31.12.2025');
  });

  it('ends with "egnet for barn 0–3 / 3+" without a code, marked as the municipality’s own figure', () => {
    const own = rows.slice(KOSTRA_KEYS.length);
    expect(own.map((r) => [r.Variabelkode, r.Variabel, r.Verdi])).toEqual([
      ['', 'Godt egnet for barnefamilier 0–3 år', '1'],
      ['', 'Godt egnet for barnefamilier 3 år +', '0'],
    ]);
    for (const r of own) expect(r.Merknad).toMatch(/ikke en KOSTRA-variabel/);
  });
});
