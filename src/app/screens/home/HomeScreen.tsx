/** The start page after log-in: what needs this person now, the way to each of their screens, and who is signed in. */
import { useEffect } from 'preact/hooks';
import { formatDate } from '../../../core/format/formatDate';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Allocation } from '../../../core/schemas/allocation';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Household } from '../../../core/schemas/household';
import type { Inspection } from '../../../core/schemas/inspection';
import { summaryOfKey, type DueKey } from '../../store/dueIndex';
import type { Task } from '../../../core/schemas/task';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { ROUTES, mayOpen } from '../../routes';
import { getSession } from '../../session';
import { ROLE_NAMES } from '../../shell/roleNames';
import { useOnline } from '../../shell/useOnline';
import { deviceDb } from '../../store/deviceDb';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { PendingChanges } from '../../sync/PendingChanges';
import { labelRecords, recordKey } from '../../sync/recordLabel';
import { useSyncStatus } from '../../sync/useSyncStatus';
import { attentionItems } from './attentionItems';
import { inspectionsDue } from './inspectionsDue';
import { actionFacts } from '../planning/actionFacts';
import { intervalsFrom } from '../../../core/planning/intervals';
import { loadSettings } from '../../store/useSettings';
import { loadMine } from '../planning/loadMine';
import { PlanLineItem } from '../planning/PlanLineItem';
import { HOME_TEXT, SCREEN_DESCRIPTIONS } from './text';
import '../../components/layout.css';

/** The home screen. */
export default function HomeScreen() {
  const t = useText(HOME_TEXT);
  const local = useLocal();
  const online = useOnline();
  const user = getSession()?.user;
  const roles = user?.roles ?? [];
  const countsVacancy = roles.includes('intake') || roles.includes('admin');
  // Those who inspect see which dwellings are due for a check.
  const inspects = roles.includes('inspector') || roles.includes('admin');
  const lang = useLanguage();
  // Unknown (the device's store does not answer) counts as not loaded: home never says nothing waits when it cannot tell.
  const status = useSyncStatus();
  const sync = status === 'unknown' ? undefined : status;
  const attention = useQuery(async () => {
    if (!user) return [];
    const [tasks, households, dwellings, allocations] = await Promise.all([
      repo<Task>('task').list(),
      repo<Partial<Household>>('household').list(),
      countsVacancy ? repo<Dwelling>('dwelling').list((d) => d.vacant) : Promise.resolve(undefined),
      countsVacancy ? repo<Allocation>('allocation').list() : Promise.resolve(undefined),
    ]);
    const now = new Date();
    return attentionItems({
      user,
      tasks: tasks.map((r) => r.data),
      households: households.map((r) => r.data),
      dwellings: dwellings?.map((r) => ({ ...r.data, id: r.id, changedAt: r.updatedAt })),
      allocations: allocations?.map((r) => r.data),
      today: norwegianDate(now),
      now,
    });
  }, [user?.id]);
  // Dwellings due for a check: the completed checklists are read from the device's due index (their keys alone, not
  // their answers), so the count stays cheap with thousands of checklists on the device.
  const due = useQuery(async () => {
    if (!inspects) return [];
    const [dwellings, completed, allocations, tasks, settings] = await Promise.all([
      repo<Dwelling>('dwelling').list(),
      deviceDb().records.orderBy('due').keys() as Promise<unknown[]> as Promise<DueKey[]>,
      repo<Allocation>('allocation').list(),
      repo<Task>('task').list(),
      loadSettings(),
    ]);
    return inspectionsDue(
      dwellings.map((d) => d.id),
      completed.map(summaryOfKey),
      norwegianDate(new Date()),
      allocations.map((a) => a.data),
      tasks.map((t) => actionFacts(t.data)),
      intervalsFrom(settings),
    );
  }, [inspects]);
  // The person's own planned inspections (Mine befaringer), for those who may be given one.
  const mine = useQuery(async () => (user && roles.includes('inspector') ? loadMine(user.id, norwegianDate(new Date())) : null), [user?.id]);
  // The person's own checklists not yet completed, the one started last first.
  const drafts = useQuery(async () => {
    if (!user) return [];
    const mine = await repo<Inspection>('inspection').listBy('status', 'draft', (i) => i.inspectorId === user.id);
    mine.sort((a, b) => b.data.startedAt.localeCompare(a.data.startedAt));
    const labels = await labelRecords(deviceDb(), mine.map((d) => ['inspection', d.id] as const));
    return mine.map((d) => ({ id: d.id, startedAt: d.data.startedAt, label: labels.get(recordKey('inspection', d.id))! }));
  }, [user?.id]);
  useEffect(() => {
    document.title = 'Egnet';
  }, []);
  if (!user) return null;
  const dateText = (iso: string) => formatDate(iso, lang);
  const loaded = attention !== undefined && due !== undefined && drafts !== undefined && sync !== undefined && mine !== undefined;
  const myItems = mine
    ? ([
        { key: 'myOverdue', n: mine.overdue.length, href: '/my-inspections' },
        { key: 'myDue', n: mine.due.length, href: '/my-inspections' },
      ] as const).filter((i) => i.n > 0)
    : [];
  const items = [...myItems, ...(attention ?? []), ...(due ?? [])];
  // "Nothing is pressing" only when nothing is: no task, consent or check due, no draft and nothing waiting to sync.
  const nothing = loaded && items.length === 0 && drafts.length === 0 && sync.pending === 0;
  // The screens in the menu except home itself, sync and settings (the header and menu lead there already).
  const screens = ROUTES.filter((r) => r.nav && r.path !== '/' && SCREEN_DESCRIPTIONS[r.path] && mayOpen(r, roles));
  return (
    <section class="screen">
      <h1 class="ds-heading" data-size="lg">
        {t('title', { name: user.name })}
      </h1>

      <section class="screen-section" aria-labelledby="home-now">
        <h2 id="home-now" class="ds-heading" data-size="sm">
          {t('nowTitle')}
        </h2>
        {!loaded ? (
          <p aria-busy="true">{t('loading')}</p>
        ) : nothing ? (
          <p class="ds-paragraph" data-testid="home-attention-none">{t('nothingNow')}</p>
        ) : items.length === 0 ? (
          <p class="ds-paragraph">{t('onlyBelow')}</p>
        ) : (
          <ul class="row-list" data-testid="home-attention">
            {items.map((a) => (
              <li key={a.key} class="row-item" data-key={a.key}>
                <a class="ds-link" href={a.href}>
                  {t(a.n === 1 ? `${a.key}One` : a.key, { n: a.n })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mine && (
        <section class="screen-section" aria-labelledby="home-mine" data-testid="home-mine">
          <h2 id="home-mine" class="ds-heading" data-size="sm">
            {t('mineTitle')}
          </h2>
          <p class="ds-paragraph">
            {t('mineSummary', { overdue: mine.overdue.length, due: mine.due.length, later: mine.assigned.length, done: mine.doneThisWeek.length })}
          </p>
          <ul class="row-list">
            {[...mine.overdue, ...mine.due].slice(0, 5).map((l) => (
              <PlanLineItem key={l.id} id={l.id} plan={l.data} address={mine.addresses.get(l.data.dwellingId) ?? null} late={mine.overdue.includes(l)} inspectors={undefined} />
            ))}
          </ul>
          <p class="ds-paragraph">
            <a class="ds-link" href="/my-inspections">{t('mineOpen')}</a>
          </p>
        </section>
      )}

      {drafts && drafts.length > 0 && (
        <section class="screen-section" aria-labelledby="home-drafts" data-testid="home-drafts">
          <h2 id="home-drafts" class="ds-heading" data-size="sm">
            {t('draftsTitle', { n: drafts.length })}
          </h2>
          <ul class="row-list">
            {drafts.map((d) => (
              <li key={d.id} class="row-item">
                <span>
                  <a class="ds-link" href={d.label.href ?? `/inspections/${d.id}`}>{local(d.label.text)}</a>
                  {' – '}
                  {t('draftStarted', { when: dateText(d.startedAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <PendingChanges heading={(id) => <h2 id={id} class="ds-heading" data-size="sm">{t('pendingTitle')}</h2>} />

      <section class="screen-section" aria-labelledby="home-screens">
        <h2 id="home-screens" class="ds-heading" data-size="sm">
          {t('screensTitle')}
        </h2>
        <ul class="row-list" data-testid="home-screens">
          {screens.map((r) => (
            <li key={r.path} class="row-item">
              <span>
                <a class="ds-link" href={r.path}>
                  {local(r.nav!.label)}
                </a>
                {' – '}
                {local(SCREEN_DESCRIPTIONS[r.path]!)}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <dl class="facts screen-section">
        <div>
          <dt>{user.roles.length === 1 ? t('role') : t('roles')}</dt>
          <dd data-testid="home-roles">{user.roles.map((r) => local(ROLE_NAMES[r])).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('username')}</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>{t('connection')}</dt>
          <dd data-testid="home-connection">{online ? t('online') : t('offline')}</dd>
        </div>
      </dl>
    </section>
  );
}
