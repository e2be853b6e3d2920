/** The allocation form: record a new allocation or correct one (dwelling, household, children, date, lease). */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { allocationProblems } from '../../../core/matching/vacancy';
import { norwegianDate } from '../../../core/privacy/consentState';
import { allocationSchema, type Allocation } from '../../../core/schemas/allocation';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { LEASE_TYPE_LABELS, LEASE_TYPES } from '../../../core/schemas/lease';
import { VERDICT_LABELS, type Verdict } from '../../../core/rules/verdict';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { SearchPicker } from '../../components/SearchPicker';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { fieldChanges } from '../../store/fieldChanges';
import { repo } from '../../store/repo';
import { INTAKE_TEXT } from './text';
import type { IntakeData } from './useIntakeData';
import './intake.css';
import { useAreaName } from '../../store/useSettings';

type Values = {
  dwellingId: string;
  householdId: string;
  hasChildren: '' | 'yes' | 'no';
  childrenCount: string;
  date: string;
  leaseType: string;
  leaseYears: string;
  newTenant: '' | 'yes' | 'no';
  refugee: '' | 'yes' | 'no';
};
type Field = keyof Values;

const FIELD_ORDER: Field[] = ['dwellingId', 'householdId', 'hasChildren', 'childrenCount', 'date', 'leaseType', 'leaseYears', 'newTenant', 'refugee'];

const yesNoText = (v: boolean | null | undefined): '' | 'yes' | 'no' => (v == null ? '' : v ? 'yes' : 'no');
const yesNoValue = (v: '' | 'yes' | 'no'): boolean | null => (v === '' ? null : v === 'yes');
const SCHEMA_FIELD: Record<string, Field> = { householdHasChildren: 'hasChildren' };

function fromQuery(query: Record<string, string>, today: string): Values {
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
    newTenant: '',
    refugee: '',
  };
}

function fromAllocation(a: Allocation): Values {
  return {
    dwellingId: a.dwellingId,
    householdId: a.householdId ?? '',
    hasChildren: a.householdHasChildren ? 'yes' : 'no',
    childrenCount: String(a.childrenCount),
    date: a.date,
    leaseType: a.leaseType,
    leaseYears: a.leaseYears == null ? '' : String(a.leaseYears),
    newTenant: yesNoText(a.newTenant),
    refugee: yesNoText(a.refugee),
  };
}

// Numbers stay text until checked: "" and "abc" must reach the schema as missing / wrong, not as 0.
function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

type Props = {
  /** Prefix of the field ids, unique on the page. */
  idPrefix: string;
  data: IntakeData;
  /** Each dwelling's verdict, shown in the dwelling list. */
  verdicts: Record<string, Verdict>;
  /** A new allocation prefilled from matching (`dwelling`, `household`, `children`). */
  query?: Record<string, string>;
  /** The allocation to correct; without it the form records a new one. */
  allocation?: { id: string; data: Allocation };
  /** Called when a correction is saved (with what to tell the person) or left without saving (no text). */
  onClose?: (said?: string) => void;
};

/**
 * Checked with the core schema, each error next to its field and in the summary. A new allocation is saved on the
 * device and the form clears; a correction sends only the fields that changed.
 */
export function AllocationForm({ idPrefix, data, verdicts, query = {}, allocation, onClose }: Props) {
  const t = useText(INTAKE_TEXT);
  const areaName = useAreaName();
  const local = useLocal();
  const lang = useLanguage();
  const today = norwegianDate(new Date());
  const [values, setValues] = useState<Values>(() => (allocation ? fromAllocation(allocation.data) : fromQuery(query, today)));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');
  const id = (f: Field) => `${idPrefix}-${f}`;

  const dwellings = useMemo(() => [...data.dwellings].sort((a, b) => a.address.localeCompare(b.address, 'nb')), [data]);
  const households = data.households.filter((h) => h.displayName).sort((a, b) => a.displayName!.localeCompare(b.displayName!, 'nb'));

  // Opening a correction puts the person in its first field.
  useEffect(() => {
    if (allocation) document.getElementById(id('dwellingId'))?.focus();
  }, []);

  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const pickHousehold = (householdId: string) => {
    const h = data.households.find((x) => x.id === householdId);
    const n = h?.childBirthYears?.length;
    // A household living in a municipal dwelling now is not new to municipal housing (KOSTRA); otherwise the team says.
    const moving: Partial<Values> = h?.dwellingId ? { newTenant: 'no', refugee: '' } : {};
    set(n === undefined ? { householdId, ...moving } : { householdId, hasChildren: n > 0 ? 'yes' : 'no', childrenCount: String(n), ...moving });
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
      newTenant: yesNoValue(values.newTenant),
      // Asked only of a new tenant: an earlier answer is cleared when the household is no longer new.
      refugee: values.newTenant === 'yes' ? yesNoValue(values.refugee) : null,
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
    // The same check the server makes: one allocation of a dwelling at a time, dated within a sensible window. A
    // correction that keeps its dwelling, date and lease is not checked again (an allocation of 2018 stays correctable).
    const held = (a: Allocation) => [a.dwellingId, a.date, a.leaseType, a.leaseYears ?? null].join('|');
    const moved = !allocation || held(allocation.data) !== held(parsed.data);
    const problems = moved
      ? allocationProblems(
          { ...parsed.data, ...(allocation ? { id: allocation.id } : {}) },
          data.allocations,
          today,
          undefined,
          data.dwellingChangedAt[parsed.data.dwellingId],
        )
      : [];
    if (problems.length > 0) {
      const next: Partial<Record<Field, string>> = {};
      for (const p of problems) {
        if (next[p.field]) continue;
        // Name the household of the allocation that holds the dwelling, when this person may see it.
        const existing = p.code === 'alreadyAllocated' ? data.allocations.find((a) => a.id === p.existingId) : undefined;
        const holder = existing?.householdId ? data.households.find((h) => h.id === existing.householdId)?.displayName : undefined;
        next[p.field] = holder ? `${local(p.message)} ${t('heldBy', { name: holder })}` : local(p.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    try {
      if (allocation) {
        const patch = fieldChanges<Allocation>(allocation.data, parsed.data);
        const changed = Object.keys(patch).length > 0;
        if (changed) await repo<Allocation>('allocation').put(allocation.id, patch);
        onClose?.(changed ? t('corrected') : t('uncorrected'));
        return;
      }
      await repo<Allocation>('allocation').create(parsed.data);
      setStatus(t('saved'));
      setValues(fromQuery({}, today));
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setStatus(t('saveFailed', { reason: text ? local(text) : err instanceof Error ? err.message : String(err) }));
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
    newTenant: t('newTenant'),
    refugee: t('refugee'),
  };
  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ targetId: id(f), message: `${labelOf[f]}: ${errors[f]}` }));

  const yesNoUnanswered = [
    { value: 'yes', label: t('yes') },
    { value: 'no', label: t('no') },
    { value: '', label: t('notAnswered') },
  ];
  return (
    <>
      <ErrorSummary title={t('fixBeforeSave')} errors={summary} attempt={attempt} />
      <form
        class="intake-form"
        onSubmit={save}
        noValidate
        aria-label={allocation ? t('correctAllocation') : undefined}
        onKeyDown={(e) => {
          if (allocation && e.key === 'Escape') onClose?.();
        }}
      >
        <FormField id={id('dwellingId')} label={labelOf.dwellingId} error={errors.dwellingId}>
          {(a11y) => (
            <SearchPicker
              a11y={a11y}
              options={dwellings.map((d) => ({
                value: d.id,
                label: `${d.address}, ${areaName(d.area)} – ${local(VERDICT_LABELS[verdicts[d.id] ?? 'notAssessed'])}`,
                searchText: `${d.address} ${areaName(d.area)} ${d.gnr}/${d.bnr}`,
              }))}
              value={values.dwellingId}
              onChange={(v) => set({ dwellingId: v })}
            />
          )}
        </FormField>
        <FormField id={id('householdId')} label={labelOf.householdId} error={errors.householdId}>
          {(a11y) => (
            <select {...a11y} class="ds-input" value={values.householdId} onChange={(e) => pickHousehold(e.currentTarget.value)}>
              <option value="">{t('noHousehold')}</option>
              {households.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.displayName}
                </option>
              ))}
              {values.householdId && !households.some((h) => h.id === values.householdId) && (
                <option value={values.householdId}>{t('householdNotShared')}</option>
              )}
            </select>
          )}
        </FormField>
        <ChoiceField
          id={id('hasChildren')}
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
          <FormField id={id('childrenCount')} label={labelOf.childrenCount} error={errors.childrenCount}>
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
        <FormField id={id('date')} label={labelOf.date} error={errors.date}>
          {(a11y) => <input {...a11y} class="ds-input" type="date" value={values.date} onInput={(e) => set({ date: e.currentTarget.value })} />}
        </FormField>
        <ChoiceField
          id={id('leaseType')}
          name="leaseType"
          legend={labelOf.leaseType}
          options={LEASE_TYPES.map((l) => ({ value: l, label: local(LEASE_TYPE_LABELS[l]) }))}
          value={values.leaseType}
          onChange={(v) => set({ leaseType: v })}
          error={errors.leaseType}
        />
        {values.leaseType === 'fixed' && (
          <FormField id={id('leaseYears')} label={labelOf.leaseYears} error={errors.leaseYears}>
            {(a11y) => (
              <input {...a11y} class="ds-input" inputMode="numeric" value={values.leaseYears} onInput={(e) => set({ leaseYears: e.currentTarget.value })} />
            )}
          </FormField>
        )}
        <ChoiceField
          id={id('newTenant')}
          name="newTenant"
          legend={labelOf.newTenant}
          hint={t('newTenantHint')}
          options={yesNoUnanswered}
          value={values.newTenant}
          onChange={(v) => set({ newTenant: v as Values['newTenant'] })}
          error={errors.newTenant}
        />
        {values.newTenant === 'yes' && (
          <ChoiceField
            id={id('refugee')}
            name="refugee"
            legend={labelOf.refugee}
            hint={t('refugeeHint')}
            options={yesNoUnanswered}
            value={values.refugee}
            onChange={(v) => set({ refugee: v as Values['refugee'] })}
            error={errors.refugee}
          />
        )}
        <div class="intake-actions">
          <button type="submit" class="ds-button">
            {allocation ? t('saveCorrection') : t('save')}
          </button>
          {allocation && (
            <button type="button" class="ds-button" data-variant="tertiary" onClick={() => onClose?.()}>
              {t('cancelCorrection')}
            </button>
          )}
        </div>
      </form>
      {allocation ? (
        status && <p role="alert">{status}</p>
      ) : (
        <p role="status" data-testid="allocation-status">
          {status}
        </p>
      )}
    </>
  );
}
