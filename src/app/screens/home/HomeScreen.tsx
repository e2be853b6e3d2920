/** The start page after log-in: what needs this person now, the way to each of their screens, and who is signed in. */
import { useEffect } from 'preact/hooks';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Allocation } from '../../../core/schemas/allocation';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Household } from '../../../core/schemas/household';
import type { Task } from '../../../core/schemas/task';
import { useLocal, useText } from '../../i18n/language';
import { ROUTES, mayOpen } from '../../routes';
import { getSession } from '../../session';
import { ROLE_NAMES } from '../../shell/roleNames';
import { useOnline } from '../../shell/useOnline';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { attentionItems } from './attentionItems';
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
  useEffect(() => {
    document.title = 'Egnet';
  }, []);
  if (!user) return null;
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
        {attention === undefined ? (
          <p aria-busy="true">{t('loading')}</p>
        ) : attention.length === 0 ? (
          <p class="ds-paragraph" data-testid="home-attention-none">{t('nothingNow')}</p>
        ) : (
          <ul class="row-list" data-testid="home-attention">
            {attention.map((a) => (
              <li key={a.key} class="row-item">
                <a class="ds-link" href={a.href}>
                  {t(a.n === 1 ? `${a.key}One` : a.key, { n: a.n })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

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
