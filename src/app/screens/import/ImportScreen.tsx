/**
 * The administrators' registry import at `/import`: choose a CSV file, map its columns (remembered per layout),
 * see every row checked with its errors beside it, import the good rows in one all-or-nothing batch with progress,
 * and undo a whole import. The CSV parser is loaded with this screen only.
 */
import { useMemo, useState } from 'preact/hooks';
import { decodeText, readCsv, type Table } from '../../../core/import/readTable';
import {
  guessMapping,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  mappingProblems,
  previewCounts,
  previewRows,
  REQUIRED_FIELDS,
  type ImportField,
  type Mapping,
} from '../../../core/import/registryImport';
import { importOps, undoOps } from '../../../core/import/importOps';
import { splitBilingual } from '../../../core/schemas/bilingual';
import type { Dwelling } from '../../../core/schemas/dwelling';
import { formatNumber } from '../../../core/format/formatNumber';
import { ApiError } from '../../api';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { useOnline } from '../../shell/useOnline';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { useSettings } from '../../store/useSettings';
import { syncEngine } from '../../sync/engine';
import { importAreas } from './areas';
import { addImport, importHistory, rememberedMapping, rememberMapping } from './importHistory';
import { postBatch, type BatchProgress } from './postBatch';
import { IMPORT_TEXT } from './text';
import '../../components/layout.css';
import './import.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; progress: BatchProgress }
  | { kind: 'fetching' }
  | { kind: 'done'; count: number }
  | { kind: 'undone'; count: number }
  | { kind: 'failed'; message: string };

const SHOWN_ERRORS = 200;
const SHOWN_DUPLICATES = 50;
const SHOWN_OK = 20;

/** A stable id for this device's batches (any UUID does; the server keys ops by op id). */
const CLIENT_ID = crypto.randomUUID();

function sourceValue(mapping: Mapping, field: ImportField): string {
  const s = mapping[field];
  if (!s) return '';
  return 'column' in s ? `c:${s.column}` : 'v';
}

export default function ImportScreen() {
  const t = useText(IMPORT_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const online = useOnline();
  const [file, setFile] = useState<{ name: string; table: Table } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [wasRemembered, setWasRemembered] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const dwellings = useQuery(() => repo<Dwelling>('dwelling').list(), []);
  const settings = useSettings();
  const areas = useMemo(() => importAreas(settings), [settings]);
  const areaName = (id: string) => areas.find((a) => a.value === id)?.name ?? id;
  const message = (text: string) => splitBilingual(text)?.[lang] ?? text;

  const problems = useMemo(() => (file ? mappingProblems(mapping, file.table.header) : []), [file, mapping]);
  const rows = useMemo(
    () => (file && problems.length === 0 && dwellings ? previewRows(file.table, mapping, areas, dwellings.map((d) => d.data)) : null),
    [file, mapping, problems, dwellings, areas],
  );
  const counts = rows ? previewCounts(rows) : null;
  const imports = useMemo(() => {
    const byId = new Map<string, number>();
    for (const d of dwellings ?? []) if (d.data.importId) byId.set(d.data.importId, (byId.get(d.data.importId) ?? 0) + 1);
    const named = new Map(importHistory().map((e) => [e.importId, e]));
    return [...byId].map(([importId, count]) => ({ importId, count, entry: named.get(importId) }));
  }, [dwellings, phase]);

  const choose = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    setPhase({ kind: 'idle' });
    setReadError(null);
    setFile(null);
    if (!f) return;
    try {
      const table = readCsv(decodeText(new Uint8Array(await f.arrayBuffer())));
      const remembered = rememberedMapping(table.header);
      setWasRemembered(remembered !== null);
      setMapping(remembered ?? guessMapping(table.header));
      setFile({ name: f.name, table });
    } catch (err) {
      setReadError(message(err instanceof Error ? err.message : String(err)));
    }
  };

  const setSource = (field: ImportField, choice: string) => {
    const next: Mapping = { ...mapping };
    if (choice === '') delete next[field];
    else if (choice === 'v') next[field] = { value: '' };
    else next[field] = { column: choice.slice(2) };
    setMapping(next);
  };

  const run = async () => {
    if (!file || !rows) return;
    const good = rows.flatMap((r) => (r.status === 'ok' ? [r.dwelling] : []));
    if (good.length === 0) return;
    rememberMapping(file.table.header, mapping);
    const importId = crypto.randomUUID();
    setPhase({ kind: 'sending', progress: { sent: 0, total: 1, stored: false } });
    try {
      await postBatch(CLIENT_ID, importOps(good, importId), (progress) => setPhase({ kind: 'sending', progress }));
      addImport({ importId, fileName: file.name, at: new Date().toISOString(), count: good.length });
      setPhase({ kind: 'fetching' });
      await syncEngine().syncNow();
      setFile(null);
      setPhase({ kind: 'done', count: good.length });
    } catch (err) {
      setPhase({ kind: 'failed', message: failure(err) });
    }
  };

  const failure = (err: unknown): string => {
    if (err instanceof ApiError && err.isNetwork) return t('lost');
    return t('refused', { reason: message(err instanceof Error ? err.message : String(err)) });
  };

  const undo = async (importId: string, count: number) => {
    if (!confirm(t('undoConfirm', { count }))) return;
    const records = (dwellings ?? []).map((d) => ({ id: d.id, rev: d.rev, data: d.data }));
    setPhase({ kind: 'sending', progress: { sent: 0, total: 1, stored: false } });
    try {
      await postBatch(CLIENT_ID, undoOps(records, importId), (progress) => setPhase({ kind: 'sending', progress }));
      setPhase({ kind: 'fetching' });
      await syncEngine().syncNow();
      setPhase({ kind: 'undone', count });
    } catch (err) {
      setPhase({ kind: 'failed', message: failure(err) });
    }
  };

  const busy = phase.kind === 'sending' || phase.kind === 'fetching';
  const columnName = (c: string | null) => c ?? t('valueForAll');
  const errorRows = rows?.filter((r) => r.status === 'error') ?? [];
  const duplicateRows = rows?.filter((r) => r.status === 'duplicate') ?? [];
  const okRows = rows?.filter((r) => r.status === 'ok') ?? [];
  const mb = (bytes: number) => `${formatNumber(bytes / 1_000_000, lang, 1)} MB`;

  return (
    <section class="im-screen" aria-labelledby="import-title">
      <h1 id="import-title" class="ds-heading" data-size="md">{t('title')}</h1>
      <p class="ds-paragraph">{t('intro')}</p>
      {!online && <div class="ds-alert" data-color="warning"><p>{t('needsConnection')}</p></div>}
      {settings !== undefined && areas.length === 0 && (
        <div class="ds-alert" data-color="warning" data-testid="import-no-areas">
          <p>{t('noAreas')} <a class="ds-link" href="/settings/municipality">{t('setUpAreas')}</a></p>
        </div>
      )}

      <div class="ds-field">
        <label class="ds-label" for="import-file">{t('fileLabel')}</label>
        <div class="ds-field-description" id="import-file-help">{t('fileHelp')}</div>
        <input id="import-file" class="ds-input" type="file" accept=".csv,text/csv,text/plain" aria-describedby="import-file-help" disabled={busy} onChange={(e) => void choose(e.currentTarget)} />
      </div>
      {readError && <div class="ds-alert" data-color="danger" role="alert"><p>{t('readFailed', { reason: readError })}</p></div>}

      {file && (
        <>
          <p class="ds-paragraph" data-testid="import-file-read">{t('fileRead', { name: file.name, rows: file.table.rows.length, columns: file.table.header.length })}</p>
          <div class="screen-section">
            <h2 class="ds-heading" data-size="sm">{t('mappingTitle')}</h2>
            <p class="ds-paragraph">{t('mappingIntro')}</p>
            {wasRemembered && <p class="ds-paragraph" data-size="sm">{t('remembered')}</p>}
            <div class="im-mapping">
              {IMPORT_FIELDS.map((field) => {
                const source = mapping[field];
                const id = `import-map-${field}`;
                return (
                  <div class="ds-field im-map-row" key={field}>
                    <label class="ds-label" for={id}>
                      {local(IMPORT_FIELD_LABELS[field])} {REQUIRED_FIELDS.includes(field) && <span class="im-required">{t('required')}</span>}
                    </label>
                    <select id={id} class="ds-input" value={sourceValue(mapping, field)} onChange={(e) => setSource(field, e.currentTarget.value)}>
                      <option value="">{t('notInFile')}</option>
                      {file.table.header.map((h) => (
                        <option key={h} value={`c:${h}`}>{h}</option>
                      ))}
                      <option value="v">{t('sameForAll')}</option>
                    </select>
                    {source && 'value' in source && (
                      <input
                        class="ds-input"
                        aria-label={t('valueFor', { field: local(IMPORT_FIELD_LABELS[field]) })}
                        value={source.value}
                        onInput={(e) => setMapping({ ...mapping, [field]: { value: e.currentTarget.value } })}
                      />
                    )}
                  </div>
                );
              })}
            </div>
            {problems.length > 0 && (
              <div class="ds-alert" data-color="warning" data-testid="import-mapping-problems">
                <h3 class="ds-heading" data-size="2xs">{t('mappingErrors')}</h3>
                <ul class="ds-list">
                  {problems.map((p) => (
                    <li key={`${p.field}${p.column}`}>{local(p.problem)} {local(p.fix)}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>

          {rows && counts && (
            <div class="screen-section" data-testid="import-preview">
              <h2 class="ds-heading" data-size="sm">{t('previewTitle')}</h2>
              <p class="ds-paragraph" role="status" data-testid="import-counts">{t('counts', counts)}</p>
              {errorRows.length > 0 && (
                <>
                  <h3 class="ds-heading" data-size="xs">{t('errorRowsTitle')}</h3>
                  <p class="ds-paragraph">{t('errorRowsIntro')}</p>
                  <div class="im-scroll">
                    <table class="line-table" data-testid="import-errors">
                      <thead>
                        <tr><th scope="col">{t('row')}</th><th scope="col">{t('column')}</th><th scope="col">{t('problem')}</th><th scope="col">{t('fix')}</th></tr>
                      </thead>
                      <tbody>
                        {errorRows.slice(0, SHOWN_ERRORS).flatMap((r) =>
                          r.status === 'error'
                            ? r.errors.map((e, i) => (
                                <tr key={`${r.line}-${i}`} data-line={r.line}>
                                  {i === 0 && <th scope="row" rowSpan={r.errors.length}>{r.line}</th>}
                                  <td>{columnName(e.column)}</td>
                                  <td>{local(e.problem)}</td>
                                  <td>{local(e.fix)}</td>
                                </tr>
                              ))
                            : [],
                        )}
                      </tbody>
                    </table>
                  </div>
                  {errorRows.length > SHOWN_ERRORS && <p class="ds-paragraph">{t('moreErrors', { count: errorRows.length - SHOWN_ERRORS })}</p>}
                </>
              )}
              {duplicateRows.length > 0 && (
                <>
                  <h3 class="ds-heading" data-size="xs">{t('duplicatesTitle')}</h3>
                  <ul class="ds-list" data-testid="import-duplicates">
                    {duplicateRows.slice(0, SHOWN_DUPLICATES).map((r) =>
                      r.status === 'duplicate' ? (
                        <li key={r.line}>
                          {t('row')} {r.line}: {r.dwelling.address} {r.dwelling.unitNumber ?? ''} — {local(r.of)}
                        </li>
                      ) : null,
                    )}
                  </ul>
                  {duplicateRows.length > SHOWN_DUPLICATES && <p class="ds-paragraph">{t('moreDuplicates', { count: duplicateRows.length - SHOWN_DUPLICATES })}</p>}
                </>
              )}
              {okRows.length > 0 && (
                <div class="im-scroll">
                  <table class="line-table" data-testid="import-ok">
                    <caption>{t('okTitle', { count: Math.min(SHOWN_OK, okRows.length) })}</caption>
                    <thead>
                      <tr><th scope="col">{t('row')}</th><th scope="col">{t('address')}</th><th scope="col">{t('unitNumber')}</th><th scope="col">{t('area')}</th><th scope="col">{t('position')}</th></tr>
                    </thead>
                    <tbody>
                      {okRows.slice(0, SHOWN_OK).map((r) =>
                        r.status === 'ok' ? (
                          <tr key={r.line}>
                            <td>{r.line}</td>
                            <td>{r.dwelling.address}</td>
                            <td>{r.dwelling.unitNumber ?? ''}</td>
                            <td>{areaName(r.dwelling.area)}</td>
                            <td>{r.dwelling.location ? `${formatNumber(r.dwelling.location.lat, lang, 5)}, ${formatNumber(r.dwelling.location.lon, lang, 5)}` : ''}</td>
                          </tr>
                        ) : null,
                      )}
                    </tbody>
                  </table>
                </div>
              )}
              {counts.ok > 0 ? (
                <button type="button" class="ds-button" data-variant="primary" disabled={busy || !online} onClick={() => void run()}>
                  {t('importButton', { count: counts.ok })}
                </button>
              ) : (
                <p class="ds-paragraph">{t('nothingToImport')}</p>
              )}
            </div>
          )}
        </>
      )}

      <div aria-live="polite" data-testid="import-status">
        {phase.kind === 'sending' && (
          <div class="im-progress">
            <progress max={phase.progress.total} value={phase.progress.sent} aria-label={t('sending', { sent: mb(phase.progress.sent), total: mb(phase.progress.total) })} />
            <p class="ds-paragraph">{phase.progress.stored ? t('storing') : t('sending', { sent: mb(phase.progress.sent), total: mb(phase.progress.total) })}</p>
          </div>
        )}
        {phase.kind === 'fetching' && <p class="ds-paragraph" aria-busy="true">{t('fetching')}</p>}
        {phase.kind === 'done' && <div class="ds-alert" data-color="success"><p>{t('done', { count: phase.count })}</p></div>}
        {phase.kind === 'undone' && <div class="ds-alert" data-color="success"><p>{t('undone', { count: phase.count })}</p></div>}
        {phase.kind === 'failed' && <div class="ds-alert" data-color="danger" role="alert"><p>{phase.message}</p></div>}
      </div>

      <div class="screen-section">
        <h2 class="ds-heading" data-size="sm">{t('importsTitle')}</h2>
        {imports.length === 0 ? (
          <p class="ds-paragraph">{t('noImports')}</p>
        ) : (
          <ul class="row-list" data-testid="import-list">
            {imports.map(({ importId, count, entry }) => (
              <li key={importId} class="row-item">
                <span>{t('importLine', { name: entry?.fileName ?? t('unknownFile'), count })}</span>
                <button type="button" class="ds-button" data-variant="secondary" disabled={busy || !online} onClick={() => void undo(importId, count)}>
                  {t('undo')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
