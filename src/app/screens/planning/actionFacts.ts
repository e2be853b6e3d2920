/** A task as the planning rules and figures read it: a follow-up action names its dwelling and a severity. */
import type { ActionFacts } from '../../../core/planning/nextInspection';
import type { Task } from '../../../core/schemas/task';

/** The dwelling, severity and status of a task (null where the task carries none). */
export function actionFacts(task: Task): ActionFacts {
  const t = task as Task & { dwellingId?: unknown; severity?: unknown };
  return {
    dwellingId: typeof t.dwellingId === 'string' ? t.dwellingId : null,
    severity: typeof t.severity === 'string' ? t.severity : null,
    status: task.status,
  };
}
