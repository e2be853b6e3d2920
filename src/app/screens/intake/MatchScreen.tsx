/** Matching: a household's needs (typed, or from a household whose consent shares them) against the vacant dwellings. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { matchDwellings, type MatchResult } from '../../../core/matching/match';
import { needsFromHousehold } from '../../../core/matching/needsFromHousehold';
import { toMatchCandidates } from '../../../core/matching/toMatchCandidates';
import { norwegianDate } from '../../../core/privacy/consentState';
import { AreaChoices } from '../../components/AreaChoices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import '../../charts/charts.css';
import '../../components/forms.css';
import { useLocal, useText } from '../../i18n/language';
import { VerdictTag } from '../dwellings/VerdictTag';
import { EMPTY_NEEDS, formToNeeds, needsToForm, type NeedsErrors, type NeedsFormValues } from './needsForm';
import { INTAKE_TEXT } from './text';
import { useIntakeData } from './useIntakeData';
import { useFigures } from './useOverview';
import './intake.css';
import { useAreaName } from '../../store/useSettings';

/** The matching screen at `/match`. */
export default function MatchScreen() {
  const t = useText(INTAKE_TEXT);
  const areaName = useAreaName();
  const local = useLocal();
  const data = useIntakeData();
  const [values, setValues] = useState<NeedsFormValues>(EMPTY_NEEDS);
  const [errors, setErrors] = useState<NeedsErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ match: MatchResult; children: number; householdId: string } | null>(null);
  const today = norwegianDate(new Date());

  // Verdicts and candidates follow the device's records; a query only ranks them.
  const figures = useFigures(data);
  const stock = useMemo(
    () => (data && figures ? toMatchCandidates(data.dwellings, data.inspections, figures.verdictsByDwelling, data, data.ruleSet) : undefined),
    [data, figures],
  );
  const households = useMemo(
    () =>
      (data?.households ?? [])
        .map((h) => ({ id: h.id, name: h.displayName ?? h.id.slice(0, 8), needs: needsFromHousehold(h, today) }))
        .filter((h) => h.needs !== null)
        .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    [data, today],
  );

  // After "Finn boliger" the answer is where the person is taken: focus on its heading (read out), scrolled into view.
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = resultHeading.current;
    if (!result || !heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [result]);

  if (!data || !stock) return <p aria-busy="true">{t('loading')}</p>;

  const set = (patch: Partial<NeedsFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const pick = (householdId: string) => {
    const h = households.find((x) => x.id === householdId);
    setValues(h?.needs ? needsToForm(h.needs, householdId) : { ...EMPTY_NEEDS });
    setErrors({});
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const checked = formToNeeds(values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setResult(null);
      return;
    }
    setErrors({});
    const needs = { ...checked.needs, neededBy: checked.needs.neededBy ?? today };
    setResult({ match: matchDwellings(needs, stock), children: needs.childAges.length, householdId: values.householdId });
  };
  const summary = (Object.entries(errors) as [keyof NeedsErrors, { nb: string; en: string }][]).map(([field, text]) => ({
    targetId: `needs-${field}`,
    message: local(text),
  }));
  const err = (field: keyof NeedsErrors) => (errors[field] ? local(errors[field]) : undefined);
  const allocateHref = (dwellingId: string) => {
    const q = new URLSearchParams({ dwelling: dwellingId, children: String(result?.children ?? 0) });
    if (result?.householdId) q.set('household', result.householdId);
    return `/allocations?${q}`;
  };

  return (
    <section class="screen intake">
      <h1 class="ds-heading" data-size="lg">
        {t('matchTitle')}
      </h1>
      <p>{t('matchIntro')}</p>
      <ErrorSummary title={t('fixErrors')} errors={summary} attempt={attempt} />
      <form class="intake-form" onSubmit={submit} noValidate>
        <FormField id="needs-household" label={t('pickHousehold')} hint={t('pickHouseholdHint')}>
          {(a11y) => (
            <select {...a11y} class="ds-input" value={values.householdId} onChange={(e) => pick(e.currentTarget.value)}>
              <option value="">{t('pickHouseholdNone')}</option>
              {households.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="needs-adults" label={t('adults')} error={err('adults')}>
          {(a11y) => (
            <input {...a11y} class="ds-input" inputMode="numeric" value={values.adults} onInput={(e) => set({ adults: e.currentTarget.value })} />
          )}
        </FormField>
        <FormField id="needs-childAges" label={t('childAges')} hint={t('childAgesHint')} error={err('childAges')}>
          {(a11y) => (
            <input {...a11y} class="ds-input" value={values.childAges} onInput={(e) => set({ childAges: e.currentTarget.value })} />
          )}
        </FormField>
        <label class="ds-label form-choice" data-weight="regular">
          <input
            class="ds-input"
            type="checkbox"
            id="needs-stepFree"
            checked={values.stepFree}
            onChange={(e) => set({ stepFree: e.currentTarget.checked })}
          />
          {t('stepFree')}
        </label>
        <fieldset class="ds-fieldset form-field">
          <legend class="ds-label">{t('preferredAreas')}</legend>
          <AreaChoices selected={values.preferredAreas} onChange={(next) => set({ preferredAreas: next })} />
        </fieldset>
        <FormField id="needs-neededBy" label={t('neededBy')} error={err('neededBy')}>
          {(a11y) => (
            <input {...a11y} class="ds-input" type="date" value={values.neededBy} onInput={(e) => set({ neededBy: e.currentTarget.value })} />
          )}
        </FormField>
        <div>
          <button type="submit" class="ds-button">
            {t('find')}
          </button>
        </div>
      </form>

      <div>
        {result && (
          <h2 class="ds-heading intake-result-count" data-size="sm" data-testid="match-count" id="match-count" tabIndex={-1} ref={resultHeading}>
            {result.match.matches.length === 0
              ? t('resultNone')
              : result.match.matches.length === 1
                ? t('resultOne')
                : t('resultCount', { n: result.match.matches.length })}
          </h2>
        )}
      </div>
      {result && (
        <>
          <ol class="intake-results" data-testid="matches">
            {result.match.matches.map((m) => (
              <li key={m.dwelling.id} class="intake-result" data-dwelling={m.dwelling.id}>
                <h3 class="ds-heading" data-size="xs">
                  <span>{t('rank', { n: m.rank })}</span>
                  <a class="ds-link" href={`/dwellings/${m.dwelling.id}`}>
                    {m.dwelling.address}
                  </a>
                  <span>· {areaName(m.dwelling.area)}</span>
                  <VerdictTag verdict={m.dwelling.verdict} />
                </h3>
                <ul class="intake-reasons" aria-label={t('whyFits')}>
                  {m.reasons.map((r) => (
                    <li key={r.kind} data-ok={String(r.ok)}>
                      {local(r.text)}
                    </li>
                  ))}
                </ul>
                <div class="intake-result-actions">
                  <a class="ds-button" data-size="sm" href={allocateHref(m.dwelling.id)}>
                    {t('allocate')}
                  </a>
                  <a class="ds-button" data-size="sm" data-variant="tertiary" href={`/reports/dwellings/${m.dwelling.id}`}>
                    {t('report')}
                  </a>
                </div>
              </li>
            ))}
          </ol>
          {result.match.excluded.length > 0 && (
            <details class="intake-excluded">
              <summary>{t('excludedCount', { n: result.match.excluded.length })}</summary>
              <div class="bar-chart-table" tabIndex={0} role="region" aria-label={t('excludedCount', { n: result.match.excluded.length })}>
                <table class="ds-table" data-size="sm" data-testid="excluded">
                  <thead>
                    <tr>
                      <th scope="col">{t('address')}</th>
                      <th scope="col">{t('reasons')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.match.excluded.map((e) => (
                      <tr key={e.dwelling.id}>
                        <th scope="row">
                          {e.dwelling.address}, {areaName(e.dwelling.area)}
                        </th>
                        <td>{e.reasons.map((r) => local(r.text)).join(' · ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
