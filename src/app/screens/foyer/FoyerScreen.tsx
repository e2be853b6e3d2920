/** The coordinator's Foyer plans, and a short form that starts a new one for a young person aged 16–23. */
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { norwegianDate } from '../../../core/privacy/consentState';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { FOYER_DOMAINS, planSchema, type Plan } from '../../../core/schemas/plan';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import '../../components/forms.css';
import { useLanguage, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { foyerBirthYears } from './planReviews';
import { FOYER_TEXT } from './text';
import '../../components/layout.css';
import './foyer.css';

type Field = 'youthAlias' | 'birthYear' | 'referringService' | 'startDate';
const FIELDS: Field[] = ['youthAlias', 'birthYear', 'referringService', 'startDate'];

/** The list at `/foyer`. */
export default function FoyerScreen() {
  const t = useText(FOYER_TEXT);
  const lang = useLanguage();
  const { route } = useLocation();
  const me = getSession()?.user;
  const plans = useMemo(() => repo<Plan>('plan'), []);
  const list = useQuery(() => plans.list(), []);
  const [values, setValues] = useState<Record<Field, string>>({ youthAlias: '', birthYear: '', referringService: '', startDate: norwegianDate(new Date()) });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const mayCreate = !!me?.roles.includes('counsellor');

  const create = async (e: Event) => {
    e.preventDefault();
    if (!me) return;
    setAttempt((n) => n + 1);
    const emptyDomain = { goal: '', actions: [], reviews: {} };
    const candidate = {
      youthAlias: values.youthAlias.trim(),
      // Empty is "missing" (Må fylles ut); anything else that is not a year is "not a whole number".
      birthYear: /^\d{4}$/.test(values.birthYear.trim()) ? Number(values.birthYear) : values.birthYear.trim() ? Number.NaN : undefined,
      coordinatorId: me.id,
      referringService: values.referringService.trim() || null,
      startDate: values.startDate,
      agreementSignedAt: null,
      status: 'active',
      domains: Object.fromEntries(FOYER_DOMAINS.map((d) => [d, emptyDomain])),
      exitReadiness: {},
    };
    const found: Partial<Record<Field, string>> = {};
    const parsed = planSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of formatIssues(parsed.error.issues, lang)) {
        const f = issue.path.split('.')[0] as Field;
        if (FIELDS.includes(f) && !found[f]) found[f] = issue.message;
      }
    }
    const startYear = Number(values.startDate.slice(0, 4));
    const range = foyerBirthYears(startYear);
    if (!found.birthYear && candidate.birthYear !== undefined && !Number.isNaN(candidate.birthYear) && (candidate.birthYear < range.from || candidate.birthYear > range.to)) {
      found.birthYear = t('ageOutOfRange', { year: startYear, from: range.from, to: range.to });
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    try {
      const id = await plans.create(parsed.data);
      route(`/foyer/${id}`);
    } catch (err) {
      setProblem(t('notSaved', { reason: String(err) }));
    }
  };

  const labels: Record<Field, string> = { youthAlias: t('youthAlias'), birthYear: t('birthYear'), referringService: t('referringService'), startDate: t('startDate') };
  const input = (f: Field, extra: Record<string, unknown> = {}) => (a11y: Record<string, unknown>) => (
    <input class="ds-input" type="text" value={values[f]} onInput={(e) => setValues({ ...values, [f]: e.currentTarget.value })} {...a11y} {...extra} />
  );
  const sorted = (list ?? []).slice().sort((a, b) => a.data.youthAlias.localeCompare(b.data.youthAlias, 'nb'));

  return (
    <section class="fy-screen" aria-labelledby="foyer-title">
      <h1 id="foyer-title" class="ds-heading" data-size="md">{t('listTitle')}</h1>
      <p class="ds-paragraph">{t('listIntro')}</p>
      {list === undefined && <p aria-busy="true">{t('loading')}</p>}
      {list && sorted.length === 0 && <p class="ds-paragraph">{t('none')}</p>}
      {sorted.length > 0 && (
        <ul class="fy-list">
          {sorted.map((p) => (
            <li key={p.id}><a class="ds-link" href={`/foyer/${p.id}`}>{p.data.youthAlias}</a> ({t(`status_${p.data.status}`)})</li>
          ))}
        </ul>
      )}
      {mayCreate && (
        <section class="screen-section" aria-labelledby="new-plan-title">
          <h2 id="new-plan-title" class="ds-heading" data-size="sm">{t('newPlan')}</h2>
          <form class="fy-form" onSubmit={create} noValidate>
            <ErrorSummary title={t('formErrors')} errors={FIELDS.filter((f) => errors[f]).map((f) => ({ targetId: `plan-${f}`, message: `${labels[f]}: ${errors[f]}` }))} attempt={attempt} />
            <FormField id="plan-youthAlias" label={t('youthAlias')} hint={t('youthAliasHint')} error={errors.youthAlias}>{input('youthAlias', { autoComplete: 'off' })}</FormField>
            <div class="fy-row">
              <FormField id="plan-birthYear" label={t('birthYear')} error={errors.birthYear}>{input('birthYear', { inputMode: 'numeric', autoComplete: 'off' })}</FormField>
              <FormField id="plan-startDate" label={t('startDate')} error={errors.startDate}>{input('startDate', { type: 'date' })}</FormField>
            </div>
            <FormField id="plan-referringService" label={<>{t('referringService')} <span class="form-optional">({t('optional')})</span></>} error={errors.referringService}>
              {input('referringService', { autoComplete: 'off' })}
            </FormField>
            {problem && <div class="ds-alert" data-color="danger" role="alert"><p>{problem}</p></div>}
            <button type="submit" class="ds-button" data-variant="primary">{t('create')}</button>
          </form>
        </section>
      )}
    </section>
  );
}
