/**
 * One planned inspection in a list: the dwelling (opening its page, where the checklists start), the day or week, the
 * checklists and the note; with a change form to reschedule, reassign or cancel it. Each change is an ordinary synced
 * edit of the plan's fields, so two people changing one plan meet the usual conflict review.
 */
import { useRef, useState } from 'preact/hooks';
import { latestTemplate } from '../../../core/checklist/templates';
import { formatDate } from '../../../core/format/formatDate';
import { isoWeekOf, mondayOfTypedWeek } from '../../../core/planning/dates';
import type { ScheduledInspection } from '../../../core/schemas/scheduledInspection';
import { FormField } from '../../components/FormField';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { PLAN_TEXT } from './text';
import { inspectorName, type Person } from './useInspectors';
import { whenText } from './whenText';
import '../../components/layout.css';
import './planning.css';

type Props = {
  id: string;
  plan: ScheduledInspection;
  address: string | null;
  /** Shown as a tag: the plan's last day has passed. */
  late?: boolean;
  doneOn?: string | null;
  /** Who may be chosen when reassigning; the name is shown when `showInspector`. */
  inspectors: Person[] | undefined;
  showInspector?: boolean;
};

/** The row. */
export function PlanLineItem({ id, plan, address, late, doneOn, inspectors, showInspector }: Props) {
  const t = useText(PLAN_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const changeButton = useRef<HTMLButtonElement>(null);
  const name = address ?? t('unknownDwelling');
  const checklists = plan.templateIds.map((tid) => {
    const tpl = latestTemplate(tid);
    return tpl ? local(tpl.title) : tid;
  });
  const close = (said: string) => {
    setEditing(false);
    setStatus(said);
    requestAnimationFrame(() => changeButton.current?.focus());
  };

  return (
    <li class={editing ? 'row-item pl-editing' : 'row-item'} data-testid="plan-row" data-id={id}>
      {editing ? (
        <ChangeForm id={id} plan={plan} name={name} inspectors={inspectors} onClose={close} />
      ) : (
        <>
          <div class="pl-main">
            <a class="ds-link" href={`/dwellings/${plan.dwellingId}`}>{name}</a>
            <span class="pl-meta">
              <span data-testid="plan-when">{whenText(plan, lang)}</span>
              <span>·</span>
              <span>{checklists.join(', ')}</span>
              {showInspector && (
                <>
                  <span>·</span>
                  <span>{inspectorName(plan.inspectorId, inspectors) ?? t('unknownInspector')}</span>
                </>
              )}
              {late && <span class="ds-tag" data-color="danger">{t('lateTag')}</span>}
              {doneOn && <span class="ds-tag" data-color="success">{t('doneOn', { date: formatDate(doneOn, lang) })}</span>}
            </span>
            {plan.note && <span>{plan.note}</span>}
          </div>
          {!doneOn && (
            <div class="pl-actions">
              <button
                ref={changeButton}
                type="button"
                class="ds-button"
                data-variant="secondary"
                data-size="sm"
                aria-label={t('changeNamed', { address: name })}
                onClick={() => setEditing(true)}
              >
                {t('change')}
              </button>
            </div>
          )}
        </>
      )}
      <span class="pl-status" role="status">{status}</span>
    </li>
  );
}

function ChangeForm({ id, plan, name, inspectors, onClose }: { id: string; plan: ScheduledInspection; name: string; inspectors: Person[] | undefined; onClose: (said: string) => void }) {
  const t = useText(PLAN_TEXT);
  const [byWeek, setByWeek] = useState(plan.byWeek);
  const [date, setDate] = useState(plan.date);
  const [week, setWeek] = useState(() => isoWeekOf(plan.date));
  const [inspectorId, setInspectorId] = useState(plan.inspectorId);
  const [error, setError] = useState('');
  const listed: Person[] = [...(inspectors ?? [])];
  if (!listed.some((p) => p.id === plan.inspectorId)) listed.push({ id: plan.inspectorId, name: inspectorName(plan.inspectorId, inspectors) ?? t('unknownInspector') });
  const prefix = `plan-${id}`;

  const save = async (e: Event) => {
    e.preventDefault();
    const newDate = byWeek ? mondayOfTypedWeek(week) : date;
    if (!newDate) return setError(byWeek ? t('badWeeks') : t('badDate'));
    try {
      const patch: Partial<ScheduledInspection> = {};
      if (newDate !== plan.date) patch.date = newDate;
      if (byWeek !== plan.byWeek) patch.byWeek = byWeek;
      if (inspectorId !== plan.inspectorId) patch.inspectorId = inspectorId;
      if (Object.keys(patch).length) await repo<ScheduledInspection>('scheduledInspection').put(id, patch);
      onClose(t('saved'));
    } catch (err) {
      setError(t('notSaved', { reason: String(err) }));
    }
  };
  const cancelPlan = async () => {
    try {
      await repo<ScheduledInspection>('scheduledInspection').put(id, { status: 'cancelled' });
      onClose(t('cancelled', { address: name }));
    } catch (err) {
      setError(t('notSaved', { reason: String(err) }));
    }
  };

  return (
    <form class="pl-form" onSubmit={(e) => void save(e)} aria-label={t('changeNamed', { address: name })}>
      <strong>{name}</strong>
      <FormField id={`${prefix}-inspector`} label={t('inspector')}>
        {(a11y) => (
          <select class="ds-input" {...a11y} value={inspectorId} onChange={(e) => setInspectorId(e.currentTarget.value)}>
            {listed.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset class="ds-fieldset form-field">
        <legend class="ds-label">{t('when')}</legend>
        <div class="form-choices">
          <label class="ds-label form-choice" data-weight="regular">
            <input class="ds-input" type="radio" name={`${prefix}-by`} checked={!byWeek} onChange={() => setByWeek(false)} />
            {t('whenDay')}
          </label>
          <label class="ds-label form-choice" data-weight="regular">
            <input class="ds-input" type="radio" name={`${prefix}-by`} checked={byWeek} onChange={() => setByWeek(true)} />
            {t('whenWeek')}
          </label>
        </div>
      </fieldset>
      {byWeek ? (
        <div class="pl-inline">
          <FormField id={`${prefix}-year`} label={t('year')}>
            {(a11y) => <input class="ds-input" type="number" inputMode="numeric" {...a11y} value={week.year} onInput={(e) => setWeek({ ...week, year: Number(e.currentTarget.value) })} />}
          </FormField>
          <FormField id={`${prefix}-week`} label={t('week')}>
            {(a11y) => <input class="ds-input" type="number" inputMode="numeric" {...a11y} value={week.week} onInput={(e) => setWeek({ ...week, week: Number(e.currentTarget.value) })} />}
          </FormField>
        </div>
      ) : (
        <FormField id={`${prefix}-date`} label={t('day')}>
          {(a11y) => <input class="ds-input" type="date" {...a11y} value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
        </FormField>
      )}
      {error && <p class="ds-validation-message" role="alert">{error}</p>}
      <div class="pl-actions">
        <button type="submit" class="ds-button" data-size="sm">{t('save')}</button>
        <button type="button" class="ds-button" data-variant="secondary" data-size="sm" onClick={() => onClose('')}>{t('cancelEdit')}</button>
        <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" data-color="danger" onClick={() => void cancelPlan()}>{t('cancelPlan')}</button>
      </div>
    </form>
  );
}
