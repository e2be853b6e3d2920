/** `/sync`: "Trenger gjennomgang" (each conflicting field: my value, the server's, who and when — choose one) and
 * "Kunne ikke lagres" (refused changes with the reason — open, retry, discard), and the export as a last resort. */
import { useState } from 'preact/hooks';
import { getTemplate } from '../../../core/checklist/templates';
import { formatDate } from '../../../core/format/formatDate';
import { splitBilingual } from '../../../core/schemas/bilingual';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { splitPath } from '../../../core/sync/path';
import type { EntityName } from '../../../core/entities';
import type { Language, LocalText } from '../../../core/text';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import type { ConflictEntry, RejectedOp, StoredRecord } from '../../store/db';
import { deviceDb } from '../../store/deviceDb';
import { useQuery } from '../../store/useQuery';
import { discardRejected, resolveConflict, retryRejected } from '../../sync/reviewActions';
import { PendingChanges } from '../../sync/PendingChanges';
import { ENTITY_LABELS } from '../../sync/recordLabel';
import { UnsyncedExport } from '../../sync/UnsyncedExport';
import { useSyncStatus } from '../../sync/useSyncStatus';
import { REVIEW_TEXT } from './text';
import '../../sync/sync.css';

/** Where a record can be opened and fixed, for the entities that have a screen. */
function recordHref(entity: string, id: string): string | null {
  if (entity === 'dwelling') return `/dwellings/${id}`;
  if (entity === 'inspection') return `/inspections/${id}`;
  return null;
}

/** A record's name for people: its address or title when it has one. */
function recordName(entity: string, record: StoredRecord | undefined, local: (t: LocalText) => string, dwelling?: StoredRecord): string {
  const d = record?.data ?? {};
  // An allocation is named by its dwelling's address (a refused one is no longer on the device, its op still is).
  const name = [d.address, d.title, d.name, dwelling?.data.address].find((v) => typeof v === 'string' && v.trim());
  return `${local(ENTITY_LABELS[entity as EntityName] ?? { nb: entity, en: entity })}${name ? `: ${String(name)}` : ''}`;
}

/** A path's label: the checklist item's label for answers, else the field name. */
function pathLabel(path: string, record: StoredRecord | undefined, local: (t: LocalText) => string): string {
  const { field, key } = splitPath(path);
  const d = record?.data ?? {};
  if (field === 'answers' && key && typeof d.templateId === 'string' && typeof d.templateVersion === 'number') {
    const template = getTemplate(d.templateId, d.templateVersion);
    const item = template?.sections.flatMap((s) => s.items).find((i) => i.id === key);
    if (item) return local(item.label);
  }
  return path;
}

/** A value as a person reads it: yes/no, numbers, text, an answer's value with its note and photo count. */
function formatValue(v: unknown, t: (k: keyof typeof REVIEW_TEXT, vars?: Record<string, string | number>) => string): string {
  if (v === null || v === undefined || v === '') return t('empty');
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return v.map((x) => formatValue(x, t)).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('value' in o || 'note' in o || 'photos' in o) {
      const parts = ['value' in o ? formatValue(o.value, t) : t('empty')];
      if (typeof o.note === 'string' && o.note) parts.push(`${t('note')}: ${o.note}`);
      if (Array.isArray(o.photos) && o.photos.length) parts.push(t('photos', { n: o.photos.length }));
      return parts.join(' · ');
    }
    return JSON.stringify(v, null, 1);
  }
  return String(v);
}

/** The server's message in the person's language (the server sends "Bokmål / English"). */
function reasonText(entry: RejectedOp, lang: Language): string[] {
  const head = splitBilingual(entry.error.message)?.[lang] ?? entry.error.message;
  const issues = Array.isArray(entry.error.issues) ? entry.error.issues : [];
  const details = issues.length && entry.error.code !== 'missing_blob' ? formatIssues(issues as never, lang).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) : [];
  return [head, ...details];
}

/** The review screen. */
export default function SyncReviewScreen() {
  const t = useText(REVIEW_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const status = useSyncStatus();
  const data = useQuery(async () => {
    const db = deviceDb();
    const [conflicts, rejected] = await Promise.all([db.conflicts.orderBy('[entity+id]').toArray(), db.rejected.toArray()]);
    const keys = [...new Map([...conflicts, ...rejected].map((x) => [`${x.entity}/${x.id}`, [x.entity, x.id] as [string, string]])).values()];
    const records = await db.records.bulkGet(keys);
    const byKey = new Map(keys.map((k, i) => [`${k[0]}/${k[1]}`, records[i]]));
    // The dwellings refused allocations were for, to name them.
    const allocated = [...new Set(rejected.flatMap((r) => (r.entity === 'allocation' && typeof r.op.set?.dwellingId === 'string' ? [r.op.set.dwellingId] : [])))];
    const dwellings = await db.records.bulkGet(allocated.map((id) => ['dwelling', id] as [string, string]));
    const dwellingOf = new Map(allocated.map((id, i) => [id, dwellings[i]]));
    return { conflicts, rejected: rejected.sort((a, b) => a.at.localeCompare(b.at)), byKey, dwellingOf };
  }, []);

  const when = (iso: string) => formatDate(iso, lang, { time: true });
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      const text = (err as { text?: LocalText }).text;
      setError(t('failed', { message: text ? local(text) : String(err) }));
    }
  };

  if (!data) return <p aria-busy="true">{t('loading')}</p>;
  const groups = new Map<string, ConflictEntry[]>();
  for (const c of data.conflicts) groups.set(`${c.entity}/${c.id}`, [...(groups.get(`${c.entity}/${c.id}`) ?? []), c]);

  return (
    <section class="screen">
      <h1 class="ds-heading" data-size="lg">
        {t('title')}
      </h1>
      <p class="ds-paragraph">{t('intro')}</p>
      {/* The whole status in words: the header has room for a short version only, on a phone. */}
      {status && status !== 'unknown' && (
        <section aria-labelledby="review-status" data-testid="sync-status-details">
          <h2 class="ds-heading" data-size="md" id="review-status">{t('statusTitle')}</h2>
          <dl class="sync-details">
            <div>
              <dt>{t('statusPending')}</dt>
              <dd>{status.pending > 0 && status.oldestPendingAt ? t('statusOldest', { n: status.pending, when: when(status.oldestPendingAt) }) : status.pending}</dd>
            </div>
            <div>
              <dt>{t('statusLastSync')}</dt>
              <dd>{status.lastSync ? when(status.lastSync) : t('statusNever')}</dd>
            </div>
            {status.lastError && (
              <div>
                <dt>{t('statusLastError')}</dt>
                <dd>{local(status.lastError.text)}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <PendingChanges heading={(id) => <h2 class="ds-heading" data-size="md" id={id}>{t('pendingTitle')}</h2>} none={t('pendingNone')} />
      <div role="alert">{error && <div class="ds-alert" data-color="danger"><p class="ds-paragraph">{error}</p></div>}</div>

      <section aria-labelledby="review-conflicts" data-testid="conflicts">
        <h2 class="ds-heading" data-size="md" id="review-conflicts">
          {t('conflictsTitle')} ({data.conflicts.length})
        </h2>
        {data.conflicts.length === 0 ? (
          <p class="ds-paragraph">{t('conflictsNone')}</p>
        ) : (
          <p class="ds-paragraph">{t('conflictsHelp')}</p>
        )}
        {[...groups.entries()].map(([key, entries]) => {
          const record = data.byKey.get(key);
          const first = entries[0]!;
          const href = recordHref(first.entity, first.id);
          return (
            <article class="ds-card" key={key} data-testid="conflict-record">
              <h3 class="ds-heading" data-size="sm">
                {href ? <a class="ds-link" href={href}>{recordName(first.entity, record, local)}</a> : recordName(first.entity, record, local)}
              </h3>
              {entries.map((c) => (
                <fieldset class="ds-fieldset" key={`${c.opId}/${c.path}`} data-testid="conflict" data-path={c.path}>
                  <legend class="ds-label">
                    {t('field')}: {pathLabel(c.path, record, local)}
                  </legend>
                  <div class="sync-review-values">
                    <div>
                      <p class="ds-label">{t('mine')}</p>
                      <pre data-testid="conflict-mine">{formatValue(c.mine, t)}</pre>
                    </div>
                    <div>
                      <p class="ds-label">{t('server')}</p>
                      <pre data-testid="conflict-server">{formatValue(c.server, t)}</pre>
                      <p class="ds-paragraph" data-size="sm">
                        {t('serverBy', { who: c.byName ?? t('someone'), when: when(c.at) })}
                      </p>
                    </div>
                  </div>
                  <div class="ds-button-group">
                    <button type="button" class="ds-button" data-variant="primary" onClick={() => act(() => resolveConflict(c, 'mine'))}>
                      {t('keepMine')}
                    </button>
                    <button type="button" class="ds-button" data-variant="secondary" onClick={() => act(() => resolveConflict(c, 'server'))}>
                      {t('keepServer')}
                    </button>
                  </div>
                </fieldset>
              ))}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="review-rejected" data-testid="rejected">
        <h2 class="ds-heading" data-size="md" id="review-rejected">
          {t('rejectedTitle')} ({data.rejected.length})
        </h2>
        <p class="ds-paragraph">{data.rejected.length === 0 ? t('rejectedNone') : t('rejectedHelp')}</p>
        {data.rejected.map((r) => {
          const record = data.byKey.get(`${r.entity}/${r.id}`);
          const href = recordHref(r.entity, r.id);
          return (
            <article class="ds-card" key={r.opId} data-testid="rejected-op" data-code={r.error.code}>
              <h3 class="ds-heading" data-size="sm">
                {recordName(r.entity, record, local, typeof r.op.set?.dwellingId === 'string' ? data.dwellingOf.get(r.op.set.dwellingId) : undefined)}
              </h3>
              <p class="ds-paragraph">
                {t('reason')}: {when(r.at)}
              </p>
              <ul>
                {reasonText(r, lang).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
              <p class="ds-label">{t('tried')}</p>
              {r.op.delete ? (
                <p class="ds-paragraph">{t('deleteOp')}</p>
              ) : (
                <dl class="facts">
                  {Object.entries(r.op.set ?? {}).map(([path, value]) => (
                    <div key={path}>
                      <dt>{pathLabel(path, record, local)}</dt>
                      <dd>{formatValue(value, t)}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <div class="ds-button-group">
                {href && (
                  <a class="ds-button" data-variant="secondary" href={href}>
                    {t('openRecord')}
                  </a>
                )}
                <button type="button" class="ds-button" data-variant="primary" onClick={() => act(() => retryRejected(r))}>
                  {t('retry')}
                </button>
                <button
                  type="button"
                  class="ds-button"
                  data-variant="tertiary"
                  onClick={() => {
                    if (confirm(t('confirmDiscard'))) void act(() => discardRejected(r));
                  }}
                >
                  {t('discard')}
                </button>
              </div>
            </article>
          );
        })}
      </section>

      <UnsyncedExport />
    </section>
  );
}
