/**
 * A registry file as a table of text cells: CSV in UTF-8 or Windows-1252, with ; , or tab between cells. (An .xlsx
 * file becomes the same kind of table in readXlsx.ts.)
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { bilingual } from '../schemas/bilingual';

/** A file's header row and its data rows, every cell as text (trimmed). `lines[i]` is the file line of `rows[i]`. */
export type Table = { header: string[]; rows: string[][]; lines: number[] };

/** Most data rows one import takes. */
export const MAX_IMPORT_ROWS = 20_000;

/** A file that cannot be read as a table, with what to do about it. */
export class TableError extends Error {}

/** Text from a file's bytes: UTF-8 (with or without a byte-order mark), else Windows-1252 as older Excel saves CSV. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** What a file's first bytes say it is: an .xlsx workbook (a zip), an encrypted (password-protected) Office file, an old .xls, empty, or something else (text, perhaps CSV). */
export type FileKind = 'xlsx' | 'encrypted' | 'xls' | 'empty' | 'other';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream Office puts in a password-protected workbook's compound file. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** The kind of file these bytes are, by their signature. */
export function spreadsheetKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (!startsWith(bytes, COMPOUND)) return 'other';
  for (let i = 0; i <= bytes.length - ENCRYPTION_INFO.length; i++) if (bytes[i] === 0x45 && startsWith(bytes, ENCRYPTION_INFO, i)) return 'encrypted';
  return 'xls';
}

/** Whether a chosen file is to be read as a spreadsheet rather than as CSV: by its name or its signature. */
export function isSpreadsheetFile(name: string, bytes: Uint8Array): boolean {
  return /\.xlsx?$/i.test(name) || ['xlsx', 'encrypted', 'xls'].includes(spreadsheetKind(bytes));
}

/** The separator the header line uses most: semicolon (Norwegian Excel, Kartverket), comma or tab. */
export function guessDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** Reads CSV text into a table; blank lines are skipped, a ragged row is kept (its missing cells read as empty). */
export function readCsv(text: string): Table {
  const clean = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(clean, {
      delimiter: guessDelimiter(clean),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: false,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new TableError(
      bilingual(
        `Filen kan ikke leses som CSV${line ? ` (linje ${line})` : ''}. Lagre den på nytt som CSV (semikolonseparert) og prøv igjen.`,
        `The file cannot be read as CSV${line ? ` (line ${line})` : ''}. Save it again as CSV (semicolon-separated) and try again.`,
      ),
    );
  }
  return toTable(records);
}

/** A table from rows of cells, the first row the header; cells are trimmed text. */
export function toTable(records: readonly (readonly unknown[])[]): Table {
  const cellText = (c: unknown) => (c === null || c === undefined ? '' : String(c).trim());
  const all = records.map((r) => r.map(cellText));
  const headerAt = all.findIndex((r) => r.some((c) => c !== ''));
  if (headerAt < 0) throw new TableError(bilingual('Filen er tom.', 'The file is empty.'));
  const header = all[headerAt]!;
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = headerAt + 1; i < all.length; i++) {
    const r = all[i]!;
    if (r.every((c) => c === '')) continue;
    rows.push(r);
    lines.push(i + 1);
  }
  if (rows.length === 0) throw new TableError(bilingual('Filen har ingen rader under overskriftene.', 'The file has no rows below its headings.'));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new TableError(
      bilingual(
        `Filen har ${rows.length} rader; én import tar høyst ${MAX_IMPORT_ROWS}. Del filen i flere.`,
        `The file has ${rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS}. Split the file.`,
      ),
    );
  }
  return { header, rows, lines };
}
