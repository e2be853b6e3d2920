/** Agreed actions of a visit, each recorded as a task with an owner unit and a deadline. */
import { useMemo } from 'preact/hooks';
import { OWNER_UNIT_LABELS } from '../../../core/schemas/ownerUnit';
import type { Task } from '../../../core/schemas/task';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/use-query';
import { TaskForm } from '../tasks/TaskForm';
import { VISIT_TEXT } from './text';

/** The tasks made from this visit, and the form that adds one. */
export function AgreedActions({ visitId, householdId }: { visitId: string; householdId: string }) {
  const t = useText(VISIT_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const tasks = useMemo(() => repo<Task>('task'), []);
  const made = useQuery(() => tasks.list((d) => d.sourceVisitId === visitId), [visitId]);
  const dateText = (d: string) => new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00Z`));

  return (
    <section class="vi-actions" aria-labelledby="agreed-actions-title">
      <h2 id="agreed-actions-title" class="ds-heading" data-size="sm">{t('actionsTitle')}</h2>
      <p class="ds-paragraph">{t('actionsIntro')}</p>
      {(made ?? []).length === 0 ? <p class="ds-paragraph">{t('noTasks')}</p> : (
        <ul class="vi-tasks" data-testid="visit-tasks">
          {(made ?? []).map((task) => (
            <li key={task.id}>
              <strong>{task.data.title}</strong> – {local(OWNER_UNIT_LABELS[task.data.ownerUnit])}, {t('due', { date: dateText(task.data.dueDate) })}
            </li>
          ))}
        </ul>
      )}
      <TaskForm idPrefix="visit-task" householdId={householdId} sourceVisitId={visitId} />
    </section>
  );
}
