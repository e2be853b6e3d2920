// Column mapping and row checks of the registry import, on files in Kartverket's layout and in Egnet's own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MELHUS_SETTINGS } from '../../../../src/core/demo/melhusSettings';
import { decodeText, readCsv, TableError } from '../../../../src/core/import/readTable';
import { guessMapping, mappingProblems, previewCounts, previewRows, type ImportArea, type Mapping } from '../../../../src/core/import/registryImport';

const AREAS: ImportArea[] = MELHUS_SETTINGS.areas.map((a) => ({ value: a.id, name: a.name }));
const fixture = (name: string) => readCsv(decodeText(readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url))));

/** What Kartverket's export lacks, given once for every row as an administrator would on the mapping screen. */
const KARTVERKET_DEFAULTS: Mapping = {
  area: { value: 'Gimse' },
  type: { value: 'Leilighet i blokk' },
  floor: { value: '1' },
  hasLift: { value: 'Nei' },
  areaM2: { value: '60' },
  rooms: { value: '3' },
  approvedBedrooms: { value: '2' },
  leaseType: { value: 'Løpende' },
  vacant: { value: 'Nei' },
};

describe("Kartverket's address export at dwelling level", () => {
  const table = fixture('kartverket-leilighetsniva.csv');

  it('reads the semicolon-separated UTF-8 file with its byte-order mark and keeps æøå', () => {
    expect(table.header[0]).toBe('lokalid');
    expect(table.header).toContain('Øst');
    expect(table.rows.map((r) => r[12])).toContain('Ærlighetsvegen 9');
  });

  it('recognises its headings: adresseTekst, gardsnummer, bruksenhetsnummer, Nord/Øst and the EPSG code', () => {
    const m = guessMapping(table.header);
    expect(m).toMatchObject({
      address: { column: 'adresseTekst' },
      gnr: { column: 'gardsnummer' },
      bnr: { column: 'bruksnummer' },
      snr: { column: 'seksjonsnummer' },
      unitNumber: { column: 'bruksenhetsnummer' },
      postcode: { column: 'postnummer' },
      north: { column: 'Nord' },
      east: { column: 'Øst' },
      epsg: { column: 'EPSG-kode' },
    });
    expect(m.area).toBeUndefined();
    expect(mappingProblems(m, table.header).map((p) => p.field)).toEqual(
      expect.arrayContaining(['area', 'type', 'rooms', 'leaseType', 'vacant']),
    );
    expect(mappingProblems({ ...m, ...KARTVERKET_DEFAULTS }, table.header)).toEqual([]);
  });

  it('turns every row into a dwelling with its unit number and a position from UTM zone 33', () => {
    const rows = previewRows(table, { ...guessMapping(table.header), ...KARTVERKET_DEFAULTS }, AREAS, []);
    expect(previewCounts(rows)).toEqual({ ok: 6, error: 0, duplicate: 0 });
    const first = rows[0]!;
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.dwelling).toMatchObject({ address: 'Søndre Gimsvegen 4', unitNumber: 'H0101', gnr: 37, bnr: 112, snr: 1, postcode: '7224', area: 'Gimse' });
    expect(first.dwelling.location!.lat).toBeCloseTo(63.287, 5);
    expect(first.dwelling.location!.lon).toBeCloseTo(10.2867, 5);
    expect(rows[1]).toMatchObject({ status: 'ok', dwelling: { unitNumber: 'H0102' } });
  });

  it('sets aside rows whose address and unit number are in the registry already, and repeats within the file', () => {
    const mapping = { ...guessMapping(table.header), ...KARTVERKET_DEFAULTS };
    const rows = previewRows(table, mapping, AREAS, [{ address: 'søndre gimsvegen 4', unitNumber: 'H0102' }]);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'duplicate', 'ok', 'ok', 'ok', 'ok']);
    // The same address with another unit number is another flat; without the unit number column both rows collide.
    const { unitNumber: _u, ...withoutUnit } = mapping;
    const again = previewRows(table, withoutUnit, AREAS, []);
    expect(again[1]).toMatchObject({ status: 'duplicate', of: { nb: 'Samme adresse og bruksenhetsnummer som rad 2.' } });
  });
});

describe("the municipality's own list with two wrong rows", () => {
  const table = fixture('kommunens-liste-med-feil.csv');
  const mapping = guessMapping(table.header);

  it("maps every heading of Egnet's own registry export", () => {
    expect(mappingProblems(mapping, table.header)).toEqual([]);
    expect(mapping.areaM2).toEqual({ column: 'BRA (m²)' });
    expect(mapping.ownership).toEqual({ column: 'Eierforhold' });
  });

  it('names the column, what is wrong and what to write for each bad cell, next to its row', () => {
    const rows = previewRows(table, mapping, AREAS, []);
    expect(previewCounts(rows)).toEqual({ ok: 3, error: 2, duplicate: 0 });
    const bad = rows.filter((r) => r.status === 'error');
    expect(bad.map((r) => r.line)).toEqual([3, 5]);
    expect(bad[0]).toMatchObject({
      errors: [{ column: 'Postnummer', problem: { nb: '«72A4» er ikke et postnummer.' }, fix: { nb: 'Skriv fire sifre, for eksempel 7224.' } }],
    });
    const second = bad[1]!.status === 'error' ? bad[1]!.errors : [];
    expect(second.map((e) => e.column)).toEqual(['Bruksenhetsnummer', 'Rom']);
    expect(second[0]!.fix.nb).toContain('H0102');
    expect(second[1]!.problem.nb).toBe('«tre» er ikke et heltall fra 1 til 20.');
    expect(rows[1]).toMatchObject({ line: 3 });
    const ok = rows[1 - 1]!;
    expect(ok).toMatchObject({ status: 'ok', dwelling: { ownership: 'owned', wheelchairAccessible: false, leaseType: 'openEnded' } });
    expect(rows[2]).toMatchObject({ status: 'ok', dwelling: { area: 'Ler', type: 'terraced' } });
  });

  it('reads the three disposal forms KOSTRA counts and wheelchair access, and says what to write for "privat" alone', () => {
    const at = (h: string) => table.header.indexOf(h);
    const rowWith = (ownership: string, wheelchair: string) =>
      table.rows[0]!.map((c, i) =>
        i === at('Eierforhold') ? ownership : i === at('Tilpasset rullestolbrukere') ? wheelchair : i === at('Adresse') ? `Kvålsvegen ${ownership.length}${wheelchair}` : c,
      );
    const t = { header: table.header, rows: [rowWith('Kommunalt eid', 'Ja'), rowWith('Innleid', 'Nei'), rowWith('Tildelingsrett', ''), rowWith('Privat', 'ja')], lines: [2, 3, 4, 5] };
    const rows = previewRows(t, mapping, AREAS, []);
    expect(rows.slice(0, 3).map((r) => (r.status === 'ok' ? [r.dwelling.ownership, r.dwelling.wheelchairAccessible ?? null] : r.status))).toEqual([
      ['owned', true],
      ['rentedIn', false],
      ['privateAllocationRight', null],
    ]);
    expect(rows[3]).toMatchObject({
      status: 'error',
      errors: [{ column: 'Eierforhold', problem: { nb: '«Privat» er ikke en kjent verdi.' }, fix: { nb: 'Skriv en av: Kommunalt eid, Innleid fra private, Privat eid, kommunen har tildelingsrett.' } }],
    });
  });

  it('checks the row as a whole too: more approved bedrooms than rooms, a fixed lease without years', () => {
    const t = { header: table.header, rows: [table.rows[0]!.map((c, i) => (i === 12 ? '6' : i === 13 ? 'Tidsbestemt' : c))], lines: [2] };
    const [row] = previewRows(t, mapping, AREAS, []);
    expect(row!.status).toBe('error');
    const errors = row!.status === 'error' ? row!.errors : [];
    expect(errors.map((e) => e.column).sort()).toEqual(['Godkjente soverom', 'Leietid (år)']);
  });
});

describe('reading files', () => {
  it('reads Windows-1252 from older Excel and a comma-separated file', () => {
    const bytes = Uint8Array.from([0x41, 0x64, 0x72, 0x65, 0x73, 0x73, 0x65, 0x3b, 0x4f, 0x6d, 0x72, 0xe5, 0x64, 0x65, 0x0a, 0x42, 0x72, 0x65, 0x6b, 0x6b, 0xe5, 0x73, 0x65, 0x6e, 0x3b, 0x31]);
    expect(readCsv(decodeText(bytes))).toMatchObject({ header: ['Adresse', 'Område'], rows: [['Brekkåsen', '1']] });
    expect(readCsv('a,b\n1,"2,5"\n')).toMatchObject({ header: ['a', 'b'], rows: [['1', '2,5']] });
  });

  it('refuses an empty file and a file of headings only, saying so', () => {
    expect(() => readCsv('')).toThrow(TableError);
    expect(() => readCsv('Adresse;Postnummer\n')).toThrow(/ingen rader/);
  });

  it('reads a three-digit postcode back as four, and a date written the Norwegian way', () => {
    const t = readCsv('Adresse;Postnummer;Ledig fra\nTollbugata 1;150;01.02.2027\n');
    const [row] = previewRows(
      t,
      { ...guessMapping(t.header), ...KARTVERKET_DEFAULTS, area: { value: 'Hovin' }, gnr: { value: '1' }, bnr: { value: '2' } },
      AREAS,
      [],
    );
    expect(row).toMatchObject({ status: 'ok', dwelling: { postcode: '0150', vacantFrom: '2027-02-01' } });
  });
});
