// The CSV writer, read back with an independent parser (csv-parse) the way Norwegian Excel reads it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvCell, toCsv } from '../../../../src/core/export/csv';

function readBack(csv: string): string[][] {
  return parse(csv, { delimiter: ';', bom: true, record_delimiter: '\r\n', relax_quotes: false }) as string[][];
}

describe('toCsv', () => {
  it('starts with a BOM, separates with semicolons and ends every line with CRLF', () => {
    const csv = toCsv(['Adresse', 'Soverom'], [['Gimsevegen 1', 3]]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe('\uFEFFAdresse;Soverom\r\nGimsevegen 1;3\r\n');
  });

  it('keeps æøå and quotes separators, quotes and line breaks', () => {
    const rows = [
      ['Brekkåsen 4; leil. 2', 'Sier "hei"', 'to\nlinjer'],
      ['Flå skole', 'Ærlig Øvre Ås', ' innrykk'],
    ];
    const parsed = readBack(toCsv(['a', 'b', 'c'], rows));
    expect(parsed).toEqual([['a', 'b', 'c'], ...rows]);
  });

  it('writes numbers with a decimal comma and no thousands separator', () => {
    expect(csvCell(0.4286)).toBe('0,4286');
    expect(csvCell(12345.5)).toBe('12345,5');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+47 22 00 00 00')).toBe("'+47 22 00 00 00");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('round-trips any text cell through a real parser', () => {
    const safeText = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        expect(readBack(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ...rows]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
