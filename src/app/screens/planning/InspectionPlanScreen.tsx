/**
 * The inspection plan at `/inspection-plan`, for administrators and the property unit's inspectors: the registry
 * filtered by area and due date (from the next-inspection rules), the dwellings to plan ticked, and one form that gives
 * them to an inspector on one day or spread over a range of weeks. Below, every open plan, to reschedule or reassign.
 * Works offline: plans are synced records, and the inspectors to choose from are kept from the last time online.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { latestTemplate } from '../../../core/checklist/templates';
import { formatDate } from '../../../core/format/formatDate';
import { isoWeekOf, mondayOfTypedWeek } from '../../../core/planning/dates';
import { lastDayOf } from '../../../core/planning/myInspections';
import { planInspections, type When } from '../../../core/planning/schedule';
import { norwegianDate } from '../../../core/privacy/consentState';
import { DWELLING_TEMPLATE_IDS, type ScheduledInspection } from '../../../core/schemas/scheduledInspection';
import { CheckboxChoices } from '../../components/CheckboxChoices';
import { FormField } from '../../components/FormField';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { deviceDb } from '../../store/deviceDb';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { areaOptions, useAreaName, useSettings } from '../../store/useSettings';
import { loadPlan, type PlanCandidate } from './loadPlan';
import { PlanLineItem } from './PlanLineItem';
import { DUE_REASON_TEXT, PLAN_TEXT } from './text';
import { inspectorName, useInspectors } from './useInspectors';
import '../../components/forms.css';
import '../../components/layout.css';
import './planning.css';

/** Rows drawn at once; "choose all" still takes every match. */
const SHOWN = 200;
/** Open plans drawn at once. */
const OPEN_SHOWN = 100;

type TemplateId = (typeof DWELLING_TEMPLATE_IDS)[number];

/** The screen. */
export default function InspectionPlanScreen() {
  const t = useText(PLAN_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const today = norwegianDate(new Date());
  const settings = useSettings();
  const areaLabel = useAreaName();
  const data = useQuery(() => loadPlan(today), [today]);
  const { inspectors, fresh } = useInspectors();
  const [area, setArea] = useState('');
  const [dueBefore, setDueBefore] = useState(() => {
    const asked = new URLSearchParams(location.search).get('forfaller') ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : '';
  });
  const [unplannedOnly, setUnplannedOnly] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [inspectorId, setInspectorId] = useState('');
  const [templateIds, setTemplateIds] = useState<TemplateId[]>(['dwelling-inspection']);
  const [by, setBy] = useState<'day' | 'weeks'>('day');
  const [day, setDay] = useState('');
  const thisWeek = isoWeekOf(today);
  const [weeks, setWeeks] = useState({ year: thisWeek.year, from: thisWeek.week, to: thisWeek.week });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  useEffect(() => {
    document.title = `${t('planTitle')} – Egnet`;
  }, []);

  const matches = useMemo(
    () =>
      (data?.candidates ?? []).filter(
        (c) => (!area || c.dwelling.area === area) && (!dueBefore || c.next.date === null || c.next.date < dueBefore) && (!unplannedOnly || !c.plannedId),
      ),
    [data, area, dueBefore, unplannedOnly],
  );
  const chosenShown = matches.filter((c) => chosen.has(c.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!chosenShown.length) problems.dwellings = t('chooseDwellings');
    if (!inspectorId) problems.inspector = t('chooseInspector');
    if (!templateIds.length) problems.checklists = t('chooseChecklist');
    let when: When | null = null;
    if (by === 'day') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(day)) when = { day };
      else problems.day = t('badDate');
    } else {
      const from = mondayOfTypedWeek({ year: weeks.year, week: weeks.from });
      const to = mondayOfTypedWeek({ year: weeks.year, week: weeks.to });
      if (from && to && from <= to) when = { from: { year: weeks.year, week: weeks.from }, to: { year: weeks.year, week: weeks.to } };
      else problems.weeks = t('badWeeks');
    }
    setErrors(problems);
    if (Object.keys(problems).length || !when) return;
    const plans = planInspections(chosenShown.map((c) => c.id), when, { inspectorId, templateIds, note: note.trim() || null }, new Date());
    try {
      const db = deviceDb();
      const store = repo<ScheduledInspection>('scheduledInspection');
      await db.transaction('rw', db.records, db.outbox, async () => {
        for (const p of plans) await store.create(p);
      });
      setStatus(t('planned', { n: plans.length, name: inspectorName(inspectorId, inspectors) ?? '' }));
      setChosen(new Set());
    } catch (err) {
      setStatus(t('notSaved', { reason: String(err) }));
    }
  };

  const row = (c: PlanCandidate) => (
    <li key={c.id} class="row-item" data-testid="plan-candidate">
      <label class="pl-choose ds-label" data-weight="regular">
        <input class="ds-input" type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} aria-label={t('chooseNamed', { address: c.dwelling.address })} />
        <span class="pl-main">
          <span>{c.dwelling.address}</span>
          <span class="pl-meta">
            <span>{areaLabel(c.dwelling.area)}</span>
            <span>·</span>
            <span>{c.next.date ? t('dueOn', { date: formatDate(c.next.date, lang) }) : t('neverInspected')}</span>
            {c.next.date && <span>({local(DUE_REASON_TEXT[c.next.reason])})</span>}
            {(c.state === 'overdue' || c.state === 'never') && <span class="ds-tag" data-color="danger">{t('lateTag')}</span>}
          </span>
        </span>
      </label>
    </li>
  );

  return (
    <section class="pl-screen" aria-labelledby="plan-title">
      <div class="titlebar">
        <h1 id="plan-title" class="ds-heading" data-size="md">{t('planTitle')}</h1>
        <a class="ds-button" data-variant="secondary" href="/my-inspections">{t('mineLink')}</a>
      </div>
      <p class="ds-paragraph">{t('planIntro')}</p>

      <form class="pl-form" onSubmit={(e) => void submit(e)} aria-labelledby="plan-title" noValidate>
        <section class="screen-section pl-form" aria-labelledby="plan-filter">
          <h2 id="plan-filter" class="ds-heading" data-size="sm">{t('filterTitle')}</h2>
          <div class="pl-inline">
            <FormField id="plan-area" label={t('area')}>
              {(a11y) => (
                <select class="ds-input" {...a11y} value={area} onChange={(e) => setArea(e.currentTarget.value)}>
                  <option value="">{t('allAreas')}</option>
                  {areaOptions(settings).map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
                </select>
              )}
            </FormField>
            <FormField id="plan-due-before" label={t('dueBefore')} hint={t('dueBeforeHint')}>
              {(a11y) => <input class="ds-input" type="date" {...a11y} value={dueBefore} onInput={(e) => setDueBefore(e.currentTarget.value)} />}
            </FormField>
          </div>
          <label class="ds-label form-choice" data-weight="regular">
            <input class="ds-input" type="checkbox" checked={unplannedOnly} onChange={(e) => setUnplannedOnly(e.currentTarget.checked)} />
            {t('unplannedOnly')}
          </label>
          {data === undefined ? (
            <p aria-busy="true">{t('loading')}</p>
          ) : (
            <>
              <div class="pl-actions">
                <span data-testid="plan-count" role="status">{t('matches', { n: matches.length })}, {t('chosen', { n: chosenShown.length })}</span>
                <button type="button" class="ds-button" data-variant="secondary" data-size="sm" onClick={() => setChosen(new Set(matches.map((c) => c.id)))}>{t('chooseAll')}</button>
                <button type="button" class="ds-button" data-variant="secondary" data-size="sm" onClick={() => setChosen(new Set())}>{t('chooseNone')}</button>
              </div>
              <ul class="row-list" id="plan-dwellings" tabIndex={-1}>{matches.slice(0, SHOWN).map(row)}</ul>
              {matches.length > SHOWN && <p class="ds-paragraph">{t('moreUpcoming', { n: matches.length - SHOWN })}</p>}
              {errors.dwellings && <p class="ds-validation-message">{errors.dwellings}</p>}
            </>
          )}
        </section>

        <section class="screen-section pl-form" aria-labelledby="plan-assign">
          <h2 id="plan-assign" class="ds-heading" data-size="sm">{t('assignTitle')}</h2>
          <FormField id="plan-inspector" label={t('inspector')} hint={fresh ? undefined : t('inspectorsOffline')} error={errors.inspector}>
            {(a11y) => (
              <select class="ds-input" {...a11y} value={inspectorId} onChange={(e) => setInspectorId(e.currentTarget.value)}>
                <option value="">{t('chooseInspector')}</option>
                {(inspectors ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            )}
          </FormField>
          <fieldset class="ds-fieldset form-field" aria-describedby={errors.checklists ? 'plan-checklists-error' : undefined}>
            <legend class="ds-label">{t('checklists')}</legend>
            <CheckboxChoices
              name="plan-checklists"
              options={DWELLING_TEMPLATE_IDS.map((id) => ({ value: id, label: local(latestTemplate(id)!.title) }))}
              selected={templateIds}
              onChange={(next) => setTemplateIds(next)}
            />
            {errors.checklists && <p class="ds-validation-message" id="plan-checklists-error">{errors.checklists}</p>}
          </fieldset>
          <fieldset class="ds-fieldset form-field">
            <legend class="ds-label">{t('when')}</legend>
            <div class="form-choices">
              <label class="ds-label form-choice" data-weight="regular">
                <input class="ds-input" type="radio" name="plan-by" checked={by === 'day'} onChange={() => setBy('day')} />
                {t('whenDay')}
              </label>
              <label class="ds-label form-choice" data-weight="regular">
                <input class="ds-input" type="radio" name="plan-by" checked={by === 'weeks'} onChange={() => setBy('weeks')} />
                {t('whenWeeks')}
              </label>
            </div>
          </fieldset>
          {by === 'day' ? (
            <FormField id="plan-day" label={t('day')} error={errors.day}>
              {(a11y) => <input class="ds-input" type="date" {...a11y} value={day} onInput={(e) => setDay(e.currentTarget.value)} />}
            </FormField>
          ) : (
            <div class="pl-inline">
              <FormField id="plan-year" label={t('year')}>
                {(a11y) => <input class="ds-input" type="number" inputMode="numeric" {...a11y} value={weeks.year} onInput={(e) => setWeeks({ ...weeks, year: Number(e.currentTarget.value) })} />}
              </FormField>
              <FormField id="plan-from-week" label={t('fromWeek')} error={errors.weeks}>
                {(a11y) => <input class="ds-input" type="number" inputMode="numeric" {...a11y} value={weeks.from} onInput={(e) => setWeeks({ ...weeks, from: Number(e.currentTarget.value) })} />}
              </FormField>
              <FormField id="plan-to-week" label={t('toWeek')}>
                {(a11y) => <input class="ds-input" type="number" inputMode="numeric" {...a11y} value={weeks.to} onInput={(e) => setWeeks({ ...weeks, to: Number(e.currentTarget.value) })} />}
              </FormField>
            </div>
          )}
          <FormField id="plan-note" label={t('note')}>
            {(a11y) => <textarea class="ds-input" rows={2} maxLength={1000} {...a11y} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </FormField>
          <button type="submit" class="ds-button" data-testid="plan-submit">
            {chosenShown.length === 1 ? t('planButtonOne') : t('planButton', { n: chosenShown.length })}
          </button>
          <p class="pl-status" role="status" data-testid="plan-status">{status}</p>
        </section>
      </form>

      <section class="screen-section" aria-labelledby="plan-open">
        <h2 id="plan-open" class="ds-heading" data-size="sm">{t('upcomingTitle', { n: data?.open.length ?? 0 })}</h2>
        {data && data.open.length === 0 && <p class="ds-paragraph">{t('noneUpcoming')}</p>}
        {data && data.open.length > 0 && (
          <ul class="row-list" data-testid="plan-open">
            {data.open.slice(0, OPEN_SHOWN).map((l) => (
              <PlanLineItem key={l.id} id={l.id} plan={l.data} address={data.addresses.get(l.data.dwellingId) ?? null} late={lastDayOf(l.data) < today} inspectors={inspectors} showInspector />
            ))}
          </ul>
        )}
        {data && data.open.length > OPEN_SHOWN && <p class="ds-paragraph">{t('moreUpcoming', { n: data.open.length - OPEN_SHOWN })}</p>}
      </section>
    </section>
  );
}
