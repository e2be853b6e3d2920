/** Records a household's consent: who, when, until when, which unit may receive what, signed on the screen or on paper. */
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { consentProblems, norwegianDate } from '../../../core/privacy/consentState';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { CONSENT_CATEGORIES, CONSENT_CATEGORY_LABELS, consentSchema, type Consent, type ConsentCategory, type Household } from '../../../core/schemas/household';
import type { OwnerUnit } from '../../../core/schemas/ownerUnit';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { SignaturePad } from '../../signature/SignaturePad';
import { repo } from '../../store/repo';
import { savePhoto } from '../../store/savePhoto';
import { useQuery } from '../../store/useQuery';
import { HOUSEHOLD_TEXT } from './text';
import './households.css';
import { unitOptions, useSettings } from '../../store/useSettings';

type Field = 'givenBy' | 'givenAt' | 'expiresAt' | 'scope' | 'signature';
const FIELDS: Field[] = ['givenBy', 'givenAt', 'expiresAt', 'scope', 'signature'];

function plusOneYear(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

/** The date the consent was given as a time: now when it is today, else midday of that day. */
function givenAtTime(date: string, now: Date): string {
  return date === norwegianDate(now) ? now.toISOString() : `${date}T12:00:00.000Z`;
}

/** The form at `/households/:id/consent`. A new consent replaces the old one; the old one's withdrawal stays in history. */
export default function ConsentScreen({ id }: { id: string }) {
  const t = useText(HOUSEHOLD_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const { route } = useLocation();
  const households = useMemo(() => repo<Household>('household'), []);
  const settings = useSettings();
  const record = useQuery(() => households.get(id).then((r) => r ?? null), [id]);
  const today = norwegianDate(new Date());
  const [givenBy, setGivenBy] = useState('');
  const [givenAt, setGivenAt] = useState(today);
  const [expiresAt, setExpiresAt] = useState(plusOneYear(today));
  const [scope, setScope] = useState<Record<OwnerUnit, ConsentCategory[]>>({});
  const [method, setMethod] = useState<'drawn' | 'paper'>('drawn');
  const [png, setPng] = useState<Uint8Array | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (record === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (record === null) return <section class="hh-screen"><h1 class="ds-heading" data-size="md">{t('notFound')}</h1></section>;

  const toggle = (unit: OwnerUnit, category: ConsentCategory, on: boolean) => {
    const current = scope[unit] ?? [];
    const next = on ? CONSENT_CATEGORIES.filter((c) => c === category || current.includes(c)) : current.filter((c) => c !== category);
    setScope({ ...scope, [unit]: next });
    if (errors.scope) setErrors({ ...errors, scope: undefined });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setAttempt((n) => n + 1);
    const now = new Date();
    const trimmedScope = Object.fromEntries(Object.entries(scope).filter(([, c]) => c.length > 0));
    const draft: Consent = {
      givenBy: givenBy.trim(),
      givenAt: givenAtTime(givenAt, now),
      expiresAt,
      scope: trimmedScope,
      method,
      signature: null,
      withdrawnAt: null,
    };
    const found: Partial<Record<Field, string>> = {};
    const parsed = consentSchema.safeParse(draft);
    if (!parsed.success) {
      for (const issue of formatIssues(parsed.error.issues, lang)) {
        const field = issue.path.split('.')[0] as Field;
        if (FIELDS.includes(field) && !found[field]) found[field] = issue.message;
      }
    }
    setSaving(true);
    try {
      // Stored by its hash, so saving the same drawing again after fixing another field keeps one copy.
      const signature = method === 'drawn' && png ? await savePhoto(png, 'image/png', { takenAt: now }) : null;
      for (const p of consentProblems({ ...draft, signature })) if (!found[p.field]) found[p.field] = local(p.message);
      setErrors(found);
      if (Object.keys(found).length > 0) return;
      await households.put(id, { consent: { ...draft, signature } });
      route(`/households/${id}`);
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setProblem(t('notSaved', { reason: text ? local(text) : String(err) }));
    } finally {
      setSaving(false);
    }
  };

  const fieldId = (f: Field) => `consent-${f}`;
  const LABELS: Record<Field, string> = { givenBy: t('givenBy'), givenAt: t('givenAt'), expiresAt: t('expiresAt'), scope: t('scope'), signature: t('method') };
  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({ targetId: fieldId(f), message: `${LABELS[f]}: ${errors[f]}` }));

  return (
    <section class="hh-screen">
      <a class="ds-link" href={`/households/${id}`}>← {record.data.displayName}</a>
      <form class="hh-form" onSubmit={save} noValidate>
        <h1 class="ds-heading" data-size="md">{t('consentFormTitle', { name: record.data.displayName })}</h1>
        <p class="ds-paragraph">{t('consentIntro')}</p>
        <ErrorSummary title={t('formErrors')} errors={summary} attempt={attempt} />
        <FormField id={fieldId('givenBy')} label={t('givenBy')} hint={t('givenByHint')} error={errors.givenBy}>
          {(a11y) => <input class="ds-input" type="text" autoComplete="off" value={givenBy} onInput={(e) => setGivenBy(e.currentTarget.value)} {...a11y} />}
        </FormField>
        <div class="hh-row">
          <FormField id={fieldId('givenAt')} label={t('givenAt')} error={errors.givenAt}>
            {(a11y) => <input class="ds-input" type="date" value={givenAt} max={today} onInput={(e) => setGivenAt(e.currentTarget.value)} {...a11y} />}
          </FormField>
          <FormField id={fieldId('expiresAt')} label={t('expiresAt')} hint={t('expiresAtHint')} error={errors.expiresAt}>
            {(a11y) => <input class="ds-input" type="date" value={expiresAt} onInput={(e) => setExpiresAt(e.currentTarget.value)} {...a11y} />}
          </FormField>
        </div>
        <fieldset class="ds-fieldset hh-fieldset" id={fieldId('scope')} tabIndex={-1} aria-describedby={`${fieldId('scope')}-hint${errors.scope ? ` ${fieldId('scope')}-error` : ''}`}>
          <legend class="ds-label">{t('scope')}</legend>
          <p class="form-hint" id={`${fieldId('scope')}-hint`}>{t('scopeHint')}</p>
          {errors.scope && <p class="ds-validation-message" id={`${fieldId('scope')}-error`}>{errors.scope}</p>}
          <div class="hh-scope-units">
            {unitOptions(settings, lang).map(({ value: unit, label }) => (
              <fieldset key={unit} class="ds-fieldset hh-scope-unit">
                <legend class="ds-label">{label}</legend>
                {CONSENT_CATEGORIES.map((c) => (
                  <label key={c} class="ds-label form-choice" data-weight="regular">
                    <input
                      class="ds-input"
                      type="checkbox"
                      data-testid={`consent-${unit}-${c}`}
                      checked={(scope[unit] ?? []).includes(c)}
                      onChange={(e) => toggle(unit, c, e.currentTarget.checked)}
                    />
                    {local(CONSENT_CATEGORY_LABELS[c])}
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </fieldset>
        <ChoiceField
          id="consent-method"
          name="method"
          legend={t('method')}
          options={[{ value: 'drawn', label: t('method_drawn') }, { value: 'paper', label: t('method_paper') }]}
          value={method}
          onChange={(v) => setMethod(v as 'drawn' | 'paper')}
        />
        {method === 'drawn' ? (
          <div class="form-field">
            <SignaturePad id={fieldId('signature')} onChange={setPng} errorId={errors.signature ? `${fieldId('signature')}-error` : undefined} />
            {errors.signature && <p class="ds-validation-message" id={`${fieldId('signature')}-error`}>{errors.signature}</p>}
          </div>
        ) : (
          <p class="form-hint">{t('paperHint')}</p>
        )}
        {problem && <div class="ds-alert" data-color="danger" role="alert"><p>{problem}</p></div>}
        <div class="hh-actions">
          <button type="submit" class="ds-button" data-variant="primary" aria-disabled={saving || undefined}>{t('recordConsent')}</button>
          <a class="ds-button" data-variant="tertiary" href={`/households/${id}`}>{t('cancel')}</a>
        </div>
      </form>
    </section>
  );
}
