/** The administrators' list of accounts at `/users`: search, each person's roles, units and status; fetched from the server. */
import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../../../core/schemas/account';
import { apiFetch, ApiError } from '../../api';
import { useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { ROLE_NAMES } from '../../shell/roleNames';
import { useOnline } from '../../shell/useOnline';
import { USERS_TEXT } from './text';
import '../../components/layout.css';
import './users.css';
import { useUnitName } from '../../store/useSettings';

type State = 'loading' | 'offline' | 'ready' | { failed: string };

/** Whether the account's name or username contains every word of the search, ignoring case. */
function matches(account: Account, query: string): boolean {
  const hay = `${account.name} ${account.username}`.toLocaleLowerCase('nb');
  return query.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

/** The list of users. */
export default function UsersScreen() {
  const t = useText(USERS_TEXT);
  const local = useLocal();
  const unitName = useUnitName();
  const online = useOnline();
  const me = getSession()?.user;
  const [users, setUsers] = useState<Account[]>([]);
  const [state, setState] = useState<State>('loading');
  const [query, setQuery] = useState('');

  const load = async () => {
    setState('loading');
    try {
      setUsers((await apiFetch<{ users: Account[] }>('/api/users')).users);
      setState('ready');
    } catch (err) {
      setState(err instanceof ApiError && err.isNetwork ? 'offline' : { failed: err instanceof Error ? err.message : String(err) });
    }
  };
  // Fetched again when the connection comes back, so a list opened offline fills in by itself.
  useEffect(() => {
    if (online) void load();
    else setState((s) => (s === 'ready' ? s : 'offline'));
  }, [online]);

  const shown = users.filter((u) => matches(u, query));
  return (
    <section class="us-screen" aria-labelledby="users-title">
      <div class="titlebar">
        <h1 id="users-title" class="ds-heading" data-size="md">{t('title')}</h1>
        <a class="ds-button" data-variant="primary" href="/users/new">{t('newUser')}</a>
      </div>
      <p class="ds-paragraph">{t('intro')}</p>
      {(!online || state === 'offline') && (
        <div class="ds-alert" data-color="warning" data-testid="users-offline"><p>{t('needsConnection')}</p></div>
      )}
      {state === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {typeof state === 'object' && (
        <div class="ds-alert" data-color="danger" role="alert">
          <p>{t('failed', { reason: state.failed })}</p>
          <button type="button" class="ds-button" data-variant="secondary" onClick={() => void load()}>{t('retry')}</button>
        </div>
      )}
      {users.length > 0 && (
        <>
          <div class="ds-field us-search">
            <label class="ds-label" for="users-search">{t('search')}</label>
            <input id="users-search" class="ds-input" type="search" value={query} autoComplete="off" onInput={(e) => setQuery(e.currentTarget.value)} />
          </div>
          <p class="us-count" role="status">{t('count', { shown: shown.length, total: users.length })}</p>
          {shown.length === 0 && <p class="ds-paragraph">{t('noMatch')}</p>}
          <ul class="row-list" data-testid="user-list">
            {shown.map((u) => (
              <li key={u.id} class="row-item us-row" data-username={u.username}>
                <div class="us-who">
                  <a class="ds-link us-name" href={`/users/${u.id}`}>{u.name}</a>
                  <span class="us-username">{u.username}</span>
                  {u.id === me?.id && <span class="ds-tag" data-color="info">{t('youTag')}</span>}
                  {u.disabled && <span class="ds-tag" data-color="danger">{t('disabledTag')}</span>}
                </div>
                <dl class="us-facts">
                  <dt>{t('rolesLabel')}</dt>
                  <dd>{u.roles.map((r) => local(ROLE_NAMES[r])).join(', ')}</dd>
                  <dt>{t('unitsLabel')}</dt>
                  <dd>{u.units.length ? u.units.map(unitName).join(', ') : t('noUnits')}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
