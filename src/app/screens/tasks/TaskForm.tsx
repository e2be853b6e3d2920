/** A new task: what, which unit owns it, by when, and (optionally) which household it is about. */
import { useState } from 'preact/hooks';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { OWNER_UNIT_LABELS, OWNER_UNITS } from '../../../core/schemas/ownerUnit';
import { taskSchema, type Task } from '../../../core/schemas/task';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { TASK_TEXT } from './text';
import './tasks.css';

type Field = 'title' | 'ownerUnit' | 'householdId' | 'dueDate';
const FIELDS: Field[] = ['title', 'ownerUnit', 'householdId', 'dueDate'];

const inTwoWeeks = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + 14 * 86_400_000));

type Props = {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  /** A fixed household (a visit's); otherwise the person picks one of `households` or none. */
  householdId?: string;
  households?: { id: string; name: string }[];
  /** The visit where the task was agreed. */
  sourceVisitId?: string;
};

/** The form; the task is saved on the device with its outbox op and the form clears for the next one. */
export function TaskForm({ idPrefix, householdId, households = [], sourceVisitId }: Props) {
  const t = useText(TASK_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const [title, setTitle] = useState('');
  const [ownerUnit, setOwnerUnit] = useState<string>('nav');
  const [chosenHousehold, setChosenHousehold] = useState('');
  const [dueDate, setDueDate] = useState(inTwoWeeks);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');

  const add = async (e: Event) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const candidate = {
      title: title.trim(),
      ownerUnit,
      householdId: householdId ?? (chosenHousehold || null),
      dueDate,
      status: 'open',
      doneAt: null,
      sourceVisitId: sourceVisitId ?? null,
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
      await repo<Task>('task').create(parsed.data);
      setStatus(t('added', { title: parsed.data.title }));
      setTitle('');
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setStatus(t('notSaved', { reason: text ? local(text) : String(err) }));
    }
  };

  const id = (f: Field) => `${idPrefix}-${f}`;
  const labels: Record<Field, string> = { title: t('taskTitle'), ownerUnit: t('ownerUnit'), householdId: t('household'), dueDate: t('dueDate') };

  return (
    <form class="tk-form" onSubmit={add} noValidate>
      <ErrorSummary title={t('formErrors')} errors={FIELDS.filter((f) => errors[f]).map((f) => ({ targetId: id(f), message: `${labels[f]}: ${errors[f]}` }))} attempt={attempt} />
      <FormField id={id('title')} label={t('taskTitle')} hint={t('taskTitleHint')} error={errors.title}>
        {(a11y) => <input class="ds-input" type="text" autoComplete="off" value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...a11y} />}
      </FormField>
      <div class="tk-row">
        <FormField id={id('ownerUnit')} label={t('ownerUnit')} error={errors.ownerUnit}>
          {(a11y) => (
            <select class="ds-input" value={ownerUnit} onChange={(e) => setOwnerUnit(e.currentTarget.value)} {...a11y}>
              {OWNER_UNITS.map((u) => <option key={u} value={u}>{local(OWNER_UNIT_LABELS[u])}</option>)}
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
              {households.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
            </select>
          )}
        </FormField>
      )}
      <button type="submit" class="ds-button" data-variant="secondary">{t('add')}</button>
      <p class="tk-status" role="status">{status}</p>
    </form>
  );
}
