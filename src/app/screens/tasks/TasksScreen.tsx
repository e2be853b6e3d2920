/**
 * Every task this person may see, filtered by open/done, with a form for a new one and the way to the meeting agenda;
 * those who may (the sync policy's rule) correct a task in place or remove it, with undo for some seconds.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Household } from '../../../core/schemas/household';
import type { Task } from '../../../core/schemas/task';
import { ChoiceField } from '../../components/ChoiceField';
import { UndoToast, type ToastMessage } from '../../components/UndoToast';
import { useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { removeUndoably } from '../../store/removeUndoably';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/use-query';
import { seesAll } from '../households/householdFacts';
import { TaskForm } from './TaskForm';
import { TaskRowItem } from './TaskRowItem';
import { TASK_TEXT } from './text';
import '../../components/layout.css';
import './tasks.css';

type Show = 'open' | 'done' | 'all';

/** The list at `/tasks`. */
export default function TasksScreen() {
  const t = useText(TASK_TEXT);
  const local = useLocal();
  const user = getSession()?.user;
  const roles = user?.roles ?? [];
  const tasks = useQuery(() => repo<Task>('task').list(), []);
  const households = useQuery(() => repo<Partial<Household>>('household').list(), []);
  const [show, setShow] = useState<Show>('open');
  const names = useMemo(() => new Map((households ?? []).map((h) => [h.id, h.data.displayName ?? ''])), [households]);
  const today = norwegianDate(new Date());
  const mayCreate = roles.includes('counsellor') || roles.includes('admin');
  const shown = (tasks ?? [])
    .filter((r) => show === 'all' || r.data.status === show)
    .sort((a, b) => a.data.dueDate.localeCompare(b.data.dueDate) || a.data.title.localeCompare(b.data.title, 'nb'));
  // Only households this person follows can get new tasks: the server refuses the rest.
  const own = (households ?? []).filter((h) => seesAll(h.data, user)).map((h) => ({ id: h.id, name: h.data.displayName ?? '' }));
  const ownIds = new Set(own.map((h) => h.id));
  // As the server decides: administrators, and counsellors for tasks without a household or of one they follow.
  const mayEdit = (task: Task) =>
    roles.includes('admin') || (roles.includes('counsellor') && (!task.householdId || ownIds.has(task.householdId)));
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const failed = (key: string, err: unknown) => {
    const text = (err as { text?: { nb: string; en: string } }).text;
    setToast({ key: `${key}-failed`, text: t('notSaved', { reason: text ? local(text) : String(err) }) });
  };
  const remove = async (id: string, task: Task, byKeyboard: boolean) => {
    try {
      const removal = await removeUndoably<Task>('task', id);
      const undo = async () => {
        try {
          await removal.undo();
          setToast({ key: `${id}-restored`, text: t('restored', { title: task.title }) });
        } catch (err) {
          failed(id, err);
        }
      };
      setToast({
        key: id,
        text: t('removed', { title: task.title }),
        focus: byKeyboard,
        undo: { label: t('undo'), accessibleName: t('undoNamed', { title: task.title }), run: () => void undo() },
      });
    } catch (err) {
      failed(id, err);
    }
  };

  return (
    <section class="tk-screen" aria-labelledby="tasks-title">
      <div class="titlebar">
        <h1 id="tasks-title" ref={heading} tabIndex={-1} class="ds-heading" data-size="md">{t('title')}</h1>
        <a class="ds-button" data-variant="secondary" href="/tasks/meeting">{t('meetingLink')}</a>
      </div>
      <p class="ds-paragraph">{t('intro')}</p>
      <ChoiceField
        id="tasks-show"
        name="show"
        legend={t('show')}
        options={[{ value: 'open', label: t('showOpen') }, { value: 'done', label: t('showDone') }, { value: 'all', label: t('showAll') }]}
        value={show}
        onChange={(v) => setShow(v as Show)}
      />
      {tasks === undefined && <p aria-busy="true">{t('loading')}</p>}
      {tasks && shown.length === 0 && <p class="ds-paragraph">{t('none')}</p>}
      {shown.length > 0 && (
        <ul class="row-list">
          {shown.map((r) => (
            <TaskRowItem
              key={r.id}
              id={r.id}
              task={r.data}
              householdName={r.data.householdId ? names.get(r.data.householdId) ?? null : null}
              today={today}
              edit={mayEdit(r.data) ? { households: own, onRemove: (id, task, byKeyboard) => void remove(id, task, byKeyboard) } : undefined}
            />
          ))}
        </ul>
      )}
      {mayCreate && (
        <section class="screen-section" aria-labelledby="new-task-heading">
          <h2 id="new-task-heading" class="ds-heading" data-size="sm">{t('newTask')}</h2>
          <TaskForm idPrefix="new-task" households={own} />
        </section>
      )}
      <UndoToast message={toast} onClose={() => setToast(null)} returnFocus={() => heading.current?.focus()} />
    </section>
  );
}
