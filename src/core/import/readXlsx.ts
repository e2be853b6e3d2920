/**
 * A registry file saved from Excel (.xlsx) as a table of text cells, the same as a CSV file gives, so every row goes
 * through the same mapping and checks. The first sheet is read. Numbers are kept as the text the file stores (a dot
 * for decimals, as the row checks accept), dates as YYYY-MM-DD. The parser (read-excel-file) is loaded only by the
 * import screens, when such a file is chosen.
 */
import { readSheet } from 'read-excel-file/universal';
import { bilingual } from '../schemas/bilingual';
import { spreadsheetKind, TableError, toTable, type Table } from './readTable';

/** A cell as text: dates as ISO dates, true/false as Ja/Nei, numbers as stored. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'Ja' : 'Nei';
  return String(cell);
}

/** Reads an .xlsx file's first sheet; a file that is not one, is locked with a password or is empty says so. */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const kind = spreadsheetKind(bytes);
  if (kind === 'encrypted') {
    throw new TableError(
      bilingual(
        'Regnearket er beskyttet med passord. Åpne det i Excel, fjern passordet (Fil → Info → Beskytt arbeidsbok → Krypter med passord, tøm feltet), lagre og velg filen på nytt.',
        'The spreadsheet is protected with a password. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear the field), save and choose the file again.',
      ),
    );
  }
  if (kind === 'xls') {
    throw new TableError(
      bilingual(
        'Filen er i det gamle Excel-formatet (.xls). Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx) eller CSV (semikolonseparert).',
        'The file is in the old Excel format (.xls). Open it in Excel and save it as an Excel workbook (.xlsx) or CSV (semicolon-separated).',
      ),
    );
  }
  const notSpreadsheet = new TableError(
    bilingual(
      'Filen er ikke et Excel-regneark (.xlsx), eller den er skadet. Lagre den på nytt som Excel-arbeidsbok (.xlsx) eller CSV (semikolonseparert) og prøv igjen.',
      'The file is not an Excel spreadsheet (.xlsx), or it is damaged. Save it again as an Excel workbook (.xlsx) or CSV (semicolon-separated) and try again.',
    ),
  );
  if (kind === 'empty') throw new TableError(bilingual('Filen er tom.', 'The file is empty.'));
  if (kind !== 'xlsx') throw notSpreadsheet;
  let rows: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = await readSheet<string>(buffer, { parseNumber: (s) => s });
  } catch {
    throw notSpreadsheet;
  }
  return toTable(rows.map((r) => r.map(cellText)));
}
