/**
 * The administrators' import of points of interest at `/import/places`: a CSV of names, kinds and positions, its
 * columns mapped, every row checked, the good rows stored in one all-or-nothing batch, and any import undone whole.
 */
import { useMemo, useState } from 'preact/hooks';
import { importRecordOps, undoOps } from '../../../core/import/importOps';
import { guessPlaceMapping, PLACE_FIELD_LABELS, PLACE_FIELDS, previewPlaces, type PlaceField, type PlaceMapping } from '../../../core/import/placesImport';
import { decodeText, readCsv, type Table } from '../../../core/import/readTable';
import { previewCounts } from '../../../core/import/registryImport';
import { splitBilingual } from '../../../core/schemas/bilingual';
import type { Poi } from '../../../core/schemas/poi';
import { ApiError } from '../../api';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { useOnline } from '../../shell/useOnline';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { syncEngine } from '../../sync/engine';
import { addImport, importHistory } from './importHistory';
import { postBatch } from './postBatch';
import { IMPORT_TEXT } from './text';
import '../../components/layout.css';
import './import.css';

const CLIENT_ID = crypto.randomUUID();

export default function PlacesImportScreen() {
  const t = useText(IMPORT_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const online = useOnline();
  const [file, setFile] = useState<{ name: string; table: Table } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<PlaceMapping>({});
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'failed'; text: string } | null>(null);
  const places = useQuery(() => repo<Poi>('poi').list(), []);
  const message = (text: string) => splitBilingual(text)?.[lang] ?? text;

  const rows = useMemo(() => (file && places ? previewPlaces(file.table, mapping, places.map((p) => p.data)) : null), [file, mapping, places]);
  const counts = rows ? previewCounts(rows) : null;
  const imports = useMemo(() => {
    const byId = new Map<string, number>();
    for (const p of places ?? []) if (p.data.importId) byId.set(p.data.importId, (byId.get(p.data.importId) ?? 0) + 1);
    const named = new Map(importHistory().map((e) => [e.importId, e]));
    return [...byId].map(([importId, count]) => ({ importId, count, entry: named.get(importId) }));
  }, [places]);

  const choose = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    setStatus(null);
    setReadError(null);
    setFile(null);
    if (!f) return;
    try {
      const table = readCsv(decodeText(new Uint8Array(await f.arrayBuffer())));
      setMapping(guessPlaceMapping(table.header));
      setFile({ name: f.name, table });
    } catch (err) {
      setReadError(message(err instanceof Error ? err.message : String(err)));
    }
  };

  const setSource = (field: PlaceField, choice: string) => {
    const next: PlaceMapping = { ...mapping };
    if (choice === '') delete next[field];
    else if (choice === 'v') next[field] = { value: '' };
    else next[field] = { column: choice.slice(2) };
    setMapping(next);
  };

  const failure = (err: unknown) =>
    err instanceof ApiError && err.isNetwork ? t('lost') : t('refused', { reason: message(err instanceof Error ? err.message : String(err)) });

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
      setFile(null);
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
  const errorRows = rows?.filter((r) => r.status === 'error') ?? [];
  return (
    <section class="im-screen" aria-labelledby="places-title">
      <h1 id="places-title" class="ds-heading" data-size="md">{t('placesTitle')}</h1>
      <p class="ds-paragraph">{t('placesIntro')}</p>
      {!online && <div class="ds-alert" data-color="warning"><p>{t('needsConnection')}</p></div>}
      <div class="ds-field">
        <label class="ds-label" for="places-file">{t('fileLabel')}</label>
        <div class="ds-field-description" id="places-file-help">{t('fileHelp')}</div>
        <input id="places-file" class="ds-input" type="file" accept=".csv,text/csv,text/plain" aria-describedby="places-file-help" disabled={busy} onChange={(e) => void choose(e.currentTarget)} />
      </div>
      {readError && <div class="ds-alert" data-color="danger" role="alert"><p>{t('readFailed', { reason: readError })}</p></div>}
      {file && (
        <div class="screen-section">
          <h2 class="ds-heading" data-size="sm">{t('mappingTitle')}</h2>
          <div class="im-mapping">
            {PLACE_FIELDS.map((field) => {
              const source = mapping[field];
              const id = `places-map-${field}`;
              return (
                <div class="ds-field im-map-row" key={field}>
                  <label class="ds-label" for={id}>{local(PLACE_FIELD_LABELS[field])}</label>
                  <select id={id} class="ds-input" value={source ? ('column' in source ? `c:${source.column}` : 'v') : ''} onChange={(e) => setSource(field, e.currentTarget.value)}>
                    <option value="">{t('notInFile')}</option>
                    {file.table.header.map((h) => <option key={h} value={`c:${h}`}>{h}</option>)}
                    <option value="v">{t('sameForAll')}</option>
                  </select>
                  {source && 'value' in source && (
                    <input class="ds-input" aria-label={t('valueFor', { field: local(PLACE_FIELD_LABELS[field]) })} value={source.value} onInput={(e) => setMapping({ ...mapping, [field]: { value: e.currentTarget.value } })} />
                  )}
                </div>
              );
            })}
          </div>
          {counts && (
            <>
              <p class="ds-paragraph" role="status" data-testid="places-counts">{t('placesCounts', counts)}</p>
              {errorRows.length > 0 && (
                <div class="im-scroll">
                  <table class="line-table" data-testid="places-errors">
                    <thead><tr><th scope="col">{t('row')}</th><th scope="col">{t('column')}</th><th scope="col">{t('problem')}</th><th scope="col">{t('fix')}</th></tr></thead>
                    <tbody>
                      {errorRows.slice(0, 200).flatMap((r) =>
                        r.status === 'error'
                          ? r.errors.map((e, i) => (
                              <tr key={`${r.line}-${i}`}>
                                {i === 0 && <th scope="row" rowSpan={r.errors.length}>{r.line}</th>}
                                <td>{e.column ?? t('valueForAll')}</td>
                                <td>{local(e.problem)}</td>
                                <td>{local(e.fix)}</td>
                              </tr>
                            ))
                          : [],
                      )}
                    </tbody>
                  </table>
                </div>
              )}
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
      <div class="screen-section">
        <h2 class="ds-heading" data-size="sm">{t('importsTitle')}</h2>
        {imports.length === 0 ? (
          <p class="ds-paragraph">{t('noPlaceImports')}</p>
        ) : (
          <ul class="row-list">
            {imports.map(({ importId, count, entry }) => (
              <li key={importId} class="row-item">
                <span>{t('placesLine', { name: entry?.fileName ?? t('unknownFile'), count })}</span>
                <button type="button" class="ds-button" data-variant="secondary" disabled={busy || !online} onClick={() => void undo(importId, count)}>{t('undo')}</button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
