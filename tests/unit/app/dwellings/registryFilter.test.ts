// Registry search and filters, and their round trip through the address bar.
import { describe, expect, it } from 'vitest';
import type { Dwelling } from '../../../../src/core/schemas/dwelling';
import { EMPTY_FILTER, filterFromSearch, filterRegistry, filterToSearch, monthsBefore, type RegistryRow } from '../../../../src/app/screens/dwellings/registryFilter';

const base: Dwelling = {
  address: 'Gimsevegen 3', postcode: '7224', area: 'Gimse', gnr: 12, bnr: 34, type: 'apartment', floor: 1, hasLift: false,
  areaM2: 64, rooms: 3, approvedBedrooms: 2, leaseType: 'openEnded', vacant: true,
};
const row = (id: string, d: Partial<Dwelling>, verdict = 'notAssessed', lastInspectedAt: string | null = null): RegistryRow => ({
  id, dwelling: { ...base, ...d }, verdict, lastInspectedAt,
});
const NOW = new Date('2026-11-27T12:00:00Z');
const rows = [
  row('a', {}, 'suited3plus', '2026-06-01T10:00:00Z'),
  row('b', { address: 'Ålivegen 1', area: 'Hovin', gnr: 120, bnr: 7, snr: 2, approvedBedrooms: 3, vacant: false }, 'suited0to3', '2024-01-01T10:00:00Z'),
  row('c', { address: 'Brekkåsen 10', area: 'Brekkåsen', gnr: 5, bnr: 1, approvedBedrooms: 1 }, 'notSuitable'),
  row('d', { address: 'Øvre Melhus 2', area: 'Melhus sentrum', gnr: 12, bnr: 340 }),
];
const ids = (f: Partial<typeof EMPTY_FILTER>) => filterRegistry(rows, { ...EMPTY_FILTER, ...f }, NOW).map((r) => r.id);

describe('filterRegistry', () => {
  it('lists everything sorted by address the Norwegian way (Ø and Å last)', () => {
    expect(ids({})).toEqual(['c', 'a', 'd', 'b']);
  });

  it('searches address words, postcode and area, case-insensitively', () => {
    expect(ids({ query: 'gimsevegen' })).toEqual(['a']);
    expect(ids({ query: 'ålivegen 1' })).toEqual(['b']);
    expect(ids({ query: 'hovin' })).toEqual(['b']);
    expect(ids({ query: 'nowhere' })).toEqual([]);
  });

  it('finds a property id written as gnr/bnr, with or without snr and labels', () => {
    expect(ids({ query: '12/34' })).toEqual(['a']);
    expect(ids({ query: '12 / 340' })).toEqual(['d']);
    expect(ids({ query: 'gnr 120 bnr 7' })).toEqual(['b']);
    expect(ids({ query: '120/7/2' })).toEqual(['b']);
    expect(ids({ query: '120/7/3' })).toEqual([]);
  });

  it('filters by verdict, area, bedrooms and vacancy', () => {
    expect(ids({ verdict: 'suited0to3' })).toEqual(['b']);
    expect(ids({ area: 'Brekkåsen' })).toEqual(['c']);
    expect(ids({ minBedrooms: 2 })).toEqual(['a', 'd', 'b']);
    expect(ids({ occupancy: 'let' })).toEqual(['b']);
    expect(ids({ occupancy: 'vacant', minBedrooms: 2 })).toEqual(['a', 'd']);
  });

  it('finds dwellings that need an inspection: never inspected, or not within the chosen months', () => {
    expect(ids({ needsInspection: 'never' })).toEqual(['c', 'd']);
    expect(ids({ needsInspection: 12 })).toEqual(['c', 'd', 'b']);
    expect(ids({ needsInspection: 3 })).toEqual(['c', 'a', 'd', 'b']);
  });

  it('counts months by the calendar', () => {
    expect(monthsBefore(new Date('2026-11-27T12:00:00Z'), 12).toISOString()).toBe('2025-11-27T12:00:00.000Z');
  });
});

describe('filter in the address bar', () => {
  it('round-trips every filter and writes nothing for no filter', () => {
    const f = { query: 'Gimse 12', verdict: 'suited3plus', area: 'Hovin', minBedrooms: 2, occupancy: 'vacant' as const, needsInspection: 12 as const };
    expect(filterFromSearch(filterToSearch(f))).toEqual(f);
    expect(filterFromSearch(filterToSearch({ ...EMPTY_FILTER, needsInspection: 'never', minBedrooms: 0 }))).toEqual({ ...EMPTY_FILTER, needsInspection: 'never', minBedrooms: 0 });
    expect(filterToSearch(EMPTY_FILTER)).toBe('');
  });

  it('ignores values it does not know instead of failing', () => {
    expect(filterFromSearch('?status=borte&soverom=to&kontroll=-3')).toEqual(EMPTY_FILTER);
  });
});
