/** One household: its facts (as far as this person may see them), crowding in its dwelling, consent, visits and tasks. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Household } from '../../../core/schemas/household';
import type { Task } from '../../../core/schemas/task';
import type { Visit } from '../../../core/schemas/visit';
import { useLanguage, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { TaskList } from '../tasks/TaskList';
import { startVisit } from '../visits/startVisit';
import { ConsentSummary, dateText } from './ConsentSummary';
import { bedroomsFor, childAges, compositionText, consentStateOf, crowdingOf, seesAll, type HouseholdView } from './householdFacts';
import { HOUSEHOLD_TEXT } from './text';
import '../../components/layout.css';
import './households.css';
import { useAreaName } from '../../store/useSettings';

/** The page at `/households/:id`. */
export default function HouseholdScreen({ id }: { id: string }) {
  const t = useText(HOUSEHOLD_TEXT);
  const areaName = useAreaName();
  const lang = useLanguage();
  const { route } = useLocation();
  const me = getSession()?.user;
  const households = useMemo(() => repo<HouseholdView>('household'), []);
  const record = useQuery(() => households.get(id).then((r) => r ?? null), [id]);
  const dwellingId = record?.data.dwellingId ?? null;
  const dwelling = useQuery(() => (dwellingId ? repo<Dwelling>('dwelling').get(dwellingId).then((r) => r ?? null) : null), [dwellingId]);
  const visits = useQuery(() => repo<Visit>('visit').list((v) => v.householdId === id), [id]);
  const tasks = useQuery(() => repo<Task>('task').list((v) => v.householdId === id), [id]);
  const [confirming, setConfirming] = useState(false);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const tasksHeading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Keyboard and screen-reader users land on the question when it opens, and back on the button when it closes.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) withdrawButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (record === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (record === null) {
    return (
      <section class="hh-screen">
        <a class="ds-link" href="/households">← {t('backToList')}</a>
        <h1 class="ds-heading" data-size="md">{t('notFound')}</h1>
        <p class="ds-paragraph">{t('notFoundHint')}</p>
      </section>
    );
  }

  const h = record.data;
  const now = new Date();
  const full = seesAll(h, me);
  const isAdmin = !!me?.roles.includes('admin');
  const mayOpenDwelling = !!me?.roles.some((r) => r === 'admin' || r === 'inspector' || r === 'intake');
  const mayEdit = full && (isAdmin || !!me?.roles.includes('counsellor'));
  const state = consentStateOf(h, now, full);
  const crowding = crowdingOf(h, dwelling?.data);
  const bedrooms = bedroomsFor(h);
  const shown = (field: keyof Household) => field in h;
  const missing = <span class="hh-muted">{t('notShared')}</span>;

  const withdraw = async () => {
    if (!h.consent) return;
    setProblem(null);
    try {
      await households.put(id, { consent: { ...h.consent, withdrawnAt: new Date().toISOString() } });
      setConfirming(false);
      setMessage(t('withdrawn'));
    } catch (err) {
      setProblem(t('notSaved', { reason: String((err as { text?: { nb: string } }).text?.nb ?? err) }));
    }
  };

  const newVisit = async () => {
    if (!me) return;
    setProblem(null);
    try {
      const visitId = await startVisit(id, h as Household, dwelling?.data ?? null, me.id);
      route(`/visits/${visitId}`);
    } catch (err) {
      setProblem(t('notSaved', { reason: String(err) }));
    }
  };

  return (
    <section class="hh-screen" aria-labelledby="household-title">
      <a class="ds-link" href="/households">← {t('backToList')}</a>
      <div class="titlebar">
        <h1 id="household-title" class="ds-heading" data-size="md">{h.displayName ?? '–'}</h1>
        <span class="hh-item-facts">
          {h.priorityFamily && <span class="ds-tag" data-color="accent">{t('priority')}</span>}
          {state && <span class="ds-tag" data-color={state === 'valid' ? 'success' : 'warning'}>{t(`state_${state}`)}</span>}
        </span>
      </div>
      {!full && (
        <div class="ds-alert" data-color="info" data-testid="shared-notice">
          <p>{t('sharedNotice')}</p>
        </div>
      )}
      {message && <p class="ds-paragraph" role="status">{message}</p>}
      {problem && <div class="ds-alert" data-color="danger" role="alert"><p>{problem}</p></div>}

      <dl class="hh-facts" data-testid="household-facts">
        <dt>{t('composition')}</dt>
        <dd>
          {!shown('childBirthYears') ? missing : (h.childBirthYears ?? []).length === 0 ? t('childrenNone') : (
            <>
              {compositionText(t, h.adults ?? 0, h.childBirthYears!.length)}:{' '}
              {childAges(h, now).map((c) => t('childYear', { year: c.year, age: c.age, next: c.age + 1 })).join(', ')}
            </>
          )}
        </dd>
        <dt>{t('languageNeeds')}</dt>
        <dd>{shown('languageNeeds') || full ? h.languageNeeds || '–' : missing}</dd>
        <dt>{t('dwelling')}</dt>
        <dd>
          {!shown('dwellingId') && !full ? missing : !h.dwellingId ? t('dwellingNone') : !dwelling ? t('dwellingUnknown') : mayOpenDwelling ? (
            <a class="ds-link" href={`/dwellings/${h.dwellingId}`}>{dwelling.data.address}</a>
          ) : dwelling.data.address}
        </dd>
        {h.dwellingId && (
          <>
            <dt>{t('crowding')}</dt>
            <dd data-testid="crowding">
              {crowding
                ? t(crowding.crowded ? 'crowded' : 'notCrowded', {
                    persons: crowding.persons,
                    rooms: crowding.rooms,
                    area: crowding.areaM2.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB'),
                    per: crowding.perPerson.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB'),
                  })
                : t('crowdingUnknown')}
              {bedrooms !== null && <> · {t('bedrooms', { n: bedrooms })}</>}
            </dd>
          </>
        )}
        <dt>{t('needs')}</dt>
        <dd>
          {!h.needs ? missing : (
            <>
              {t(`access_${h.needs.accessibility}`)}
              {h.needs.preferredAreas.length > 0 && <> · {t('preferredAreas')}: {h.needs.preferredAreas.map(areaName).join(', ')}</>}
              {h.needs.neededBy && <> · {t('neededBy')} {dateText(h.needs.neededBy, lang)}</>}
            </>
          )}
        </dd>
        {full && (
          <>
            <dt>{t('notes')}</dt>
            <dd class="hh-notes">{h.notes || '–'}</dd>
          </>
        )}
      </dl>
      <div class="hh-actions">
        {mayEdit && <a class="ds-button" data-variant="secondary" href={`/households/${id}/edit`}>{t('edit')}</a>}
        {isAdmin && <a class="ds-button" data-variant="tertiary" href={`/households/${id}/audit`}>{t('auditLog')}</a>}
      </div>

      {full && (
        <section class="screen-section" aria-labelledby="consent-title">
          <h2 id="consent-title" class="ds-heading" data-size="sm">{t('consentTitle')}</h2>
          <ConsentSummary consent={h.consent} now={now} />
          {mayEdit && (
            <div class="hh-actions">
              <a class="ds-button" data-variant={state === 'valid' ? 'secondary' : 'primary'} href={`/households/${id}/consent`}>
                {state === 'none' ? t('recordConsent') : t('renewConsent')}
              </a>
              {h.consent && !h.consent.withdrawnAt && !confirming && (
                <button type="button" ref={withdrawButton} class="ds-button" data-variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
                  {t('withdrawConsent')}
                </button>
              )}
            </div>
          )}
          {confirming && (
            <div class="ds-alert" data-color="warning" role="alert" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
              <p>{t('withdrawConfirm')}</p>
              <div class="hh-actions">
                <button type="button" ref={confirmButton} class="ds-button" data-variant="primary" data-color="danger" onClick={() => void withdraw()}>{t('withdrawYes')}</button>
                <button type="button" class="ds-button" data-variant="tertiary" onClick={() => setConfirming(false)}>{t('cancel')}</button>
              </div>
            </div>
          )}
        </section>
      )}

      {full && (
        <section class="screen-section" aria-labelledby="visits-title">
          <h2 id="visits-title" class="ds-heading" data-size="sm">{t('visitsTitle')}</h2>
          {(visits ?? []).length === 0 ? <p class="ds-paragraph">{t('visitsNone')}</p> : (
            <ul class="row-list">
              {(visits ?? []).slice().sort((a, b) => b.data.date.localeCompare(a.data.date)).map((v) => (
                <li key={v.id} class="row-item">
                  <a class="ds-link" href={`/visits/${v.id}`}>{t('visitOn', { date: dateText(v.data.date, lang) })}</a>
                </li>
              ))}
            </ul>
          )}
          {mayEdit && <button type="button" class="ds-button" data-variant="primary" onClick={() => void newVisit()}>{t('newVisit')}</button>}
        </section>
      )}

      <section class="screen-section" aria-labelledby="tasks-title">
        <h2 id="tasks-title" ref={tasksHeading} tabIndex={-1} class="ds-heading" data-size="sm">{t('tasksTitle')}</h2>
        {tasks && tasks.length === 0 && <p class="ds-paragraph">{t('tasksNone')}</p>}
        <TaskList tasks={tasks ?? []} heading={tasksHeading} testId="household-tasks" />
        <a class="ds-link" href="/tasks">{t('allTasks')}</a>
      </section>
    </section>
  );
}
