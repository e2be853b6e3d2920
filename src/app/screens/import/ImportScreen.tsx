/**
 * The administrators' registry import at `/import`: choose a CSV or Excel (.xlsx) file, map its columns (remembered per layout),
 * see every row checked with its errors beside it, import the good rows in one all-or-nothing batch with progress,
 * and undo a whole import. The CSV parser is loaded with this screen only, the .xlsx parser
 * only when such a file is chosen.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import {
  guessMapping,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  mappingProblems,
  previewCounts,
  previewRows,
  REQUIRED_FIELDS,
  type Mapping,
} from '../../../core/import/registryImport';
import { importOps, undoOps } from '../../../core/import/importOps';
import type { Dwelling } from '../../../core/schemas/dwelling';
import { formatNumber } from '../../../core/format/formatNumber';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { useOnline } from '../../shell/useOnline';
import { repo, type LocalRecord } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { useSettings } from '../../store/useSettings';
import { syncEngine } from '../../sync/engine';
import { importAreas } from './areas';
import { addImport, rememberedMapping, rememberMapping } from './importHistory';
import { FileField, ImportList, importsOf, MappingFields, readTableFile, RowErrorsTable, useFailureText, useImportFile } from './ImportParts';
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

export default function ImportScreen() {
  const t = useText(IMPORT_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const online = useOnline();
  const [mapping, setMapping] = useState<Mapping>({});
  const [wasRemembered, setWasRemembered] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'sending' || phase.kind === 'fetching';
  // Held still while an import is sent and fetched back: each page of the fetch would otherwise read every dwelling
  // again and check the whole file against them, ten thousand rows ten times over. Read afresh once it is done.
  const held = useRef<LocalRecord<Dwelling>[] | undefined>(undefined);
  const dwellings = useQuery(() => (busy ? held.current : repo<Dwelling>('dwelling').list()), [busy]);
  held.current = dwellings;
  const settings = useSettings();
  const areas = useMemo(() => importAreas(settings), [settings]);
  const areaName = (id: string) => areas.find((a) => a.value === id)?.name ?? id;
  const failure = useFailureText();
  const { file, readError, choose, clear } = useImportFile(
    readTableFile,
    (table) => {
      const remembered = rememberedMapping(table.header);
      setWasRemembered(remembered !== null);
      setMapping(remembered ?? guessMapping(table.header));
    },
    () => setPhase({ kind: 'idle' }),
  );

  const problems = useMemo(() => (file ? mappingProblems(mapping, file.table.header) : []), [file, mapping]);
  const rows = useMemo(
    () => (file && problems.length === 0 && dwellings ? previewRows(file.table, mapping, areas, dwellings.map((d) => d.data)) : null),
    [file, mapping, problems, dwellings, areas],
  );
  const counts = rows ? previewCounts(rows) : null;
  // The phase is a dependency as an import adds its file name to the history.
  const imports = useMemo(() => importsOf(dwellings), [dwellings, phase]);

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
      clear();
      setPhase({ kind: 'done', count: good.length });
    } catch (err) {
      setPhase({ kind: 'failed', message: failure(err) });
    }
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

  const errorRows = rows?.flatMap((r) => (r.status === 'error' ? [r] : [])) ?? [];
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

      <FileField
        id="import-file"
        accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        label={t('tableFileLabel')}
        help={t('tableFileHelp')}
        disabled={busy}
        readError={readError}
        onChoose={(input) => void choose(input)}
      />

      {file && (
        <>
          <p class="ds-paragraph" data-testid="import-file-read">{t('fileRead', { name: file.name, rows: file.table.rows.length, columns: file.table.header.length })}</p>
          <div class="screen-section">
            <h2 class="ds-heading" data-size="sm">{t('mappingTitle')}</h2>
            <p class="ds-paragraph">{t('mappingIntro')}</p>
            {wasRemembered && <p class="ds-paragraph" data-size="sm">{t('remembered')}</p>}
            <MappingFields
              idPrefix="import-map"
              fields={IMPORT_FIELDS}
              labels={IMPORT_FIELD_LABELS}
              required={REQUIRED_FIELDS}
              header={file.table.header}
              mapping={mapping}
              onChange={setMapping}
            />
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
                  <RowErrorsTable rows={errorRows.slice(0, SHOWN_ERRORS)} testId="import-errors" />
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

      <ImportList
        imports={imports}
        empty={t('noImports')}
        line={(name, count) => t('importLine', { name, count })}
        disabled={busy || !online}
        onUndo={(importId, count) => void undo(importId, count)}
        testId="import-list"
      />
    </section>
  );
}
