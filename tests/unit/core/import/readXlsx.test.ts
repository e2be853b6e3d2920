// Excel files in the registry import: an .xlsx gives the same table as the CSV of the same rows, so its rows go
// through the same mapping and checks; files that are no workbook, are empty or locked with a password say so.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MELHUS_SETTINGS } from '../../../../src/core/demo/melhusSettings';
import { decodeText, isSpreadsheetFile, readCsv, spreadsheetKind, TableError } from '../../../../src/core/import/readTable';
import { readXlsx } from '../../../../src/core/import/readXlsx';
import { guessMapping, previewCounts, previewRows, type ImportArea, type Mapping } from '../../../../src/core/import/registryImport';
import { splitBilingual } from '../../../../src/core/schemas/bilingual';
import { kartverketRows } from '../../../fixtures/import/make-xlsx';
import { xlsxBytes } from '../../../support/xlsx';

const AREAS: ImportArea[] = MELHUS_SETTINGS.areas.map((a) => ({ value: a.id, name: a.name }));
const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url)));
const csv = (name: string) => readCsv(decodeText(bytesOf(name)));

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

/** The Norwegian half of the error a read gives. */
async function refusal(bytes: Uint8Array): Promise<string> {
  const err = await readXlsx(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TableError);
  return splitBilingual((err as Error).message)?.nb ?? (err as Error).message;
}

describe("Kartverket's export saved as .xlsx", () => {
  it('is the workbook make-xlsx.ts writes from the CSV fixture', async () => {
    expect(await readXlsx(bytesOf('kartverket-leilighetsniva.xlsx'))).toEqual(await readXlsx(xlsxBytes(kartverketRows())));
  });

  it('reads the first sheet with æøå in headings and cells, and numbers as the text the rows are checked from', async () => {
    const table = await readXlsx(bytesOf('kartverket-leilighetsniva.xlsx'));
    expect(table.header).toEqual(csv('kartverket-leilighetsniva.csv').header);
    expect(table.header).toContain('Øst');
    expect(table.rows.map((r) => r[12])).toContain('Ærlighetsvegen 9');
    expect(table.rows.map((r) => r[4])).toContain('Brekkåsvegen');
    expect(table.rows[0]![table.header.indexOf('Nord')]).toBe('7026253.04');
    expect(table.lines).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('gives the same mapping and the same dwellings as the CSV of the same rows', async () => {
    const xlsx = await readXlsx(bytesOf('kartverket-leilighetsniva.xlsx'));
    const text = csv('kartverket-leilighetsniva.csv');
    expect(guessMapping(xlsx.header)).toEqual(guessMapping(text.header));
    const mapping = { ...guessMapping(xlsx.header), ...KARTVERKET_DEFAULTS };
    const fromXlsx = previewRows(xlsx, mapping, AREAS, [{ address: 'Søndre Gimsvegen 4', unitNumber: 'H0102' }]);
    expect(previewCounts(fromXlsx)).toEqual({ ok: 5, error: 0, duplicate: 1 });
    expect(fromXlsx).toEqual(previewRows(text, mapping, AREAS, [{ address: 'Søndre Gimsvegen 4', unitNumber: 'H0102' }]));
    expect(fromXlsx[0]).toMatchObject({ status: 'ok', dwelling: { address: 'Søndre Gimsvegen 4', gnr: 37, bnr: 112, postcode: '7224' } });
  });

  it('shows the same errors, in the same columns and rows, for the list with two wrong rows', async () => {
    const text = csv('kommunens-liste-med-feil.csv');
    const xlsx = await readXlsx(xlsxBytes([text.header, ...text.rows]));
    const mapping = guessMapping(xlsx.header);
    const rows = previewRows(xlsx, mapping, AREAS, []);
    expect(rows.filter((r) => r.status === 'error').map((r) => r.line)).toEqual([3, 5]);
    expect(rows).toEqual(previewRows(text, mapping, AREAS, []));
  });
});

describe('files that are not a readable workbook', () => {
  it('says a text file chosen as .xlsx is no Excel spreadsheet', async () => {
    expect(await refusal(strToU8('Adresse;Område\nBrekkåsen 1;Gimse\n'))).toMatch(/ikke et Excel-regneark.*Lagre den på nytt/);
  });

  it('says a zip that is no workbook is no Excel spreadsheet', async () => {
    expect(await refusal(zipSync({ 'notat.txt': strToU8('hei') }))).toContain('ikke et Excel-regneark');
  });

  it('says an empty file, an empty sheet and a sheet of headings only are empty', async () => {
    expect(await refusal(new Uint8Array())).toBe('Filen er tom.');
    expect(await refusal(xlsxBytes([]))).toBe('Filen er tom.');
    expect(await refusal(xlsxBytes([['Adresse', 'Område']]))).toBe('Filen har ingen rader under overskriftene.');
  });

  it('says a password-protected workbook is locked and how to unlock it, and an old .xls how to save it', async () => {
    // Office saves a workbook with a password as a compound file holding an EncryptionInfo stream.
    const compound = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const name = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
    const locked = Uint8Array.from([...compound, ...new Array<number>(504).fill(0), ...name, 0, 0]);
    expect(spreadsheetKind(locked)).toBe('encrypted');
    expect(await refusal(locked)).toMatch(/beskyttet med passord.*fjern passordet/);
    const xls = Uint8Array.from([...compound, ...new Array<number>(504).fill(0)]);
    expect(await refusal(xls)).toContain('gamle Excel-formatet (.xls)');
  });

  it('reads a file as a spreadsheet by its name or its signature, else as CSV', () => {
    expect(isSpreadsheetFile('liste.XLSX', strToU8('a;b'))).toBe(true);
    expect(isSpreadsheetFile('liste.csv', xlsxBytes([['a']]))).toBe(true);
    expect(isSpreadsheetFile('liste.csv', strToU8('a;b\n1;2'))).toBe(false);
    expect(isSpreadsheetFile('liste.csv', new Uint8Array())).toBe(false);
  });
});
