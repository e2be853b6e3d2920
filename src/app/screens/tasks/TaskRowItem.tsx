/** One task in a list: what, which unit, which household, due date (overdue in words, not only colour), done or open. */
import { useState } from 'preact/hooks';
import { OWNER_UNIT_LABELS } from '../../../core/schemas/ownerUnit';
import type { Task } from '../../../core/schemas/task';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { TASK_TEXT } from './text';
import '../../components/layout.css';

/** A task row with the button that marks it done or open again (the server decides whether this person may). */
export function TaskRowItem({ id, task, householdName, today }: { id: string; task: Task; householdName: string | null; today: string }) {
  const t = useText(TASK_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const [status, setStatus] = useState('');
  const overdue = task.status === 'open' && task.dueDate < today;
  const date = new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium' }).format(new Date(`${task.dueDate}T12:00:00Z`));

  const toggle = async () => {
    const next = task.status === 'open' ? 'done' : 'open';
    try {
      await repo<Task>('task').put(id, { status: next, doneAt: next === 'done' ? new Date().toISOString() : null });
      setStatus(t('statusSaved', { title: task.title, status: t(next) }));
    } catch (err) {
      setStatus(t('notSaved', { reason: String(err) }));
    }
  };

  return (
    <li class="row-item" data-testid="task-row">
      <div class="tk-item-main">
        <span>{task.title}</span>
        <span class="tk-item-meta">
          <span>{local(OWNER_UNIT_LABELS[task.ownerUnit])}</span>
          <span>·</span>
          <span>{task.householdId ? householdName ?? t('householdHidden') : t('noHousehold')}</span>
          <span>·</span>
          <span>{t('due', { date })}</span>
          {overdue && <span class="ds-tag" data-color="danger">{t('overdue')}</span>}
          <span class="ds-tag" data-color={task.status === 'done' ? 'success' : 'neutral'}>{t(task.status)}</span>
        </span>
      </div>
      <button
        type="button"
        class="ds-button"
        data-variant="secondary"
        data-size="sm"
        aria-label={task.status === 'open' ? t('markDone', { title: task.title }) : t('reopen', { title: task.title })}
        onClick={() => void toggle()}
      >
        {task.status === 'open' ? t('markDoneShort') : t('reopenShort')}
      </button>
      <span class="tk-status" role="status">{status}</span>
    </li>
  );
}
