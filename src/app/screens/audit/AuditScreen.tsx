/** The access log of one household for administrators: fetched from the server, where it is kept append-only. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, formatTime } from '../../../core/format/formatDate';
import type { AuditEntry } from '../../../core/privacy/auditEntry';
import type { Household } from '../../../core/schemas/household';
import { apiFetch, ApiError } from '../../api';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { auditFieldName, groupAuditEntries, type AuditLine } from './auditLines';
import { AUDIT_TEXT } from './text';
import '../../components/layout.css';
import './audit.css';

// Only household data is logged: records of these entities.
type Entry = AuditEntry & { entity: 'household' | 'visit' | 'inspection' | 'task' | 'plan' };

/** The log at `/households/:id/audit`. */
export default function AuditScreen({ id }: { id: string }) {
  const t = useText(AUDIT_TEXT);
  const lang = useLanguage();
  const local = useLocal();
  const fieldName = (f: string) => auditFieldName(f, local);
  const household = useQuery(() => repo<Partial<Household>>('household').get(id).then((r) => r ?? null), [id]);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [before, setBefore] = useState<number | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'offline' | { failed: string }>('loading');

  const load = async (from?: number) => {
    try {
      const page = await apiFetch<{ entries: Entry[]; before: number | null }>(`/api/households/${id}/audit?limit=100${from ? `&before=${from}` : ''}`);
      setEntries((e) => (from ? [...e, ...page.entries] : page.entries));
      setBefore(page.before);
      setState('ready');
    } catch (err) {
      setState(err instanceof ApiError && err.isNetwork ? 'offline' : { failed: err instanceof Error ? err.message : String(err) });
    }
  };
  useEffect(() => void load(), [id]);

  // One person's sync of many records is one line, not one "Lest" line per record.
  const lines = useMemo(() => groupAuditEntries(entries), [entries]);
  const when = (iso: string) => formatDate(iso, lang, { time: 'seconds' });
  const clock = (iso: string) => formatTime(iso, true);
  const span = (l: AuditLine<Entry['entity']>) => (l.firstAt === l.at ? when(l.at) : `${when(l.firstAt)}–${clock(l.at)}`);
  const name = household?.data.displayName;

  return (
    <section class="au-screen" aria-labelledby="audit-title">
      <a class="ds-link" href={`/households/${id}`}>← {t('back')}</a>
      <h1 id="audit-title" class="ds-heading" data-size="md">{name ? t('title', { name }) : t('titleUnknown')}</h1>
      <p class="ds-paragraph">{t('intro')}</p>
      {state === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {state === 'offline' && <div class="ds-alert" data-color="warning"><p>{t('offline')}</p></div>}
      {typeof state === 'object' && <div class="ds-alert" data-color="danger" role="alert"><p>{t('failed', { reason: state.failed })}</p></div>}
      {state === 'ready' && entries.length === 0 && <p class="ds-paragraph">{t('empty')}</p>}
      {lines.length > 0 && (
        <section aria-labelledby="audit-caption">
          <h2 id="audit-caption" class="ds-heading" data-size="xs">{t('caption')}</h2>
          <ol class="au-list" data-testid="audit-list">
            {lines.map((l) => (
              <li key={l.key} class="au-card" data-testid="audit-line">
                <p class="au-when">{span(l)}</p>
                <dl class="au-facts">
                  <div>
                    <dt>{t('who')}</dt>
                    <dd>{l.userName ?? t('unknownPerson', { id: l.userId.slice(0, 8) })}</dd>
                  </div>
                  <div>
                    <dt>{t('what')}</dt>
                    <dd>{t(l.action)} ({t(`via_${l.via}`)}){l.count > 1 ? ` – ${t('records', { n: l.count })}` : ''}</dd>
                  </div>
                  <div>
                    <dt>{t('record')}</dt>
                    <dd>{l.entities.map((k) => (k.n > 1 ? `${t(`entity_${k.entity}`)} (${k.n})` : t(`entity_${k.entity}`))).join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('fields')}</dt>
                    <dd class="au-fields">{[...new Set(l.fields.map(fieldName))].join(', ')}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ol>
        </section>
      )}
      {before !== null && (
        <button type="button" class="ds-button" data-variant="secondary" onClick={() => void load(before)}>{t('older')}</button>
      )}
    </section>
  );
}
