/** The access log of one household for administrators: fetched from the server, where it is kept append-only. */
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../../core/privacy/auditEntry';
import type { Household } from '../../../core/schemas/household';
import { apiFetch, ApiError } from '../../api';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { AUDIT_FIELD_NAMES } from './fieldNames';
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
  const fieldName = (f: string) => (Object.hasOwn(AUDIT_FIELD_NAMES, f) ? local(AUDIT_FIELD_NAMES[f]!) : f);
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

  const when = (iso: string) => new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
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
      {entries.length > 0 && (
        <div class="au-scroll" tabIndex={0} role="region" aria-labelledby="audit-caption">
          <table class="line-table au-table" data-testid="audit-table">
            <caption id="audit-caption">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('record')}</th>
                <th scope="col">{t('fields')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{when(e.at)}</td>
                  <td>{e.userName ?? t('unknownPerson', { id: e.userId.slice(0, 8) })}</td>
                  <td>{t(e.action)} ({t(`via_${e.via}`)})</td>
                  <td>{t(`entity_${e.entity}`)}</td>
                  <td class="au-fields">{e.fields.map(fieldName).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {before !== null && (
        <button type="button" class="ds-button" data-variant="secondary" onClick={() => void load(before)}>{t('older')}</button>
      )}
    </section>
  );
}
