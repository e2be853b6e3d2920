/**
 * The administrators' import of points of interest at `/import/places`: a CSV of names, kinds and positions, its
 * columns mapped, every row checked, the good rows stored in one all-or-nothing batch, and any import undone whole.
 */
import { useMemo, useState } from 'preact/hooks';
import { importRecordOps, undoOps } from '../../../core/import/importOps';
import { guessPlaceMapping, PLACE_FIELD_LABELS, PLACE_FIELDS, previewPlaces, type PlaceMapping } from '../../../core/import/placesImport';
import { previewCounts } from '../../../core/import/registryImport';
import type { Poi } from '../../../core/schemas/poi';
import { useText } from '../../i18n/language';
import { useOnline } from '../../shell/useOnline';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { syncEngine } from '../../sync/engine';
import { addImport } from './importHistory';
import { FileField, ImportList, importsOf, MappingFields, readCsvFile, RowErrorsTable, useFailureText, useImportFile } from './ImportParts';
import { postBatch } from './postBatch';
import { IMPORT_TEXT } from './text';
import '../../components/layout.css';
import './import.css';

const CLIENT_ID = crypto.randomUUID();
const SHOWN_ERRORS = 200;

export default function PlacesImportScreen() {
  const t = useText(IMPORT_TEXT);
  const online = useOnline();
  const [mapping, setMapping] = useState<PlaceMapping>({});
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'failed'; text: string } | null>(null);
  const places = useQuery(() => repo<Poi>('poi').list(), []);
  const failure = useFailureText();
  const { file, readError, choose, clear } = useImportFile(
    readCsvFile,
    (table) => setMapping(guessPlaceMapping(table.header)),
    () => setStatus(null),
  );

  const rows = useMemo(() => (file && places ? previewPlaces(file.table, mapping, places.map((p) => p.data)) : null), [file, mapping, places]);
  const counts = rows ? previewCounts(rows) : null;
  const imports = useMemo(() => importsOf(places), [places]);

  const run = async () => {
    if (!file || !rows) return;
    const good = rows.flatMap((r) => (r.status === 'ok' ? [r.place] : []));
    const importId = crypto.randomUUID();
    setStatus({ kind: 'busy', text: t('storing') });
    try {
      await postBatch(CLIENT_ID, importRecordOps('poi', good, importId), () => undefined);
      addImport({ importId, fileName: file.name, at: new Date().toISOString(), count: good.length });
      setStatus({ kind: 'busy', text: t('fetching') });
      await syncEngine().syncNow();
      clear();
      setStatus({ kind: 'done', text: t('placesDone', { count: good.length }) });
    } catch (err) {
      setStatus({ kind: 'failed', text: failure(err) });
    }
  };

  const undo = async (importId: string, count: number) => {
    if (!confirm(t('placesUndoConfirm', { count }))) return;
    setStatus({ kind: 'busy', text: t('storing') });
    try {
      const records = (places ?? []).map((p) => ({ id: p.id, rev: p.rev, data: p.data }));
      await postBatch(CLIENT_ID, undoOps(records, importId, undefined, 'poi'), () => undefined);
      await syncEngine().syncNow();
      setStatus({ kind: 'done', text: t('placesUndone', { count }) });
    } catch (err) {
      setStatus({ kind: 'failed', text: failure(err) });
    }
  };

  const busy = status?.kind === 'busy';
  const errorRows = rows?.flatMap((r) => (r.status === 'error' ? [r] : [])) ?? [];
  return (
    <section class="im-screen" aria-labelledby="places-title">
      <h1 id="places-title" class="ds-heading" data-size="md">{t('placesTitle')}</h1>
      <p class="ds-paragraph">{t('placesIntro')}</p>
      {!online && <div class="ds-alert" data-color="warning"><p>{t('needsConnection')}</p></div>}
      <FileField
        id="places-file"
        accept=".csv,text/csv,text/plain"
        label={t('fileLabel')}
        help={t('fileHelp')}
        disabled={busy}
        readError={readError}
        onChoose={(input) => void choose(input)}
      />
      {file && (
        <div class="screen-section">
          <h2 class="ds-heading" data-size="sm">{t('mappingTitle')}</h2>
          <MappingFields idPrefix="places-map" fields={PLACE_FIELDS} labels={PLACE_FIELD_LABELS} header={file.table.header} mapping={mapping} onChange={setMapping} />
          {counts && (
            <>
              <p class="ds-paragraph" role="status" data-testid="places-counts">{t('counts', counts)}</p>
              {errorRows.length > 0 && <RowErrorsTable rows={errorRows.slice(0, SHOWN_ERRORS)} testId="places-errors" />}
              {counts.ok > 0 && (
                <button type="button" class="ds-button" data-variant="primary" disabled={busy || !online} onClick={() => void run()}>
                  {t('placesButton', { count: counts.ok })}
                </button>
              )}
            </>
          )}
        </div>
      )}
      <div aria-live="polite" data-testid="places-status">
        {status && <div class="ds-alert" data-color={status.kind === 'failed' ? 'danger' : status.kind === 'done' ? 'success' : 'info'}><p>{status.text}</p></div>}
      </div>
      <ImportList
        imports={imports}
        empty={t('noPlaceImports')}
        line={(name, count) => t('placesLine', { name, count })}
        disabled={busy || !online}
        onUndo={(importId, count) => void undo(importId, count)}
      />
    </section>
  );
}
