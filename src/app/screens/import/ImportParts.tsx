/**
 * What the registry import and the places import share: reading the chosen file into a table, the column mapping
 * form, the table of rows with errors, the list of earlier imports with their undo buttons, and the words for a
 * refused or lost batch.
 */
import { useState } from 'preact/hooks';
import { decodeText, isSpreadsheetFile, readCsv, type Table } from '../../../core/import/readTable';
import type { FieldSource, RowError } from '../../../core/import/registryImport';
import { splitBilingual } from '../../../core/schemas/bilingual';
import type { LocalText } from '../../../core/text';
import { ApiError } from '../../api';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { importHistory, type ImportEntry } from './importHistory';
import { IMPORT_TEXT } from './text';

/** The chosen file, read. */
export type ChosenFile = { name: string; table: Table };

/** A CSV file's table. */
export async function readCsvFile(file: File): Promise<Table> {
  return readCsv(decodeText(new Uint8Array(await file.arrayBuffer())));
}

/** A CSV or .xlsx file's table; the spreadsheet parser is fetched only when such a file is chosen. */
export async function readTableFile(file: File): Promise<Table> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isSpreadsheetFile(file.name, bytes)) return readCsv(decodeText(bytes));
  const { readXlsx } = await import('../../../core/import/readXlsx');
  return readXlsx(bytes);
}

/** A bilingual message (as the core's errors carry them) in the reader's language. */
export function useMessage(): (text: string) => string {
  const lang = useLanguage();
  return (text) => splitBilingual(text)?.[lang] ?? text;
}

/**
 * The file input's state: `choose` reads the input's file with `read` and hands the table to `onTable` (to set up
 * the mapping) before showing it; a file that cannot be read leaves its error in `readError`.
 */
export function useImportFile(read: (file: File) => Promise<Table>, onTable: (table: Table) => void, onChoose: () => void) {
  const message = useMessage();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const choose = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    onChoose();
    setReadError(null);
    setFile(null);
    if (!f) return;
    try {
      const table = await read(f);
      onTable(table);
      setFile({ name: f.name, table });
    } catch (err) {
      setReadError(message(err instanceof Error ? err.message : String(err)));
    }
  };
  return { file, readError, choose, clear: () => setFile(null) };
}

/** The words for a batch that failed: the connection lost, or the server's reason for refusing it. */
export function useFailureText(): (err: unknown) => string {
  const t = useText(IMPORT_TEXT);
  const message = useMessage();
  return (err) =>
    err instanceof ApiError && err.isNetwork ? t('lost') : t('refused', { reason: message(err instanceof Error ? err.message : String(err)) });
}

/** The records each import added and still there, by import id, with the device's note of the file if it has one. */
export function importsOf(records: readonly { data: { importId?: string | null | undefined } }[] | undefined) {
  const byId = new Map<string, number>();
  for (const r of records ?? []) if (r.data.importId) byId.set(r.data.importId, (byId.get(r.data.importId) ?? 0) + 1);
  const named = new Map(importHistory().map((e) => [e.importId, e]));
  return [...byId].map(([importId, count]) => ({ importId, count, entry: named.get(importId) as ImportEntry | undefined }));
}

type Mapped<F extends string> = Partial<Record<F, FieldSource>>;

/** The select's value for a field's source: `c:<column>`, `v` for one value for all rows, '' for none. */
function sourceValue(source: FieldSource | undefined): string {
  if (!source) return '';
  return 'column' in source ? `c:${source.column}` : 'v';
}

/** The mapping with a field's source set from the select's value. */
export function withSource<F extends string>(mapping: Mapped<F>, field: F, choice: string): Mapped<F> {
  const next: Mapped<F> = { ...mapping };
  if (choice === '') delete next[field];
  else if (choice === 'v') next[field] = { value: '' };
  else next[field] = { column: choice.slice(2) };
  return next;
}

/** One select per field (a column, one value for every row, or nothing), and the value input where one is chosen. */
export function MappingFields<F extends string>(props: {
  idPrefix: string;
  fields: readonly F[];
  labels: Record<F, LocalText>;
  required?: readonly F[];
  header: readonly string[];
  mapping: Mapped<F>;
  onChange: (mapping: Mapped<F>) => void;
}) {
  const t = useText(IMPORT_TEXT);
  const local = useLocal();
  const { mapping, onChange } = props;
  return (
    <div class="im-mapping">
      {props.fields.map((field) => {
        const source = mapping[field];
        const id = `${props.idPrefix}-${field}`;
        return (
          <div class="ds-field im-map-row" key={field}>
            <label class="ds-label" for={id}>
              {local(props.labels[field])} {props.required?.includes(field) && <span class="im-required">{t('required')}</span>}
            </label>
            <select id={id} class="ds-input" value={sourceValue(source)} onChange={(e) => onChange(withSource(mapping, field, e.currentTarget.value))}>
              <option value="">{t('notInFile')}</option>
              {props.header.map((h) => (
                <option key={h} value={`c:${h}`}>{h}</option>
              ))}
              <option value="v">{t('sameForAll')}</option>
            </select>
            {source && 'value' in source && (
              <input
                class="ds-input"
                aria-label={t('valueFor', { field: local(props.labels[field]) })}
                value={source.value}
                onInput={(e) => onChange({ ...mapping, [field]: { value: e.currentTarget.value } })}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

/** The rows with errors, each error on a line of its own beside its row number: the column, what is wrong, what to write. */
export function RowErrorsTable(props: { rows: readonly { line: number; errors: readonly RowError[] }[]; testId: string }) {
  const t = useText(IMPORT_TEXT);
  const local = useLocal();
  return (
    <div class="im-scroll">
      <table class="line-table" data-testid={props.testId}>
        <thead>
          <tr><th scope="col">{t('row')}</th><th scope="col">{t('column')}</th><th scope="col">{t('problem')}</th><th scope="col">{t('fix')}</th></tr>
        </thead>
        <tbody>
          {props.rows.flatMap((r) =>
            r.errors.map((e, i) => (
              <tr key={`${r.line}-${i}`} data-line={r.line}>
                {i === 0 && <th scope="row" rowSpan={r.errors.length}>{r.line}</th>}
                <td>{e.column ?? t('valueForAll')}</td>
                <td>{local(e.problem)}</td>
                <td>{local(e.fix)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The imports still in the data, each with its undo button. */
export function ImportList(props: {
  imports: ReturnType<typeof importsOf>;
  empty: string;
  line: (name: string, count: number) => string;
  disabled: boolean;
  onUndo: (importId: string, count: number) => void;
  testId?: string;
}) {
  const t = useText(IMPORT_TEXT);
  return (
    <div class="screen-section">
      <h2 class="ds-heading" data-size="sm">{t('importsTitle')}</h2>
      {props.imports.length === 0 ? (
        <p class="ds-paragraph">{props.empty}</p>
      ) : (
        <ul class="row-list" data-testid={props.testId}>
          {props.imports.map(({ importId, count, entry }) => (
            <li key={importId} class="row-item">
              <span>{props.line(entry?.fileName ?? t('unknownFile'), count)}</span>
              <button type="button" class="ds-button" data-variant="secondary" disabled={props.disabled} onClick={() => props.onUndo(importId, count)}>
                {t('undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The file input with its label and help, and the reason a chosen file could not be read. */
export function FileField(props: { id: string; accept: string; label: string; help: string; disabled: boolean; readError: string | null; onChoose: (input: HTMLInputElement) => void }) {
  const t = useText(IMPORT_TEXT);
  return (
    <>
      <div class="ds-field">
        <label class="ds-label" for={props.id}>{props.label}</label>
        <div class="ds-field-description" id={`${props.id}-help`}>{props.help}</div>
        <input id={props.id} class="ds-input" type="file" accept={props.accept} aria-describedby={`${props.id}-help`} disabled={props.disabled} onChange={(e) => props.onChoose(e.currentTarget)} />
      </div>
      {props.readError && <div class="ds-alert" data-color="danger" role="alert"><p>{t('readFailed', { reason: props.readError })}</p></div>}
    </>
  );
}
