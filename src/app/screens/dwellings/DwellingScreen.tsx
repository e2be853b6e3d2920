/**
 * A dwelling's page: facts, the verdict with every reason, its follow-up actions, the checklist history (who, when,
 * version) and its photos, and the way to its printable report.
 */
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getTemplate, startTemplate, TEMPLATE_IDS } from '../../../core/checklist/templates';
import { formatDate } from '../../../core/format/formatDate';
import { assessDwelling } from '../../../core/rules/assessDwelling';
import { DWELLING_TYPE_LABELS, OWNERSHIP_LABELS, type Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import { LEASE_TYPE_LABELS } from '../../../core/schemas/lease';
import type { PhotoRef } from '../../../core/sync/protocol';
import { formatNumber } from '../../../core/format/formatNumber';
import { FactList } from '../../components/FactList';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { PhotoList } from '../../photos/PhotoList';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { draftFrom, latestCompletedOf } from '../checklist/newDraft';
import { personName } from '../checklist/personName';
import { templateName } from '../checklist/templateName';
import { RegistryLayout } from './RegistryLayout';
import { DWELLING_TEXT } from './text';
import { VerdictPanel } from './VerdictPanel';
import type { Task } from '../../../core/schemas/task';
import { ActionList } from '../actions/ActionList';
import './dwellings.css';
import { useAreaName, useRuleSet } from '../../store/useSettings';

/** The checklists done on a dwelling (home visits and Foyer follow-ups belong to households and plans). */
const DWELLING_TEMPLATES = [TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.neighbourhood, TEMPLATE_IDS.riskAssessment] as const;
/** Most photos shown on the page; the rest are in their checklists. */
const MAX_PAGE_PHOTOS = 40;

/** The dwelling at `/dwellings/:id`. */
export default function DwellingScreen({ id }: { id: string }) {
  const t = useText(DWELLING_TEXT);
  const areaName = useAreaName();
  const local = useLocal();
  const lang = useLanguage();
  const { route } = useLocation();
  const dwellings = useMemo(() => repo<Dwelling>('dwelling'), []);
  const inspections = useMemo(() => repo<Inspection>('inspection'), []);
  const dwelling = useQuery(() => dwellings.get(id).then((r) => r ?? null), [id]);
  // The checklists are the heavier read (this dwelling's, through the dwelling index); the facts are drawn before it arrives.
  const loaded = useQuery(() => inspections.listBy('dwellingId', id), [id]);
  const history = loaded ?? [];
  const actions = useQuery(() => repo<Task>('task').listBy('dwellingId', id), [id]);
  const ruleSet = useRuleSet();
  const me = getSession()?.user;
  const mayInspect = !!me && (me.roles.includes('inspector') || me.roles.includes('admin'));

  if (dwelling === undefined) return <RegistryLayout selectedId={id}><p aria-busy="true">{t('loading')}</p></RegistryLayout>;
  if (dwelling === null) {
    return (
      <RegistryLayout selectedId={id}>
        <h1 class="ds-heading" data-size="md">{t('notFound')}</h1>
        <a class="ds-link" href="/dwellings">{t('backToRegistry')}</a>
      </RegistryLayout>
    );
  }

  const d = dwelling.data;
  const assessment = loaded && actions && ruleSet ? assessDwelling(d, history.map((h) => h.data), ruleSet, { actions: actions.map((a) => a.data) }) : null;
  const when = (iso: string) => formatDate(iso, lang, { time: true });
  const sorted = [...history].sort((a, b) => (b.data.completedAt ?? b.data.startedAt).localeCompare(a.data.completedAt ?? a.data.startedAt));
  // Only a completed revision replaces the checklist it corrects.
  const revised = new Set(history.filter((h) => h.data.status === 'completed').map((h) => h.data.revisionOf).filter(Boolean));
  const photos: PhotoRef[] = [];
  const seen = new Set<string>();
  for (const h of sorted) {
    for (const a of Object.values(h.data.answers)) {
      for (const p of a.photos ?? []) {
        if (!seen.has(p.sha256) && photos.length < MAX_PAGE_PHOTOS) {
          seen.add(p.sha256);
          photos.push(p);
        }
      }
    }
  }

  const start = async (templateId: string) => {
    const template = startTemplate(templateId);
    if (!template || !me) return;
    const previous = latestCompletedOf(history, templateId);
    const newId = await inspections.create(draftFrom(template, id, me.id, new Date(), previous?.data));
    route(`/inspections/${newId}`);
  };

  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const facts: [string, string][] = [
    [t('propertyId'), `${d.gnr}/${d.bnr}${d.snr ? `/${d.snr}` : ''}`],
    [t('postcode'), `${d.postcode} · ${areaName(d.area)}`],
    [t('type'), local(DWELLING_TYPE_LABELS[d.type])],
    [t('floor'), String(d.floor)],
    [t('hasLift'), yesNo(d.hasLift)],
    [t('areaM2'), `${formatNumber(d.areaM2, lang)} m²`],
    [t('rooms'), String(d.rooms)],
    [t('approvedBedrooms'), String(d.approvedBedrooms)],
    [t('lease'), d.leaseType === 'fixed' && d.leaseYears ? `${local(LEASE_TYPE_LABELS.fixed)}, ${d.leaseYears} ${t('years')}` : local(LEASE_TYPE_LABELS[d.leaseType])],
    [t('occupancyFact'), d.vacant ? t('vacant') : d.vacantFrom ? `${t('let')} · ${t('vacantFrom')} ${d.vacantFrom}` : t('let')],
  ];
  // The KOSTRA facts, when recorded.
  if (d.ownership) facts.push([t('ownership'), local(OWNERSHIP_LABELS[d.ownership])]);
  if (d.wheelchairAccessible != null) facts.push([t('wheelchairAccessible'), yesNo(d.wheelchairAccessible)]);
  if (d.notes) facts.push([t('notes'), d.notes]);

  return (
    <RegistryLayout selectedId={id}>
      <article class="dw-page" aria-labelledby="dwelling-title">
        <a class="ds-link dw-back" href="/dwellings">← {t('backToRegistry')}</a>
        <h1 id="dwelling-title" class="ds-heading" data-size="md">{d.address}</h1>
        {mayInspect && (
          <div class="dw-actions">
            <a class="ds-button" data-variant="secondary" href={`/dwellings/${id}/edit`}>{t('edit')}</a>
          </div>
        )}
        {mayInspect && loaded && history.some((h) => h.data.status === 'completed') && <p class="form-hint">{t('startFromPrevious')}</p>}
        {mayInspect && loaded && (
          <ul class="dw-start">
            {DWELLING_TEMPLATES.map((templateId) => {
              const template = startTemplate(templateId);
              if (!template) return null;
              const draft = history.find((h) => h.data.templateId === templateId && h.data.status === 'draft');
              return (
                <li key={templateId}>
                  {draft ? (
                    <a class="ds-button" data-variant="primary" href={`/inspections/${draft.id}`} data-testid={`continue-${templateId}`}>
                      {t('continueDraft')}: {local(template.title)}
                    </a>
                  ) : (
                    <button type="button" class="ds-button" data-variant="secondary" onClick={() => void start(templateId)} data-testid={`start-${templateId}`}>
                      {t('startTemplate', { title: local(template.title) })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {assessment ? <VerdictPanel assessment={assessment} /> : <p aria-busy="true">{t('loading')}</p>}
        <p><a class="ds-link" href={`/reports/dwellings/${id}`} data-testid="dwelling-report-link">{t('openReport')}</a></p>
        {actions && <ActionList actions={actions} mayClose={!!me} />}
        <section aria-labelledby="dwelling-facts">
          <h2 id="dwelling-facts" class="ds-heading" data-size="xs">{t('facts')}</h2>
          <FactList facts={facts} class="dw-facts" />
        </section>
        <section aria-labelledby="dwelling-history">
          <h2 id="dwelling-history" class="ds-heading" data-size="xs">{t('history')}</h2>
          {!loaded ? (
            <p aria-busy="true">{t('loading')}</p>
          ) : sorted.length === 0 ? (
            <p>{t('noHistory')}</p>
          ) : (
            <div class="dw-table-wrap">
              <table class="ds-table dw-history" data-testid="history">
                <thead>
                  <tr>
                    <th scope="col">{t('historyTemplate')}</th>
                    <th scope="col">{t('historyStatus')}</th>
                    <th scope="col">{t('historyWhen')}</th>
                    <th scope="col">{t('historyWho')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((h) => {
                    const template = getTemplate(h.data.templateId, h.data.templateVersion);
                    const title = template ? templateName(template.title, h.data.templateVersion, lang) : h.data.templateId;
                    const status = h.data.status === 'draft' ? t('draft') : revised.has(h.id) ? t('superseded') : t('completed');
                    return (
                      <tr key={h.id} data-status={h.data.status} data-superseded={revised.has(h.id) || undefined}>
                        <td>
                          <a class="ds-link" href={`/inspections/${h.id}`}>{title}</a>
                          {h.data.revisionOf && <> · {t('revision')}</>}
                        </td>
                        <td>{status}</td>
                        <td>{when(h.data.completedAt ?? h.data.startedAt)}</td>
                        <td>{personName(h.data.inspectorId) ?? t('unknownPerson')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="dwelling-photos">
          <h2 id="dwelling-photos" class="ds-heading" data-size="xs">{t('photos')}</h2>
          {photos.length ? <PhotoList idPrefix="dwelling-photos" photos={photos} onChange={() => undefined} max={0} readOnly /> : <p>{t('noPhotos')}</p>}
        </section>
      </article>
    </RegistryLayout>
  );
}
