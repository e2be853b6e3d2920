/** The fields an edit of a task actually changes, so the op sends only those and does not overwrite a colleague's. */
import type { Task } from '../../../core/schemas/task';

/**
 * The patch from `before` to `after`, with `doneAt` following the status: set now when it becomes done, cleared when
 * it is opened again, kept when the status stays. Empty when nothing changed.
 */
export function taskChanges(before: Task, after: Task, now: Date): Partial<Task> {
  const next: Task = { ...after };
  if (after.status === before.status) next.doneAt = before.doneAt ?? null;
  else next.doneAt = after.status === 'done' ? now.toISOString() : null;
  const patch: Partial<Task> = {};
  for (const key of Object.keys(next) as (keyof Task)[]) {
    if ((before[key] ?? null) !== (next[key] ?? null)) (patch as Record<string, unknown>)[key] = next[key] ?? null;
  }
  return patch;
}
