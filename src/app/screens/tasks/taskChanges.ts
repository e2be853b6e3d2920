/** The fields an edit of a task actually changes, so the op sends only those and does not overwrite a colleague's. */
import type { Task } from '../../../core/schemas/task';
import { fieldChanges } from '../../store/fieldChanges';

/**
 * The patch from `before` to `after`, with `doneAt` following the status: set now when it becomes done, cleared when
 * it is opened again, kept when the status stays. Empty when nothing changed.
 */
export function taskChanges(before: Task, after: Task, now: Date): Partial<Task> {
  const doneAt = after.status === before.status ? (before.doneAt ?? null) : after.status === 'done' ? now.toISOString() : null;
  return fieldChanges(before, { ...after, doneAt });
}
