/**
 * On a new checklist of a dwelling: its open actions and those closed lately, each open one asking "utbedret?". Yes
 * closes it with this inspection as the record; no leaves it open and says so.
 */
import { useState } from 'preact/hooks';
import { formatDate } from '../../../core/format/formatDate';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Task } from '../../../core/schemas/task';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { ActionFacts, sortActions } from './ActionList';
import { ACTION_TEXT } from './text';
import './actions.css';

/** Closed this many days ago or less counts as "recently closed". */
export const RECENT_DAYS = 90;

type Rec = { id: string; data: Task };

export function FixedCheck({ actions, inspectionId }: { actions: readonly Rec[]; inspectionId: string }) {
  const t = useText(ACTION_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [said, setSaid] = useState('');
  const now = new Date();
  const today = norwegianDate(now);
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const shown = sortActions(actions.filter((a) => a.data.status === 'open' || (a.data.doneAt ?? '') >= since));
  if (shown.length === 0) return null;

  const fixed = async (r: Rec) => {
    try {
      await repo<Task>('task').put(r.id, {
        status: 'done',
        doneAt: new Date().toISOString(),
        closeNote: t('fixedNote', { date: formatDate(today, lang) }),
        closedByInspectionId: inspectionId,
      });
      setSaid(t('closedSaved', { title: r.data.title }));
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setSaid(t('notSaved', { reason: text ? local(text) : String(err) }));
    }
  };

  return (
    <section class="ac-check ds-alert" data-color="info" aria-labelledby="fixed-check-title" data-testid="fixed-check">
      <h2 id="fixed-check-title" class="ds-heading" data-size="xs">{t('fixedTitle')}</h2>
      <p>{t('fixedHelp')}</p>
      <ul class="ac-list">
        {shown.map((r) => (
          <li key={r.id} class="ac-item" data-testid="fixed-row" data-status={r.data.status}>
            <span class="ac-title">{r.data.title}</span>
            <ActionFacts task={r.data} today={today} />
            {r.data.status === 'open' ? (
              <div class="ac-buttons" role="group" aria-label={`${t('fixedQuestion')} ${r.data.title}`}>
                <span>{t('fixedQuestion')}</span>
                <button type="button" class="ds-button" data-variant="primary" data-size="sm" aria-label={t('fixedYesNamed', { title: r.data.title })} onClick={() => void fixed(r)}>
                  {t('fixedYes')}
                </button>
                <button
                  type="button"
                  class="ds-button"
                  data-variant="secondary"
                  data-size="sm"
                  aria-pressed={kept.has(r.id)}
                  aria-label={t('fixedNoNamed', { title: r.data.title })}
                  onClick={() => { setKept(new Set(kept).add(r.id)); setSaid(`${t('stillOpen')}: ${r.data.title}`); }}
                >
                  {t('fixedNo')}
                </button>
              </div>
            ) : (
              <span class="ac-meta">{t('recentlyClosed')}</span>
            )}
          </li>
        ))}
      </ul>
      <p role="status" class="ac-meta">{said}</p>
    </section>
  );
}
