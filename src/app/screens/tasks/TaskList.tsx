/**
 * Tasks as rows, wherever they are listed (the task list, a household, a home visit's agreed actions): the same row,
 * the same correction form, and the same removal with undo, offered to the same people.
 */
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Task } from '../../../core/schemas/task';
import { UndoToast, type ToastMessage } from '../../components/UndoToast';
import { useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { removeUndoably } from '../../store/removeUndoably';
import { TaskRowItem } from './TaskRowItem';
import { TASK_TEXT } from './text';
import { useTaskHouseholds } from './useTaskHouseholds';
import '../../components/layout.css';
import './tasks.css';

type Props = {
  /** The tasks to show; they are shown by due date, then title. */
  tasks: readonly { id: string; data: Task }[];
  /** Where focus goes when the undo toast closes with focus in it (its button is gone); needs tabIndex -1. */
  heading: RefObject<HTMLElement | null>;
  /** For tests: marks the list. */
  testId?: string;
};

/**
 * The rows and the undo toast. The toast stays in the page even when the list is empty (it is a live region, and the
 * last task may just have been removed); the caller says what an empty list means where it is shown.
 */
export function TaskList({ tasks, heading, testId }: Props) {
  const t = useText(TASK_TEXT);
  const local = useLocal();
  const roles = getSession()?.user.roles ?? [];
  const { names, own } = useTaskHouseholds();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const today = norwegianDate(new Date());
  const ownIds = new Set(own.map((h) => h.id));
  // As the server decides: administrators, and counsellors for tasks without a household or of one they follow.
  const mayEdit = (task: Task) =>
    roles.includes('admin') || (roles.includes('counsellor') && (!task.householdId || ownIds.has(task.householdId)));
  const sorted = tasks.slice().sort((a, b) => a.data.dueDate.localeCompare(b.data.dueDate) || a.data.title.localeCompare(b.data.title, 'nb'));

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
    <>
      {sorted.length > 0 && (
        <ul class="row-list" data-testid={testId}>
          {sorted.map((r) => (
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
      <UndoToast message={toast} onClose={() => setToast(null)} returnFocus={() => heading.current?.focus()} />
    </>
  );
}
