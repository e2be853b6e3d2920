/** A task as the planning rules and figures read it: a follow-up action names its dwelling and a severity. */
import type { ActionFacts } from '../../../core/planning/nextInspection';
import type { Task } from '../../../core/schemas/task';

/** The dwelling, severity and status of a task (null where the task carries none: a household's task). */
export function actionFacts(task: Task): ActionFacts {
  return { dwellingId: task.householdId ? null : (task.dwellingId ?? null), severity: task.severity ?? null, status: task.status };
}
