/** The list of what waits to be synced, per record, each opening where it can be seen (home and the sync page). */
import type { ComponentChildren } from 'preact';
import { formatDate } from '../../core/format/formatDate';
import { useLanguage, useLocal, useText } from '../i18n/language';
import { deviceDb } from '../store/deviceDb';
import { useQuery } from '../store/useQuery';
import { readPendingRecords } from './readPendingRecords';
import { PENDING_TEXT } from './pendingText';

type Props = {
  /** The section's heading, with its id (the list is labelled by it). */
  heading: (id: string) => ComponentChildren;
  /** Shown instead of the list when nothing waits; without it the whole section is left out then. */
  none?: string;
};

/** One line per record: its name (a link), how many changes and since when; deletions said as such. */
export function PendingChanges({ heading, none }: Props) {
  const t = useText(PENDING_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const pending = useQuery(() => readPendingRecords(deviceDb()), []);
  if (pending === undefined || (pending.length === 0 && none === undefined)) return null;
  const when = (iso: string) => formatDate(iso, lang, { time: true });
  return (
    <section class="screen-section" aria-labelledby="pending-title" data-testid="pending-changes">
      {heading('pending-title')}
      {pending.length === 0 ? (
        <p class="ds-paragraph">{none}</p>
      ) : (
        <ul class="row-list" data-testid="pending-list">
          {pending.map((p) => (
            <li key={`${p.entity}/${p.id}`} class="row-item" data-testid="pending-record">
              <span>
                {p.label.href && !p.deleted ? <a class="ds-link" href={p.label.href}>{local(p.label.text)}</a> : local(p.label.text)}
                {' – '}
                {p.deleted ? t('pendingDeleted') : p.changes === 1 ? t('pendingChangeOne', { when: when(p.since) }) : t('pendingChanges', { n: p.changes, when: when(p.since) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
