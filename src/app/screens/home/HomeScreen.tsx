/** The start page after log-in: what needs this person now, the way to each of their screens, and who is signed in. */
import { useEffect } from 'preact/hooks';
import { formatDate } from '../../../core/format/formatDate';
import type { Inspection } from '../../../core/schemas/inspection';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { ROUTES, mayOpen } from '../../routes';
import { getSession } from '../../session';
import { ROLE_NAMES } from '../../shell/roleNames';
import { useOnline } from '../../shell/useOnline';
import { useWhenIdle } from '../../shell/useWhenIdle';
import { deviceDb } from '../../store/deviceDb';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { PendingChanges } from '../../sync/PendingChanges';
import { labelRecords, recordKey } from '../../sync/recordLabel';
import { useSyncStatus } from '../../sync/useSyncStatus';
import { useMine } from '../planning/loadMine';
import { loadHomeCounts } from './homeCounts';
import { PlanLineItem } from '../planning/PlanLineItem';
import { HOME_TEXT, SCREEN_DESCRIPTIONS } from './text';
import '../../components/layout.css';

/** How long home's own lists have the device to themselves before the counts over the whole stock are read. */
const COUNTS_DELAY_MS = 300;

/** The home screen. */
export default function HomeScreen() {
  const t = useText(HOME_TEXT);
  const local = useLocal();
  const online = useOnline();
  const user = getSession()?.user;
  const roles = user?.roles ?? [];
  // Those who inspect see which dwellings are due for a check.
  const inspects = roles.includes('inspector') || roles.includes('admin');
  const lang = useLanguage();
  // Unknown (the device's store does not answer) counts as not loaded: home never says nothing waits when it cannot tell.
  const status = useSyncStatus();
  const sync = status === 'unknown' ? undefined : status;
  // What needs this person now and (for those who inspect) the dwellings due: counted through the device's indexes,
  // reading the open tasks once and never a dwelling's data or a checklist's answers (homeCounts.ts). These reads go
  // over the whole stock, so they start once the person's own lists are drawn and the browser is idle.
  const countsDue = useWhenIdle(COUNTS_DELAY_MS);
  const counts = useQuery(
    async () => (!countsDue ? undefined : user ? loadHomeCounts(user, inspects) : { attention: [], due: [] }),
    [user?.id, inspects, countsDue],
  );
  const attention = counts?.attention;
  const due = counts?.due;
  // The person's own planned inspections (Mine befaringer), for those who may be given one.
  const given = roles.includes('inspector');
  const mineRead = useMine(given ? user?.id : undefined);
  const mine = given ? mineRead : null;
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
