/**
 * A printable A4 report of one dwelling: the verdict with every reason, facts, its follow-up actions, the latest
 * checklists with their signatures, and their photos. Opens right after a dwelling's checklist is completed.
 */
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Task } from '../../../core/schemas/task';
import { SignatureImage } from '../../signature/SignatureImage';
import { sortActions } from '../actions/ActionList';
import { itemIndex } from '../../../core/checklist/itemIndex';
import { shownChecker } from '../../../core/checklist/isShown';
import { TEMPLATE_IDS } from '../../../core/checklist/templates';
import { formatDate } from '../../../core/format/formatDate';
import { formatNumber } from '../../../core/format/formatNumber';
import { assessDwelling, latestCompleted } from '../../../core/rules/assessDwelling';
import type { RuleStatus } from '../../../core/rules/evaluateRule';
import { VERDICT_LABELS } from '../../../core/rules/verdict';
import type { Dwelling, Inspection } from '../../../core/schemas';
import { DWELLING_TYPE_LABELS } from '../../../core/schemas/dwelling';
import { LEASE_TYPE_LABELS } from '../../../core/schemas/lease';
import type { PhotoRef } from '../../../core/sync/protocol';
import { FactList } from '../../components/FactList';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { answerDetails, answerText } from '../checklist/answerText';
import { personName } from '../checklist/personName';
import { PrintBar } from './PrintBar';
import { ReportPhoto } from './ReportPhoto';
import { REPORT_TEXT } from './text';
import './report.css';
import { useAreaName, useRuleSet, useUnitName } from '../../store/useSettings';

const ORDER: Record<RuleStatus, number> = { failed: 0, missing: 1, passed: 2 };
const CHECKLISTS = [TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.neighbourhood, TEMPLATE_IDS.riskAssessment];

/** The report at `/reports/dwellings/:id`. */
export default function DwellingReportScreen({ id }: { id: string }) {
  const t = useText(REPORT_TEXT);
  const areaName = useAreaName();
  const local = useLocal();
  const unitName = useUnitName();
  const lang = useLanguage();
  const dwellings = useMemo(() => repo<Dwelling>('dwelling'), []);
  const inspections = useMemo(() => repo<Inspection>('inspection'), []);
  const dwelling = useQuery(() => dwellings.get(id).then((r) => r ?? null), [id]);
  const history = useQuery(() => inspections.listBy('dwellingId', id, (d) => d.status === 'completed'), [id]);
  const actions = useQuery(() => repo<Task>('task').listBy('dwellingId', id), [id]);
  const ruleSet = useRuleSet();
  const { query } = useLocation();
  const justCompleted = query.checklist && /^[0-9a-f-]{36}$/.test(query.checklist) ? query.checklist : null;

  if (dwelling === undefined || history === undefined || actions === undefined || ruleSet === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (dwelling === null)
    return (
      <section class="screen">
        <h1 class="ds-heading" data-size="md">
          {t('notFound')}
        </h1>
        <a class="ds-link" href="/dwellings">
          {t('back')}
        </a>
      </section>
    );

  const d = dwelling.data;
  const completed = history.map((h) => h.data);
  const assessment = assessDwelling(d, completed, ruleSet, { actions: actions.map((a) => a.data) });
  const latest = latestCompleted(completed);
  const rules = [...assessment.rules].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const dateText = (iso: string) => formatDate(iso, lang);
  const closedOn = (task: Task) => (task.doneAt ? dateText(task.doneAt) : '');
  const me = getSession()?.user.name ?? '';
  const facts: [string, string][] = [
    [t('propertyId'), `${d.gnr}/${d.bnr}${d.snr ? `/${d.snr}` : ''}`],
    [t('postcode'), `${d.postcode} · ${areaName(d.area)}`],
    [t('type'), local(DWELLING_TYPE_LABELS[d.type])],
    [t('floor'), String(d.floor)],
    [t('lift'), d.hasLift ? t('yes') : t('no')],
    [t('areaM2'), `${formatNumber(d.areaM2, lang)} m²`],
    [t('rooms'), String(d.rooms)],
    [t('bedrooms'), String(d.approvedBedrooms)],
    [t('lease'), d.leaseType === 'fixed' && d.leaseYears ? `${local(LEASE_TYPE_LABELS.fixed)}, ${t('years', { n: d.leaseYears })}` : local(LEASE_TYPE_LABELS[d.leaseType])],
    [t('occupancy'), d.vacant ? t('vacant') : d.vacantFrom ? t('letUntil', { date: d.vacantFrom }) : t('let')],
  ];
  // Photos of the latest checklists, each once, in checklist order.
  const photos: PhotoRef[] = [];
  const seen = new Set<string>();
  for (const templateId of CHECKLISTS)
    for (const a of Object.values(latest.get(templateId)?.inspection.answers ?? {}))
      for (const p of a.photos ?? [])
        if (!seen.has(p.sha256)) {
          seen.add(p.sha256);
          photos.push(p);
        }

  return (
    <article class="screen report" aria-labelledby="report-title">
      <PrintBar
        back={justCompleted ? `/inspections/${justCompleted}` : `/dwellings/${id}`}
        backText={justCompleted ? t('backToChecklist') : undefined}
        share={{ title: `${t('dwellingReport')}: ${d.address}` }}
      />
      {justCompleted && (
        <p class="ds-alert report-no-print" data-color="success" role="status" data-testid="report-just-completed">
          {t('justCompleted')}
        </p>
      )}
      <header class="report-header">
        <p class="report-kicker">{t('dwellingReport')}</p>
        <h1 id="report-title" class="ds-heading" data-size="lg">
          {d.address}
        </h1>
        <p class="report-meta">{t('printedAt', { date: dateText(new Date().toISOString()), name: me })}</p>
      </header>

      <section aria-labelledby="report-verdict" class="report-section report-verdict" data-verdict={assessment.verdict}>
        <h2 id="report-verdict" class="ds-heading" data-size="sm">
          {t('verdict')}: <span data-testid="report-verdict">{local(VERDICT_LABELS[assessment.verdict])}</span>
        </h2>
        <p class="report-meta">{t('ruleSet', { title: local(ruleSet.title) })}</p>
        <h3 class="ds-heading" data-size="2xs">
          {t('reasons')}
        </h3>
        <ul class="report-reasons">
          {rules.map((r) => (
            <li key={r.ruleId} data-status={r.status}>
              <strong>{t(r.status)}:</strong> {local(r.reason)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="report-facts" class="report-section">
        <h2 id="report-facts" class="ds-heading" data-size="sm">
          {t('facts')}
        </h2>
        <FactList facts={facts} class="report-facts" />
      </section>

      <section aria-labelledby="report-actions" class="report-section" data-testid="report-actions">
        <h2 id="report-actions" class="ds-heading" data-size="sm">
          {t('actions')}
        </h2>
        {actions.length === 0 ? (
          <p>{t('noActionsReport')}</p>
        ) : (
          <table class="ds-table report-answers" data-size="sm">
            <thead>
              <tr>
                <th scope="col">{t('actionWhat')}</th>
                <th scope="col">{t('actionUnit')}</th>
                <th scope="col">{t('actionDue')}</th>
                <th scope="col">{t('actionStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {sortActions(actions).map((a) => (
                <tr key={a.id} data-status={a.data.status}>
                  <th scope="row">
                    {a.data.title}
                    {a.data.finding && <span class="report-detail">{t('actionFinding')}: {a.data.finding}</span>}
                  </th>
                  <td>{unitName(a.data.ownerUnit)}</td>
                  <td>{dateText(a.data.dueDate)}</td>
                  <td>{a.data.status === 'done' ? t('actionDone', { date: closedOn(a.data), note: a.data.closeNote ?? '' }) : t('actionOpen')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-checklists" class="report-section">
        <h2 id="report-checklists" class="ds-heading" data-size="sm">
          {t('checklists')}
        </h2>
        {latest.size === 0 && <p>{t('noChecklists')}</p>}
        {CHECKLISTS.map((templateId) => {
          const filled = latest.get(templateId);
          if (!filled) return null;
          const { inspection, template } = filled;
          const shown = shownChecker(template, inspection.answers);
          const rows = [...itemIndex(template).values()].filter(({ item }) => item.kind !== 'photos' && shown(item));
          return (
            <section key={templateId} class="report-checklist" aria-labelledby={`report-${templateId}`}>
              <h3 id={`report-${templateId}`} class="ds-heading" data-size="xs">
                {local(template.title)}
              </h3>
              <p class="report-meta">
                {t('completedBy', {
                  date: dateText(inspection.completedAt ?? inspection.startedAt),
                  name: personName(inspection.inspectorId) ?? t('unknownPerson'),
                  version: inspection.templateVersion,
                })}
              </p>
              <table class="ds-table report-answers" data-size="sm">
                <thead>
                  <tr>
                    <th scope="col">{t('question')}</th>
                    <th scope="col">{t('answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ item }) => {
                    const answer = inspection.answers[item.id];
                    return (
                      <tr key={item.id}>
                        <th scope="row">{local(item.label)}</th>
                        <td>
                          {local(answerText(item, answer))}
                          {answerDetails(item, answer).map((d) => (
                            <span key={d.key} class="report-detail" data-detail={d.key}>{local(d.label)}: {local(d.text)}</span>
                          ))}
                          {answer?.note && <span class="report-note"> {t('note', { text: answer.note })}</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {inspection.signatures && (
                <div class="report-signatures" data-testid="report-signatures">
                  <h4 class="ds-heading" data-size="2xs">{t('signatures')}</h4>
                  {[
                    [t('roleInspector'), inspection.signatures.inspector] as const,
                    ...(inspection.signatures.tenant ? [[t('roleTenant'), inspection.signatures.tenant] as const] : []),
                  ].map(([role, s]) => (
                    <figure key={role} class="report-signature">
                      <SignatureImage photo={s.photo} />
                      <figcaption>{t('signedBy', { role, name: s.name, date: dateText(s.signedAt) })}</figcaption>
                    </figure>
                  ))}
                </div>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="report-photos" class="report-section">
        <h2 id="report-photos" class="ds-heading" data-size="sm">
          {t('photos')}
        </h2>
        {photos.length === 0 ? (
          <p>{t('noPhotos')}</p>
        ) : (
          <div class="report-photos">
            {photos.map((p) => (
              <ReportPhoto key={p.sha256} photo={p} alt={t('photoAlt')} missingText={t('photoMissing')} />
            ))}
          </div>
        )}
      </section>
    </article>
  );
}
