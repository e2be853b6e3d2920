// Points of interest read from CSV, and the distances the neighbourhood checklist proposes from them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceProposals } from '../../../../src/core/checklist/distanceProposals';
import { getTemplate } from '../../../../src/core/checklist/templates';
import { guessPlaceMapping, parseKind, previewPlaces } from '../../../../src/core/import/placesImport';
import { decodeText, readCsv } from '../../../../src/core/import/readTable';
import { distanceItemId, POI_KINDS } from '../../../../src/core/schemas/poi';

const table = readCsv(decodeText(readFileSync(new URL('../../../fixtures/import/steder.csv', import.meta.url))));

describe('places from CSV', () => {
  it('reads name, kind and position, with kinds in Norwegian or as OpenStreetMap tags, and names the row it cannot place', () => {
    const rows = previewPlaces(table, guessPlaceMapping(table.header), []);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'error']);
    expect(rows[1]).toMatchObject({ place: { kind: 'busStop', name: 'Lundamo stasjon' } });
    expect(rows[5]).toMatchObject({ line: 7, errors: [{ column: 'type', problem: { nb: '«kiosk» er ikke en kjent type sted.' } }] });
    expect(parseKind('playground')).toBe('playArea');
    expect(parseKind('Ungdomsskole')).toBe('lowerSecondarySchool');
  });

  it('sets aside a place already held and takes one kind for the whole file when given', () => {
    const first = previewPlaces(table, guessPlaceMapping(table.header), []);
    const held = first.flatMap((r) => (r.status === 'ok' ? [r.place] : []));
    expect(previewPlaces(table, guessPlaceMapping(table.header), held).filter((r) => r.status === 'duplicate')).toHaveLength(5);
    const allStops = previewPlaces(table, { ...guessPlaceMapping(table.header), kind: { value: 'Bussholdeplass' } }, []);
    expect(allStops.every((r) => r.status === 'ok' && r.place.kind === 'busStop')).toBe(true);
  });

  it('every kind answers an item of the neighbourhood checklist', () => {
    const items = new Set(getTemplate('neighbourhood', 1)!.sections.flatMap((s) => s.items.map((i) => i.id)));
    for (const kind of POI_KINDS) expect(items.has(distanceItemId(kind)), kind).toBe(true);
  });
});

describe('distanceProposals', () => {
  const places = previewPlaces(table, guessPlaceMapping(table.header), []).flatMap((r) => (r.status === 'ok' ? [r.place] : []));

  it('proposes the nearest place of each kind with a rounded straight-line distance', () => {
    const p = distanceProposals({ lat: 63.287, lon: 10.2867 }, places);
    expect(p['distances.busStopM']).toEqual({ kind: 'busStop', name: 'Gimse sentrum', distanceM: 510 });
    expect(p['distances.primarySchoolM']?.name).toBe('Gimse skole');
    expect(p['distances.shopM']).toBeUndefined();
  });

  it('proposes nothing for a dwelling without a position or where no places are known', () => {
    expect(distanceProposals(null, places)).toEqual({});
    expect(distanceProposals({ lat: 63.287, lon: 10.2867 }, [])).toEqual({});
  });
});
