/**
 * Every task this person may see, filtered by open/done, with a form for a new one and the way to the meeting agenda;
 * those who may (the sync policy's rule) correct a task in place or remove it, with undo for some seconds.
 */
import { useRef, useState } from 'preact/hooks';
import type { Task } from '../../../core/schemas/task';
import { ChoiceField } from '../../components/ChoiceField';
import { useText } from '../../i18n/language';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { TaskForm } from './TaskForm';
import { TaskList } from './TaskList';
import { TASK_TEXT } from './text';
import { useTaskHouseholds } from './useTaskHouseholds';
import '../../components/layout.css';
import './tasks.css';

type Show = 'open' | 'done' | 'all';

/** The list at `/tasks`. */
export default function TasksScreen() {
  const t = useText(TASK_TEXT);
  const roles = getSession()?.user.roles ?? [];
  const tasks = useQuery(() => repo<Task>('task').list(), []);
  const { own } = useTaskHouseholds();
  const [show, setShow] = useState<Show>('open');
  const mayCreate = roles.includes('counsellor') || roles.includes('admin');
  const shown = (tasks ?? []).filter((r) => show === 'all' || r.data.status === show);
  const heading = useRef<HTMLHeadingElement>(null);

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
      <TaskList tasks={shown} heading={heading} />
      {mayCreate && (
        <section class="screen-section" aria-labelledby="new-task-heading">
          <h2 id="new-task-heading" class="ds-heading" data-size="sm">{t('newTask')}</h2>
          <TaskForm idPrefix="new-task" households={own} />
        </section>
      )}
    </section>
  );
}
