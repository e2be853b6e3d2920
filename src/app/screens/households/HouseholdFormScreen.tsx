/** Create or edit a household: minimal data, each field marked with who may see it, checked with the core schema. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Dwelling } from '../../../core/schemas/dwelling';
import { ACCESSIBILITY_NEEDS, type Household } from '../../../core/schemas/household';
import { AreaChoices } from '../../components/AreaChoices';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CounsellorPicker } from './CounsellorPicker';
import { FormField } from '../../components/FormField';
import { SearchPicker } from '../../components/SearchPicker';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import {
  HOUSEHOLD_FORM_FIELDS,
  changedHouseholdFields,
  emptyHouseholdForm,
  formToHousehold,
  householdToForm,
  type HouseholdFormErrors,
  type HouseholdFormField,
  type HouseholdFormValues,
} from './householdForm';
import { HOUSEHOLD_TEXT } from './text';
import { VisibilityTag } from './VisibilityTag';
import './households.css';
import { useAreaName } from '../../store/useSettings';

/** Which household field decides the visibility shown next to each form field. */
const SCHEMA_FIELD: Record<HouseholdFormField, keyof Household> = {
  displayName: 'displayName', adults: 'adults', childBirthYears: 'childBirthYears', languageNeeds: 'languageNeeds',
  dwellingId: 'dwellingId', priorityFamily: 'priorityFamily', accessibility: 'needs', preferredAreas: 'needs', neededBy: 'needs', notes: 'notes',
  counsellorIds: 'counsellorIds',
};

/** The form at `/households/new` and `/households/:id/edit`. */
export default function HouseholdFormScreen({ id }: { id?: string }) {
  const t = useText(HOUSEHOLD_TEXT);
  const areaName = useAreaName();
  const lang = useLanguage();
  const local = useLocal();
  const { route } = useLocation();
  const me = getSession()?.user;
  const households = useMemo(() => repo<Household>('household'), []);
  const stored = useQuery(() => (id ? households.get(id).then((r) => r ?? null) : null), [id]);
  const dwellings = useQuery(() => repo<Dwelling>('dwelling').list(), []);
  const [values, setValues] = useState<HouseholdFormValues | null>(null);
  const [errors, setErrors] = useState<HouseholdFormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (values || (id && stored === undefined)) return;
    // A new household is the creating counsellor's own: the server refuses one that would be nobody's they follow.
    setValues(stored ? householdToForm(stored.data) : emptyHouseholdForm(me?.roles.includes('counsellor') ? [me.id] : []));
  }, [stored, id, values]);

  if (id && stored === null) return <section class="hh-screen"><h1 class="ds-heading" data-size="md">{t('notFound')}</h1></section>;
  if (!values) return <p aria-busy="true">{t('loading')}</p>;

  const set = <F extends HouseholdFormField>(field: F, value: HouseholdFormValues[F]) => {
    setValues({ ...values, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    const result = formToHousehold(values, stored?.data ?? { consent: null }, lang);
    setAttempt((n) => n + 1);
    const mustFollow = !id && !!me && !me.roles.includes('admin') && !values.counsellorIds.includes(me.id);
    if (!result.ok || mustFollow) return setErrors({ ...(result.ok ? {} : result.errors), ...(mustFollow ? { counsellorIds: t('mustFollowNew') } : {}) });
    setErrors({});
    try {
      let target = id;
      if (!id) target = await households.create(result.household);
      else if (stored) {
        const patch = changedHouseholdFields(stored.data, result.household);
        if (Object.keys(patch).length) await households.put(id, patch);
      }
      route(`/households/${target}`);
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setProblem(t('notSaved', { reason: text ? local(text) : String(err) }));
    }
  };

  const fieldId = (f: HouseholdFormField) => `household-${f}`;
  const label = (f: HouseholdFormField, key: keyof typeof HOUSEHOLD_TEXT, optional = false) => (
    <span class="hh-label">
      {t(key)}{optional && <span class="form-optional"> ({t('optional')})</span>}
      <VisibilityTag field={SCHEMA_FIELD[f]} />
    </span>
  );
  const LABEL_KEY: Record<HouseholdFormField, keyof typeof HOUSEHOLD_TEXT> = {
    displayName: 'displayName', adults: 'adults', childBirthYears: 'childBirthYears', languageNeeds: 'languageNeeds', dwellingId: 'dwelling',
    priorityFamily: 'priorityFamily', accessibility: 'accessibility', preferredAreas: 'preferredAreas', neededBy: 'neededBy', notes: 'notes',
    counsellorIds: 'counsellors',
  };
  const summary = HOUSEHOLD_FORM_FIELDS.filter((f) => errors[f]).map((f) => ({ targetId: fieldId(f), message: `${t(LABEL_KEY[f])}: ${errors[f]}` }));
  const input = (f: Exclude<HouseholdFormField, 'preferredAreas' | 'counsellorIds'>, extra: Record<string, unknown> = {}) => (a11y: Record<string, unknown>) => (
    <input class="ds-input" type="text" value={values[f]} onInput={(e) => set(f, e.currentTarget.value)} {...a11y} {...extra} />
  );
  const dwellingOptions = (dwellings ?? [])
    .slice()
    .sort((a, b) => a.data.address.localeCompare(b.data.address, 'nb'))
    .map((d) => ({ value: d.id, label: `${d.data.address}, ${areaName(d.data.area)}`, searchText: `${d.data.address} ${areaName(d.data.area)} ${d.data.gnr}/${d.data.bnr}` }));

  return (
    <section class="hh-screen">
      <form class="hh-form" onSubmit={save} noValidate>
        <h1 class="ds-heading" data-size="md">{stored ? t('editTitle', { name: stored.data.displayName }) : t('newTitle')}</h1>
        <ErrorSummary title={t('formErrors')} errors={summary} attempt={attempt} />
        <FormField id={fieldId('displayName')} label={label('displayName', 'displayName')} hint={t('displayNameHint')} error={errors.displayName}>
          {input('displayName', { autoComplete: 'off' })}
        </FormField>
        <div class="hh-row">
          <FormField id={fieldId('adults')} label={label('adults', 'adults')} error={errors.adults}>
            {input('adults', { inputMode: 'numeric', autoComplete: 'off' })}
          </FormField>
          <FormField id={fieldId('childBirthYears')} label={label('childBirthYears', 'childBirthYears')} hint={t('childBirthYearsHint')} error={errors.childBirthYears}>
            {input('childBirthYears', { inputMode: 'numeric', autoComplete: 'off' })}
          </FormField>
        </div>
        <FormField id={fieldId('languageNeeds')} label={label('languageNeeds', 'languageNeeds', true)} hint={t('languageNeedsHint')} error={errors.languageNeeds}>
          {input('languageNeeds', { autoComplete: 'off' })}
        </FormField>
        <FormField id={fieldId('dwellingId')} label={label('dwellingId', 'dwelling', true)} error={errors.dwellingId}>
          {(a11y) => <SearchPicker a11y={a11y} options={dwellingOptions} value={values.dwellingId} onChange={(v) => set('dwellingId', v)} none={t('dwellingNone')} />}
        </FormField>
        <ChoiceField
          id={fieldId('priorityFamily')}
          name="priorityFamily"
          legend={t('priorityFamily')}
          hint={t('priorityFamilyHint')}
          options={[{ value: 'yes', label: t('yes') }, { value: 'no', label: t('no') }]}
          value={values.priorityFamily}
          onChange={(v) => set('priorityFamily', v)}
          error={errors.priorityFamily}
        />
        <fieldset class="ds-fieldset hh-fieldset">
          <legend class="ds-label hh-label">{t('needs')} <VisibilityTag field="needs" /></legend>
          <FormField id={fieldId('accessibility')} label={t('accessibility')} error={errors.accessibility}>
            {(a11y) => (
              <select class="ds-input" value={values.accessibility} onChange={(e) => set('accessibility', e.currentTarget.value)} {...a11y}>
                {ACCESSIBILITY_NEEDS.map((a) => <option key={a} value={a}>{t(`access_${a}`)}</option>)}
              </select>
            )}
          </FormField>
          <fieldset class="ds-fieldset form-field" id={fieldId('preferredAreas')} tabIndex={-1}>
            <legend class="ds-label">{t('preferredAreas')} <span class="form-optional">({t('optional')})</span></legend>
            <AreaChoices selected={values.preferredAreas} onChange={(next) => set('preferredAreas', next)} />
            {errors.preferredAreas && <p class="ds-validation-message">{errors.preferredAreas}</p>}
          </fieldset>
          <FormField id={fieldId('neededBy')} label={<>{t('neededBy')} <span class="form-optional">({t('optional')})</span></>} error={errors.neededBy}>
            {input('neededBy', { type: 'date' })}
          </FormField>
        </fieldset>
        <FormField id={fieldId('notes')} label={label('notes', 'notes', true)} hint={t('notesHint')} error={errors.notes}>
          {(a11y) => <textarea class="ds-input" rows={4} value={values.notes} onInput={(e) => set('notes', e.currentTarget.value)} {...a11y} />}
        </FormField>
        <CounsellorPicker id={fieldId('counsellorIds')} value={values.counsellorIds} onChange={(ids) => set('counsellorIds', ids)} error={errors.counsellorIds} />
        {problem && <div class="ds-alert" data-color="danger" role="alert"><p>{problem}</p></div>}
        <div class="hh-actions">
          <button type="submit" class="ds-button" data-variant="primary">{t('save')}</button>
          <a class="ds-button" data-variant="tertiary" href={id ? `/households/${id}` : '/households'}>{t('cancel')}</a>
        </div>
      </form>
    </section>
  );
}
