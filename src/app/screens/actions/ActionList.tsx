/**
 * A dwelling's follow-up actions: open ones first by deadline (overdue said in words), then closed ones with what was
 * done. Each open action can be closed with a note and photos; the server decides who may (inspectors, the owning unit).
 */
import { useState } from 'preact/hooks';
import { SEVERITY_POLICY } from '../../../core/actions/findingActions';
import { formatDate } from '../../../core/format/formatDate';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Task } from '../../../core/schemas/task';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { useUnitName } from '../../store/useSettings';
import { CloseActionForm } from './CloseActionForm';
import { ACTION_TEXT } from './text';
import './actions.css';

type Rec = { id: string; data: Task };

/** Open first (earliest deadline first), then closed (latest first). */
export function sortActions<T extends Rec>(actions: readonly T[]): T[] {
  return actions.slice().sort((a, b) => {
    if (a.data.status !== b.data.status) return a.data.status === 'open' ? -1 : 1;
    if (a.data.status === 'open') return a.data.dueDate.localeCompare(b.data.dueDate);
    return (b.data.doneAt ?? '').localeCompare(a.data.doneAt ?? '');
  });
}

/** One action's facts: severity, unit, deadline or when it was closed, and the finding. */
export function ActionFacts({ task, today }: { task: Task; today: string }) {
  const t = useText(ACTION_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const unitName = useUnitName();
  const overdue = task.status === 'open' && task.dueDate < today;
  return (
    <>
      <span class="ac-meta">
        {task.severity && <><span class="ds-tag" data-color={SEVERITY_POLICY[task.severity].blocksVerdict ? 'danger' : 'warning'}>{local(SEVERITY_POLICY[task.severity].label)}</span> · </>}
        {unitName(task.ownerUnit)} · {t('dueOn', { date: formatDate(task.dueDate, lang) })}
        {overdue && <> <span class="ds-tag" data-color="danger">{t('overdue')}</span></>}
        {' · '}
        <span class="ds-tag" data-color={task.status === 'done' ? 'success' : 'neutral'}>{task.status === 'done' ? t('done') : t('open')}</span>
        {task.status === 'done' && task.doneAt && <> {t('closedOn', { date: formatDate(task.doneAt, lang) })}</>}
      </span>
      {task.finding && <span class="ac-finding">{t('fromFinding', { text: task.finding })}</span>}
      {task.closeNote && <span class="ac-finding" data-testid="action-close-note">{t('closeNote')}: {task.closeNote}</span>}
    </>
  );
}

type Props = { actions: readonly Rec[]; mayClose: boolean; headingLevel?: 2 | 3 };

export function ActionList({ actions, mayClose, headingLevel = 2 }: Props) {
  const t = useText(ACTION_TEXT);
  const [closing, setClosing] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const today = norwegianDate(new Date());
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="ac-section" aria-labelledby="dwelling-actions-title" data-testid="dwelling-actions">
      <H id="dwelling-actions-title" class="ds-heading" data-size="xs">{t('actionsTitle')}</H>
      {actions.length === 0 && <p>{t('noActions')}</p>}
      <ul class="ac-list">
        {sortActions(actions).map((r) => (
          <li key={r.id} class="ac-item" data-testid="action-row" data-status={r.data.status} data-severity={r.data.severity ?? undefined}>
            <span class="ac-title">{r.data.title}</span>
            <ActionFacts task={r.data} today={today} />
            {mayClose && r.data.status === 'open' && (closing === r.id ? (
              <CloseActionForm id={r.id} task={r.data} onClose={(text) => { setClosing(null); setSaid(text ?? ''); }} />
            ) : (
              <div class="ac-buttons">
                <button type="button" class="ds-button" data-variant="secondary" data-size="sm" aria-label={t('closeNamed', { title: r.data.title })} onClick={() => setClosing(r.id)}>
                  {t('close')}
                </button>
              </div>
            ))}
          </li>
        ))}
      </ul>
      <p role="status" class="ac-meta">{said}</p>
    </section>
  );
}
