/** CSV as Norwegian Excel opens it: UTF-8 with a byte-order mark, semicolons, decimal commas, CRLF line ends. */

/** One cell: text, a number (written with a decimal comma), or empty. */
export type CsvCell = string | number | null | undefined;

/** The byte-order mark that makes Excel read the file as UTF-8 instead of Windows-1252 (æøå intact). */
export const CSV_BOM = '\uFEFF';

/** Excel in a Norwegian locale splits on semicolons, since the comma is the decimal mark. */
export const CSV_SEPARATOR = ';';

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

/** Writes one cell: numbers with a decimal comma, text quoted when it holds a separator, a quote or a line break. */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    // No thousands separator: Excel would read "1 234" as text.
    return String(cell).replace('.', ',');
  }
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, a header row, then the rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
