/** Agreed actions of a visit, each recorded as a task with an owner unit and a deadline. */
import { useRef } from 'preact/hooks';
import type { Task } from '../../../core/schemas/task';
import { useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { TaskForm } from '../tasks/TaskForm';
import { TaskList } from '../tasks/TaskList';
import { VISIT_TEXT } from './text';

/** The tasks made from this visit, each corrected or removed as in every task list, and the form that adds one. */
export function AgreedActions({ visitId, householdId }: { visitId: string; householdId: string }) {
  const t = useText(VISIT_TEXT);
  const made = useQuery(() => repo<Task>('task').list((d) => d.sourceVisitId === visitId), [visitId]);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section class="vi-actions" aria-labelledby="agreed-actions-title">
      <h2 id="agreed-actions-title" ref={heading} tabIndex={-1} class="ds-heading" data-size="sm">{t('actionsTitle')}</h2>
      <p class="ds-paragraph">{t('actionsIntro')}</p>
      {made && made.length === 0 && <p class="ds-paragraph">{t('noTasks')}</p>}
      <TaskList tasks={made ?? []} heading={heading} testId="visit-tasks" />
      <TaskForm idPrefix="visit-task" householdId={householdId} sourceVisitId={visitId} />
    </section>
  );
}
