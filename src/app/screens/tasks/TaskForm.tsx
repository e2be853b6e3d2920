/** A task's form: what, which unit owns it, by when, (optionally) which household it is about, and when editing, its status. */
import { useEffect, useState } from 'preact/hooks';
import { norwegianDate } from '../../../core/privacy/consentState';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { taskSchema, type Task } from '../../../core/schemas/task';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { taskChanges } from './taskChanges';
import { TASK_TEXT } from './text';
import './tasks.css';
import { unitOptions, useSettings } from '../../store/useSettings';

type Field = 'title' | 'ownerUnit' | 'householdId' | 'dueDate' | 'status';
const FIELDS: Field[] = ['title', 'ownerUnit', 'householdId', 'dueDate', 'status'];

const inTwoWeeks = () => norwegianDate(new Date(Date.now() + 14 * 86_400_000));

type Props = {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  /** A fixed household (a visit's); otherwise the person picks one of `households` or none. */
  householdId?: string;
  households?: { id: string; name: string }[];
  /** The visit where the task was agreed. */
  sourceVisitId?: string;
  /** The task to correct; without it the form makes a new one. */
  task?: { id: string; data: Task };
  /** Called when an edit is saved (with what to tell the person) or left without saving (no text). */
  onClose?: (said?: string) => void;
};

/**
 * The form. A new task is saved on the device with its outbox op and the form clears for the next one; an edit sends
 * only the fields that changed, so a colleague's change to another field is not overwritten.
 */
export function TaskForm({ idPrefix, householdId, households = [], sourceVisitId, task, onClose }: Props) {
  const t = useText(TASK_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const settings = useSettings();
  const [title, setTitle] = useState(task?.data.title ?? '');
  const [chosenUnit, setOwnerUnit] = useState<string>(task?.data.ownerUnit ?? '');
  // Until one is chosen, the first of the municipality's units.
  const ownerUnit = chosenUnit || settings?.units[0]?.id || '';
  const [chosenHousehold, setChosenHousehold] = useState(task?.data.householdId ?? '');
  const [dueDate, setDueDate] = useState(task?.data.dueDate ?? inTwoWeeks);
  const [status, setStatus] = useState<string>(task?.data.status ?? 'open');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [said, setSaid] = useState('');
  const id = (f: Field) => `${idPrefix}-${f}`;

  // Opening the edit form puts the person in its first field.
  useEffect(() => {
    if (task) document.getElementById(id('title'))?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const candidate = {
      title: title.trim(),
      ownerUnit,
      householdId: householdId ?? (chosenHousehold || null),
      dueDate,
      status,
      doneAt: task?.data.doneAt ?? null,
      sourceVisitId: task ? (task.data.sourceVisitId ?? null) : (sourceVisitId ?? null),
    };
    const parsed = taskSchema.safeParse(candidate);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of formatIssues(parsed.error.issues, lang)) {
        const f = issue.path.split('.')[0] as Field;
        if (!found[f]) found[f] = issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      if (task) {
        const patch = taskChanges(task.data, parsed.data, new Date());
        if (Object.keys(patch).length > 0) await repo<Task>('task').put(task.id, patch);
        onClose?.(Object.keys(patch).length > 0 ? t('changed', { title: parsed.data.title }) : t('unchanged', { title: parsed.data.title }));
        return;
      }
      await repo<Task>('task').create(parsed.data);
      setSaid(t('added', { title: parsed.data.title }));
      setTitle('');
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setSaid(t('notSaved', { reason: text ? local(text) : String(err) }));
    }
  };

  const labels: Record<Field, string> = {
    title: t('taskTitle'),
    ownerUnit: t('ownerUnit'),
    householdId: t('household'),
    dueDate: t('dueDate'),
    status: t('status'),
  };
  // A task about a household this person cannot pick from (not on the device) keeps it.
  const options = task?.data.householdId && !households.some((h) => h.id === task.data.householdId)
    ? [...households, { id: task.data.householdId, name: t('householdHidden') }]
    : households;

  return (
    <form
      class="tk-form"
      onSubmit={submit}
      noValidate
      aria-label={task ? t('editTaskNamed', { title: task.data.title }) : undefined}
      onKeyDown={(e) => {
        if (task && e.key === 'Escape') onClose?.();
      }}
    >
      <ErrorSummary title={t('formErrors')} errors={FIELDS.filter((f) => errors[f]).map((f) => ({ targetId: id(f), message: `${labels[f]}: ${errors[f]}` }))} attempt={attempt} />
      <FormField id={id('title')} label={t('taskTitle')} hint={t('taskTitleHint')} error={errors.title}>
        {(a11y) => <input class="ds-input" type="text" autoComplete="off" value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...a11y} />}
      </FormField>
      <div class="tk-row">
        <FormField id={id('ownerUnit')} label={t('ownerUnit')} error={errors.ownerUnit}>
          {(a11y) => (
            <select class="ds-input" value={ownerUnit} onChange={(e) => setOwnerUnit(e.currentTarget.value)} {...a11y}>
              {unitOptions(settings, lang, [ownerUnit]).map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
            </select>
          )}
        </FormField>
        <FormField id={id('dueDate')} label={t('dueDate')} error={errors.dueDate}>
          {(a11y) => <input class="ds-input" type="date" value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} {...a11y} />}
        </FormField>
      </div>
      {!householdId && (
        <FormField id={id('householdId')} label={<>{t('household')} <span class="form-optional">({t('optional')})</span></>} error={errors.householdId}>
          {(a11y) => (
            <select class="ds-input" value={chosenHousehold} onChange={(e) => setChosenHousehold(e.currentTarget.value)} {...a11y}>
              <option value="">{t('noHousehold')}</option>
              {options.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
            </select>
          )}
        </FormField>
      )}
      {task && (
        <ChoiceField
          id={id('status')}
          name={id('status')}
          legend={t('status')}
          options={[{ value: 'open', label: t('open') }, { value: 'done', label: t('done') }]}
          value={status}
          onChange={setStatus}
          error={errors.status}
        />
      )}
      {task ? (
        <div class="tk-actions">
          <button type="submit" class="ds-button" data-variant="primary">{t('saveChanges')}</button>
          <button type="button" class="ds-button" data-variant="tertiary" onClick={() => onClose?.()}>{t('cancelEdit')}</button>
        </div>
      ) : (
        <button type="submit" class="ds-button" data-variant="secondary">{t('add')}</button>
      )}
      {!task && <p class="tk-status" role="status">{said}</p>}
      {task && said && <p class="tk-status" role="alert">{said}</p>}
    </form>
  );
}
