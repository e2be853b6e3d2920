/** Create or edit a dwelling: checked with the core schema, each error next to its field and listed at the top. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { DWELLING_TYPE_LABELS, DWELLING_TYPES, OWNERSHIP_LABELS, OWNERSHIPS, type Dwelling } from '../../../core/schemas/dwelling';
import { LEASE_TYPE_LABELS, LEASE_TYPES } from '../../../core/schemas/lease';
import { areaOptions, useSettings } from '../../store/useSettings';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import {
  DWELLING_FIELDS,
  changedFields,
  dwellingToForm,
  emptyDwellingForm,
  formToDwelling,
  type DwellingField,
  type DwellingFormErrors,
  type DwellingFormValues,
} from './dwellingForm';
import { RegistryLayout } from './RegistryLayout';
import { DWELLING_TEXT } from './text';
import './dwellings.css';

/** The label of each field, as the error summary names it. */
const LABEL_KEY: Record<DwellingField, keyof typeof DWELLING_TEXT> = {
  address: 'address', postcode: 'postcode', area: 'area', gnr: 'gnr', bnr: 'bnr', snr: 'snr', type: 'type', floor: 'floor',
  hasLift: 'hasLift', areaM2: 'areaM2', rooms: 'rooms', approvedBedrooms: 'approvedBedrooms', leaseType: 'leaseType',
  leaseYears: 'leaseYears', vacant: 'occupancyFact', vacantFrom: 'vacantFrom', ownership: 'ownership',
  wheelchairAccessible: 'wheelchairAccessible', notes: 'notes',
};

const draftKey = (id: string | undefined) => `egnet.dwellingDraft.${id ?? 'new'}`;

function readDraft(id: string | undefined): DwellingFormValues | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    return raw ? { ...emptyDwellingForm(), ...(JSON.parse(raw) as Partial<DwellingFormValues>) } : null;
  } catch {
    return null;
  }
}

/** The dwelling form at `/dwellings/new` and `/dwellings/:id/edit`. What is typed is kept on the device until saved. */
export default function DwellingFormScreen({ id }: { id?: string }) {
  const t = useText(DWELLING_TEXT);
  const lang = useLanguage();
  const settings = useSettings();
  const local = useLocal();
  const { route } = useLocation();
  const dwellings = useMemo(() => repo<Dwelling>('dwelling'), []);
  const stored = useQuery(() => (id ? dwellings.get(id).then((r) => r ?? null) : null), [id]);
  const [values, setValues] = useState<DwellingFormValues | null>(null);
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<DwellingFormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);

  // Fill the form once: from an unsaved draft when there is one, else from the stored dwelling.
  useEffect(() => {
    if (values || (id && stored === undefined)) return;
    const draft = readDraft(id);
    if (draft) setRestored(true);
    setValues(draft ?? (stored ? dwellingToForm(stored.data, lang) : emptyDwellingForm()));
  }, [stored, id, values, lang]);

  if (id && stored === null) return <RegistryLayout selectedId={id}><p>{t('notFound')}</p></RegistryLayout>;
  if (!values) return <RegistryLayout selectedId={id}><p aria-busy="true">{t('loading')}</p></RegistryLayout>;

  const set = (field: DwellingField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    try {
      localStorage.setItem(draftKey(id), JSON.stringify(next));
    } catch {
      /* storage full or private mode: the form still works, it just is not kept across a reload */
    }
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setSaveProblem(null);
    const result = formToDwelling(values, lang);
    setAttempt((n) => n + 1);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    try {
      let target = id;
      if (!id) target = await dwellings.create(result.dwelling);
      else if (stored) {
        const patch = changedFields(stored.data, result.dwelling);
        if (Object.keys(patch).length) await dwellings.put(id, patch);
      }
      localStorage.removeItem(draftKey(id));
      route(`/dwellings/${target}`);
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setSaveProblem(text ? local(text) : String(err));
    }
  };

  const cancel = () => {
    localStorage.removeItem(draftKey(id));
    route(id ? `/dwellings/${id}` : '/dwellings');
  };

  const fieldId = (f: DwellingField) => `dwelling-${f}`;
  const summary = DWELLING_FIELDS.filter((f) => errors[f]).map((f) => ({ targetId: fieldId(f), message: `${t(LABEL_KEY[f])}: ${errors[f]}` }));
  const text = (f: DwellingField, extra: Record<string, unknown> = {}) => (a11y: Record<string, unknown>) => (
    <input class="ds-input" type="text" value={values[f]} onInput={(e) => set(f, e.currentTarget.value)} {...a11y} {...extra} />
  );
  const number = (f: DwellingField, decimal = false) => text(f, { inputMode: decimal ? 'decimal' : 'numeric', autoComplete: 'off' });
  const select = (f: DwellingField, options: { value: string; label: string }[]) => (a11y: Record<string, unknown>) => (
    <select class="ds-input" value={values[f]} onChange={(e) => set(f, e.currentTarget.value)} {...a11y}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
  const yesNo = [{ value: 'yes', label: t('yes') }, { value: 'no', label: t('no') }];
  const optional = (label: string) => <>{label} <span class="form-optional">({t('optional')})</span></>;

  return (
    <RegistryLayout selectedId={id}>
      <form class="dw-form" onSubmit={save} noValidate>
        <h1 class="ds-heading" data-size="md">{id && stored ? t('editTitle', { address: stored.data.address }) : t('newTitle')}</h1>
        {restored && (
          <div class="ds-alert" data-color="info" role="status">
            <p>{t('draftRestored')}</p>
            <button type="button" class="ds-button" data-variant="tertiary" onClick={() => {
              localStorage.removeItem(draftKey(id));
              setRestored(false);
              setValues(stored ? dwellingToForm(stored.data, lang) : emptyDwellingForm());
            }}>{t('discardDraft')}</button>
          </div>
        )}
        <ErrorSummary title={t('formErrors')} errors={summary} attempt={attempt} />
        <FormField id={fieldId('address')} label={t('address')} error={errors.address}>{text('address', { autoComplete: 'off' })}</FormField>
        <div class="dw-row">
          <FormField id={fieldId('postcode')} label={t('postcode')} error={errors.postcode}>{text('postcode', { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' })}</FormField>
          <FormField id={fieldId('area')} label={t('area')} error={errors.area}>
            {select('area', [{ value: '', label: '–' }, ...areaOptions(settings, [values.area])])}
          </FormField>
        </div>
        <div class="dw-row">
          <FormField id={fieldId('gnr')} label={t('gnr')} error={errors.gnr}>{number('gnr')}</FormField>
          <FormField id={fieldId('bnr')} label={t('bnr')} error={errors.bnr}>{number('bnr')}</FormField>
          <FormField id={fieldId('snr')} label={optional(t('snr'))} error={errors.snr}>{number('snr')}</FormField>
        </div>
        <FormField id={fieldId('type')} label={t('type')} error={errors.type}>
          {select('type', DWELLING_TYPES.map((v) => ({ value: v, label: local(DWELLING_TYPE_LABELS[v]) })))}
        </FormField>
        <div class="dw-row">
          <FormField id={fieldId('floor')} label={t('floor')} hint={t('floorHint')} error={errors.floor}>{number('floor')}</FormField>
          <ChoiceField id={fieldId('hasLift')} name="hasLift" legend={t('hasLift')} options={yesNo} value={values.hasLift} onChange={(v) => set('hasLift', v)} error={errors.hasLift} />
        </div>
        <div class="dw-row">
          <FormField id={fieldId('areaM2')} label={`${t('areaM2')} (m²)`} error={errors.areaM2}>{number('areaM2', true)}</FormField>
          <FormField id={fieldId('rooms')} label={t('rooms')} error={errors.rooms}>{number('rooms')}</FormField>
          <FormField id={fieldId('approvedBedrooms')} label={t('approvedBedrooms')} error={errors.approvedBedrooms}>{number('approvedBedrooms')}</FormField>
        </div>
        <ChoiceField
          id={fieldId('leaseType')}
          name="leaseType"
          legend={t('leaseType')}
          options={LEASE_TYPES.map((v) => ({ value: v, label: local(LEASE_TYPE_LABELS[v]) }))}
          value={values.leaseType}
          onChange={(v) => set('leaseType', v)}
          error={errors.leaseType}
        />
        {values.leaseType === 'fixed' && (
          <FormField id={fieldId('leaseYears')} label={`${t('leaseYears')} (${t('years')})`} error={errors.leaseYears}>{number('leaseYears')}</FormField>
        )}
        <ChoiceField id={fieldId('vacant')} name="vacant" legend={t('occupancyFact')} options={[{ value: 'yes', label: t('vacant') }, { value: 'no', label: t('let') }]} value={values.vacant} onChange={(v) => set('vacant', v)} error={errors.vacant} />
        {values.vacant === 'no' && (
          <FormField id={fieldId('vacantFrom')} label={optional(t('vacantFrom'))} error={errors.vacantFrom}>
            {(a11y) => <input class="ds-input" type="date" value={values.vacantFrom} onChange={(e) => set('vacantFrom', e.currentTarget.value)} {...a11y} />}
          </FormField>
        )}
        <FormField id={fieldId('ownership')} label={optional(t('ownership'))} hint={t('ownershipHint')} error={errors.ownership}>
          {select('ownership', [{ value: '', label: t('notRecorded') }, ...OWNERSHIPS.map((v) => ({ value: v, label: local(OWNERSHIP_LABELS[v]) }))])}
        </FormField>
        <FormField id={fieldId('wheelchairAccessible')} label={optional(t('wheelchairAccessible'))} hint={t('wheelchairHint')} error={errors.wheelchairAccessible}>
          {select('wheelchairAccessible', [{ value: '', label: t('notRecorded') }, ...yesNo])}
        </FormField>
        <FormField id={fieldId('notes')} label={optional(t('notes'))} error={errors.notes}>
          {(a11y) => <textarea class="ds-input" rows={3} value={values.notes} onInput={(e) => set('notes', e.currentTarget.value)} {...a11y} />}
        </FormField>
        {saveProblem && <p class="ds-validation-message" role="alert">{saveProblem}</p>}
        <div class="dw-actions">
          <button type="submit" class="ds-button" data-variant="primary">{t('save')}</button>
          <button type="button" class="ds-button" data-variant="secondary" onClick={cancel}>{t('cancel')}</button>
        </div>
      </form>
    </RegistryLayout>
  );
}
