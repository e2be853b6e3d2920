/** One task in a list: what, which unit, which household, due date (overdue in words, not only colour), done or open. */
import { useRef, useState } from 'preact/hooks';
import { formatDate } from '../../../core/format/formatDate';
import type { Task } from '../../../core/schemas/task';
import { EditRemoveButtons } from '../../components/EditRemoveButtons';
import { useLanguage, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { TaskForm } from './TaskForm';
import { CloseActionForm } from '../actions/CloseActionForm';
import { TASK_TEXT } from './text';
import '../../components/layout.css';
import { useUnitName } from '../../store/useSettings';

type Props = {
  id: string;
  task: Task;
  householdName: string | null;
  today: string;
  /** When this person may correct and remove the task (the sync policy's rule); the edit form's household choices. */
  edit?: { households: { id: string; name: string }[]; onRemove: (id: string, task: Task, byKeyboard: boolean) => void };
};

/**
 * A task row with the button that marks it done or open again (the server decides whether this person may), and for
 * those who may, the buttons that correct it in place or remove it.
 */
export function TaskRowItem({ id, task, householdName, today, edit }: Props) {
  const t = useText(TASK_TEXT);
  const lang = useLanguage();
  const unitName = useUnitName();
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState(false);
  // A dwelling's action is closed with a note of what was done (and photos), not with one tap.
  const [closing, setClosing] = useState(false);
  const isAction = Boolean(task.dwellingId);
  const editButton = useRef<HTMLButtonElement>(null);
  const overdue = task.status === 'open' && task.dueDate < today;
  const date = formatDate(task.dueDate, lang);

  const toggle = async () => {
    if (isAction && task.status === 'open') return setClosing(true);
    const next = task.status === 'open' ? 'done' : 'open';
    try {
      await repo<Task>('task').put(id, { status: next, doneAt: next === 'done' ? new Date().toISOString() : null });
      setStatus(t('statusSaved', { title: task.title, status: t(next) }));
    } catch (err) {
      setStatus(t('notSaved', { reason: String(err) }));
    }
  };

  const form = editing && edit && (
    <TaskForm
      idPrefix={`edit-${id}`}
      households={edit.households}
      task={{ id, data: task }}
      onClose={(said) => {
        setEditing(false);
        setStatus(said ?? '');
        // Back to the button that opened the form, once it is rendered again.
        requestAnimationFrame(() => editButton.current?.focus());
      }}
    />
  );

  return (
    // The status line stays in the row in both modes, so what the edit form reports is read out.
    <li class={editing ? 'row-item tk-editing' : 'row-item'} data-testid="task-row">
      {closing && (
        <CloseActionForm
          id={id}
          task={task}
          onClose={(said) => {
            setClosing(false);
            setStatus(said ?? '');
          }}
        />
      )}
      {!closing && (form || (
        <>
          <div class="tk-item-main">
            <span>{isAction ? <a class="ds-link" href={`/dwellings/${task.dwellingId}`}>{task.title}</a> : task.title}</span>
            {task.finding && <span class="tk-item-meta">{task.finding}</span>}
            {task.closeNote && <span class="tk-item-meta">{task.closeNote}</span>}
            <span class="tk-item-meta">
              <span>{unitName(task.ownerUnit)}</span>
              <span>·</span>
              <span>{isAction ? t('dwellingAction') : task.householdId ? householdName ?? t('householdHidden') : t('noHousehold')}</span>
              <span>·</span>
              <span>{t('due', { date })}</span>
              {overdue && <span class="ds-tag" data-color="danger">{t('overdue')}</span>}
              <span class="ds-tag" data-color={task.status === 'done' ? 'success' : 'neutral'}>{t(task.status)}</span>
            </span>
          </div>
          <div class="tk-actions">
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
            {edit && (
              <EditRemoveButtons
                editRef={editButton}
                editText={t('edit')}
                editName={t('editTaskNamed', { title: task.title })}
                onEdit={() => setEditing(true)}
                removeText={t('remove')}
                removeName={t('removeTaskNamed', { title: task.title })}
                onRemove={(byKeyboard) => edit.onRemove(id, task, byKeyboard)}
              />
            )}
          </div>
        </>
      ))}
      <span class="tk-status" role="status">{status}</span>
    </li>
  );
}
