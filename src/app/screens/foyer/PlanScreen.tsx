/** A young person's Foyer plan: the signed agreement, eight domains with goals, actions and ratings, and exit readiness. */
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { latestTemplate, TEMPLATE_IDS } from '../../../core/checklist/templates';
import { formatDate } from '../../../core/format/formatDate';
import type { Inspection } from '../../../core/schemas/inspection';
import { EXIT_READINESS_ITEMS, EXIT_READINESS_LABELS, FOYER_DOMAINS, type ExitReadinessItem, type Plan, type PlanDomain } from '../../../core/schemas/plan';
import { FormField } from '../../components/FormField';
import '../../components/forms.css';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { DomainPanel } from './DomainPanel';
import { planRatings } from './planReviews';
import { FOYER_TEXT } from './text';
import '../../components/layout.css';
import './foyer.css';

/** The plan at `/foyer/:id`. Every change is one path (`domains.<d>`, `exitReadiness.<item>`), so edits merge per domain. */
export default function PlanScreen({ id }: { id: string }) {
  const t = useText(FOYER_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const { route } = useLocation();
  const me = getSession()?.user;
  const plans = useMemo(() => repo<Plan>('plan'), []);
  const record = useQuery(() => plans.get(id).then((r) => r ?? null), [id]);
  const followUps = useQuery(() => repo<Inspection>('inspection').list((d) => d.planId === id), [id]);
  const [agreementDate, setAgreementDate] = useState('');
  const [status, setStatus] = useState('');

  if (record === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (record === null) return <section class="fy-screen"><h1 class="ds-heading" data-size="md">{t('notFound')}</h1></section>;
  const plan = record.data;
  const readOnly = plan.status !== 'active';
  const ratings = planRatings(plan, (followUps ?? []).map((f) => f.data));
  const fmt = (d: string) => formatDate(d, lang);
  const age = new Date().getFullYear() - plan.birthYear - 1;
  const exitDone = EXIT_READINESS_ITEMS.filter((i) => plan.exitReadiness[i]).length;

  const write = async (path: string, value: unknown) => {
    try {
      await plans.setPath(id, path, value);
      setStatus(t('saved'));
    } catch (err) {
      setStatus(t('notSaved', { reason: String(err) }));
      throw err;
    }
  };

  const startFollowUp = async () => {
    const template = latestTemplate(TEMPLATE_IDS.foyerFollowUp);
    if (!template || !me) return;
    const inspectionId = await repo<Inspection>('inspection').create({
      templateId: template.id,
      templateVersion: template.version,
      planId: id,
      status: 'draft',
      answers: { 'meeting.agreementSigned': { value: !!plan.agreementSignedAt }, ...(plan.referringService ? { 'meeting.referringService': { value: plan.referringService } } : {}) },
      startedAt: new Date().toISOString(),
      inspectorId: me.id,
    });
    route(`/inspections/${inspectionId}`);
  };

  return (
    <section class="fy-screen" aria-labelledby="plan-title">
      <a class="ds-link" href="/foyer">← {t('backToList')}</a>
      <h1 id="plan-title" class="ds-heading" data-size="md">{plan.youthAlias}</h1>
      <p class="ds-paragraph">{t('planFacts', { age, date: fmt(plan.startDate), status: t(`status_${plan.status}`) })}</p>
      <p class="fy-status" role="status">{status}</p>

      <section class="screen-section" aria-labelledby="agreement-title">
        <h2 id="agreement-title" class="ds-heading" data-size="sm">{t('agreement')}</h2>
        <p class="ds-paragraph" data-testid="agreement-state">{plan.agreementSignedAt ? t('agreementSigned', { date: fmt(plan.agreementSignedAt) }) : t('agreementMissing')}</p>
        {!readOnly && !plan.agreementSignedAt && (
          <form class="fy-inline-form" onSubmit={(e) => { e.preventDefault(); if (agreementDate) void write('agreementSignedAt', agreementDate); }}>
            <FormField id="agreement-date" label={t('agreementDate')}>
              {(a11y) => <input class="ds-input" type="date" value={agreementDate} onInput={(e) => setAgreementDate(e.currentTarget.value)} {...a11y} />}
            </FormField>
            <button type="submit" class="ds-button" data-variant="secondary">{t('saveAgreement')}</button>
          </form>
        )}
      </section>

      <section class="screen-section" aria-labelledby="domains-title">
        <h2 id="domains-title" class="ds-heading" data-size="sm">{t('domainsTitle')}</h2>
        {FOYER_DOMAINS.map((d) => (
          <DomainPanel
            key={d}
            domain={d}
            value={plan.domains[d]}
            ratings={ratings[d]}
            readOnly={readOnly}
            onSave={(next: PlanDomain) => write(`domains.${d}`, next)}
          />
        ))}
      </section>

      <section class="screen-section" aria-labelledby="exit-title">
        <h2 id="exit-title" class="ds-heading" data-size="sm">{t('exitTitle')}</h2>
        <p class="ds-paragraph">{t('exitCount', { done: exitDone, total: EXIT_READINESS_ITEMS.length })}</p>
        <fieldset class="ds-fieldset fy-exit">
          <legend class="fy-visually-hidden">{t('exitTitle')}</legend>
          {EXIT_READINESS_ITEMS.map((item: ExitReadinessItem) => (
            <label key={item} class="ds-label form-choice" data-weight="regular">
              <input
                class="ds-input"
                type="checkbox"
                checked={!!plan.exitReadiness[item]}
                disabled={readOnly}
                onChange={(e) => void write(`exitReadiness.${item}`, e.currentTarget.checked).catch(() => undefined)}
              />
              {local(EXIT_READINESS_LABELS[item])}
            </label>
          ))}
        </fieldset>
      </section>

      <section class="screen-section" aria-labelledby="followups-title">
        <h2 id="followups-title" class="ds-heading" data-size="sm">{t('followUpTitle')}</h2>
        <p class="ds-paragraph">{t('followUpIntro')}</p>
        <ul class="fy-list">
          {(followUps ?? []).map((f) => (
            <li key={f.id}><a class="ds-link" href={`/inspections/${f.id}`}>{t('followUpOn', { date: fmt(f.data.startedAt) })}</a></li>
          ))}
        </ul>
        {!readOnly && <button type="button" class="ds-button" data-variant="secondary" onClick={() => void startFollowUp()}>{t('newFollowUp')}</button>}
      </section>
    </section>
  );
}
