/** Allocations: record one (dwelling, household with or without children, date, lease), and see them per year. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { norwegianDate } from '../../../core/privacy/consentState';
import { allocationSchema } from '../../../core/schemas/allocation';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { LEASE_TYPE_LABELS, LEASE_TYPES } from '../../../core/schemas/lease';
import { VERDICT_LABELS } from '../../../core/rules/verdict';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import '../../charts/charts.css';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { ChildrenFirst } from './StockCharts';
import { INTAKE_TEXT } from './text';
import { useIntakeData } from './useIntakeData';
import { useFigures } from './useOverview';
import './intake.css';

type Values = {
  dwellingId: string;
  householdId: string;
  hasChildren: '' | 'yes' | 'no';
  childrenCount: string;
  date: string;
  leaseType: string;
  leaseYears: string;
};
type Field = keyof Values;

const FIELD_ORDER: Field[] = ['dwellingId', 'householdId', 'hasChildren', 'childrenCount', 'date', 'leaseType', 'leaseYears'];
const SCHEMA_FIELD: Record<string, Field> = { householdHasChildren: 'hasChildren' };
/** Allocations listed before "show all". */
const LIST_SIZE = 20;

function initial(query: Record<string, string>, today: string): Values {
  const children = Number(query.children ?? '');
  const known = query.children !== undefined && Number.isInteger(children) && children >= 0;
  return {
    dwellingId: query.dwelling ?? '',
    householdId: query.household ?? '',
    hasChildren: known ? (children > 0 ? 'yes' : 'no') : '',
    childrenCount: known ? String(children) : '',
    date: today,
    leaseType: 'openEnded',
    leaseYears: '',
  };
}

// Numbers stay text until checked: "" and "abc" must reach the schema as missing / wrong, not as 0.
function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The allocations screen at `/allocations` (prefilled from matching by `?dwelling=&household=&children=`). */
export default function AllocationsScreen() {
  const t = useText(INTAKE_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const { query } = useLocation();
  const today = norwegianDate(new Date());
  const data = useIntakeData();
  const [values, setValues] = useState<Values>(() => initial(query, today));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');
  const [showAll, setShowAll] = useState(false);

  useEffect(() => setValues(initial(query, today)), [query.dwelling, query.household, query.children]);

  const figures = useFigures(data);
  const dwellings = useMemo(
    () => [...(data?.dwellings ?? [])].sort((a, b) => a.address.localeCompare(b.address, 'nb')),
    [data],
  );
  if (!data || !figures) return <p aria-busy="true">{t('loading')}</p>;

  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const pickHousehold = (id: string) => {
    const h = data.households.find((x) => x.id === id);
    const n = h?.childBirthYears?.length;
    set(n === undefined ? { householdId: id } : { householdId: id, hasChildren: n > 0 ? 'yes' : 'no', childrenCount: String(n) });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setStatus('');
    const candidate = {
      dwellingId: values.dwellingId || undefined,
      householdId: values.householdId || null,
      date: values.date || undefined,
      householdHasChildren: values.hasChildren === '' ? undefined : values.hasChildren === 'yes',
      // The count is asked only after "yes"; before the question is answered, only the question is reported missing.
      childrenCount: values.hasChildren === 'yes' ? toNumber(values.childrenCount) : 0,
      leaseType: values.leaseType,
      leaseYears: values.leaseType === 'fixed' ? toNumber(values.leaseYears) : null,
    };
    const parsed = allocationSchema.safeParse(candidate);
    // A dwelling must be one on this device; the schema alone would only ask for a well-formed id.
    const known = dwellings.some((d) => d.id === values.dwellingId);
    if (!parsed.success || !known) {
      const next: Partial<Record<Field, string>> = {};
      if (!known) next.dwellingId = t('chooseDwellingError');
      for (const issue of parsed.success ? [] : formatIssues(parsed.error.issues, lang)) {
        const top = issue.path.split('.')[0] ?? '';
        const field = SCHEMA_FIELD[top] ?? (top as Field);
        if (FIELD_ORDER.includes(field) && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    try {
      await repo('allocation').create(parsed.data);
      setStatus(t('saved'));
      setValues(initial({}, today));
    } catch (err) {
      setStatus(t('saveFailed', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };

  const labelOf: Record<Field, string> = {
    dwellingId: t('dwelling'),
    householdId: t('household'),
    hasChildren: t('hasChildren'),
    childrenCount: t('childrenCount'),
    date: t('date'),
    leaseType: t('leaseType'),
    leaseYears: t('leaseYears'),
  };
  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ targetId: `alloc-${f}`, message: `${labelOf[f]}: ${errors[f]}` }));
  const address = new Map(data.dwellings.map((d) => [d.id, `${d.address}, ${d.area}`]));
  const recorded = [...data.allocations].sort((a, b) => b.date.localeCompare(a.date));
  const households = data.households.filter((h) => h.displayName).sort((a, b) => a.displayName!.localeCompare(b.displayName!, 'nb'));

  return (
    <section class="screen intake">
      <h1 class="ds-heading" data-size="lg">
        {t('allocationsTitle')}
      </h1>
      <h2 class="ds-heading" data-size="sm">
        {t('newAllocation')}
      </h2>
      <ErrorSummary title={t('fixBeforeSave')} errors={summary} attempt={attempt} />
      <form class="intake-form" onSubmit={save} noValidate>
        <FormField id="alloc-dwellingId" label={labelOf.dwellingId} error={errors.dwellingId}>
          {(a11y) => (
            <select {...a11y} class="ds-input" value={values.dwellingId} onChange={(e) => set({ dwellingId: e.currentTarget.value })}>
              <option value="">{t('chooseDwelling')}</option>
              {dwellings.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.address}, {d.area} – {local(VERDICT_LABELS[figures.verdictsByDwelling[d.id] ?? 'notAssessed'])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="alloc-householdId" label={labelOf.householdId} error={errors.householdId}>
          {(a11y) => (
            <select {...a11y} class="ds-input" value={values.householdId} onChange={(e) => pickHousehold(e.currentTarget.value)}>
              <option value="">{t('noHousehold')}</option>
              {households.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.displayName}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <ChoiceField
          id="alloc-hasChildren"
          name="hasChildren"
          legend={labelOf.hasChildren}
          options={[
            { value: 'yes', label: t('yes') },
            { value: 'no', label: t('no') },
          ]}
          value={values.hasChildren}
          onChange={(v) => set({ hasChildren: v as Values['hasChildren'], ...(v === 'no' ? { childrenCount: '0' } : {}) })}
          error={errors.hasChildren}
        />
        {values.hasChildren === 'yes' && (
          <FormField id="alloc-childrenCount" label={labelOf.childrenCount} error={errors.childrenCount}>
            {(a11y) => (
              <input
                {...a11y}
                class="ds-input"
                inputMode="numeric"
                value={values.childrenCount}
                onInput={(e) => set({ childrenCount: e.currentTarget.value })}
              />
            )}
          </FormField>
        )}
        <FormField id="alloc-date" label={labelOf.date} error={errors.date}>
          {(a11y) => <input {...a11y} class="ds-input" type="date" value={values.date} onInput={(e) => set({ date: e.currentTarget.value })} />}
        </FormField>
        <ChoiceField
          id="alloc-leaseType"
          name="leaseType"
          legend={labelOf.leaseType}
          options={LEASE_TYPES.map((l) => ({ value: l, label: local(LEASE_TYPE_LABELS[l]) }))}
          value={values.leaseType}
          onChange={(v) => set({ leaseType: v })}
          error={errors.leaseType}
        />
        {values.leaseType === 'fixed' && (
          <FormField id="alloc-leaseYears" label={labelOf.leaseYears} error={errors.leaseYears}>
            {(a11y) => (
              <input {...a11y} class="ds-input" inputMode="numeric" value={values.leaseYears} onInput={(e) => set({ leaseYears: e.currentTarget.value })} />
            )}
          </FormField>
        )}
        <div>
          <button type="submit" class="ds-button">
            {t('save')}
          </button>
        </div>
      </form>
      <p role="status" data-testid="allocation-status">
        {status}
      </p>

      <h2 class="ds-heading" data-size="sm">
        {t('childrenFirstTitle')}
      </h2>
      <ChildrenFirst figures={figures} />

      <h2 class="ds-heading" data-size="sm">
        {t('recorded')}
      </h2>
      {recorded.length === 0 ? (
        <p>{t('noAllocations')}</p>
      ) : (
        <>
          <ul class="ds-list" data-testid="allocation-list">
            {(showAll ? recorded : recorded.slice(0, LIST_SIZE)).map((a) => (
              <li key={a.id}>
                {a.date} – {address.get(a.dwellingId) ?? t('unknownDwelling')} –{' '}
                {a.householdHasChildren ? t('withChildrenN', { n: a.childrenCount }) : t('withoutChildren')} –{' '}
                {a.leaseType === 'openEnded' ? t('openEndedShort') : t('yearsShort', { n: a.leaseYears ?? 0 })}
              </li>
            ))}
          </ul>
          {!showAll && recorded.length > LIST_SIZE && (
            <div>
              <button type="button" class="ds-button" data-variant="tertiary" onClick={() => setShowAll(true)}>
                {t('showAll', { n: recorded.length })}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
