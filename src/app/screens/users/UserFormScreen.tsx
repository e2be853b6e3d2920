/**
 * Create or edit an account at `/users/new` and `/users/:id`: name, roles and units as checkboxes, a temporary password,
 * disable/enable with a confirmation, and the account's change log. Online-only: offline it says so and keeps the form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ROLES, type Role } from '../../../core/entities';
import type { Account, AccountLogEntry } from '../../../core/schemas/account';
import { OWNER_UNIT_LABELS, OWNER_UNITS, type OwnerUnit } from '../../../core/schemas/ownerUnit';
import { apiFetch, ApiError } from '../../api';
import { CheckboxChoices } from '../../components/CheckboxChoices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { ROLE_NAMES } from '../../shell/roleNames';
import { useOnline } from '../../shell/useOnline';
import { USERS_TEXT } from './text';
import {
  USER_FORM_FIELDS,
  accountToForm,
  checkNewPassword,
  checkNewUser,
  checkUserChange,
  emptyUserForm,
  issuesToErrors,
  type UserFormErrors,
  type UserFormField,
  type UserFormValues,
} from './userForm';
import '../../components/forms.css';
import '../../components/layout.css';
import './users.css';

type Load = 'loading' | 'offline' | 'missing' | 'ready' | { failed: string };
type Notice = { kind: 'success' | 'danger' | 'warning'; text: string } | null;

const fieldId = (f: UserFormField) => `user-${f}`;

type GroupProps<V extends string> = {
  id: string;
  legend: string;
  hint: string;
  error?: string;
  options: readonly { value: V; label: string; locked?: boolean }[];
  selected: readonly V[];
  onChange: (next: V[]) => void;
};

// Checkboxes in a fieldset: the first box carries the id an error summary link focuses; the error sits under the boxes.
function CheckboxGroup<V extends string>({ id, legend, hint, error, options, selected, onChange }: GroupProps<V>) {
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class="ds-fieldset form-field" aria-describedby={described}>
      <legend class="ds-label">{legend}</legend>
      <p class="form-hint" id={`${id}-hint`}>{hint}</p>
      <CheckboxChoices class="us-choices" options={options} selected={selected} onChange={onChange} firstId={id} invalid={Boolean(error)} />
      {error && <p class="ds-validation-message" id={`${id}-error`}>{error}</p>}
    </fieldset>
  );
}

/** The user form. */
export default function UserFormScreen({ id }: { id?: string }) {
  const t = useText(USERS_TEXT);
  const lang = useLanguage();
  const local = useLocal();
  const online = useOnline();
  const { route, query } = useLocation();
  const me = getSession()?.user;
  const isSelf = !!id && id === me?.id;

  const [account, setAccount] = useState<Account | null>(null);
  const [load, setLoad] = useState<Load>(id ? 'loading' : 'ready');
  const [values, setValues] = useState<UserFormValues>(emptyUserForm);
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(id && query.created ? { kind: 'success', text: t('created') } : null);
  const [log, setLog] = useState<AccountLogEntry[]>([]);

  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [passwordNotice, setPasswordNotice] = useState<Notice>(null);

  const [confirming, setConfirming] = useState(false);
  const [statusNotice, setStatusNotice] = useState<Notice>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  const fetchAccount = async (target: string) => {
    try {
      const [{ user }, { entries }] = await Promise.all([
        apiFetch<{ user: Account }>(`/api/users/${target}`),
        apiFetch<{ entries: AccountLogEntry[] }>(`/api/users/${target}/log`),
      ]);
      setAccount(user);
      setLog(entries);
      // What the person has typed is kept: the form is filled only the first time.
      setValues((v) => (load === 'ready' ? v : accountToForm(user)));
      setLoad('ready');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setLoad('missing');
      else setLoad(err instanceof ApiError && err.isNetwork ? 'offline' : { failed: err instanceof Error ? err.message : String(err) });
    }
  };

  useEffect(() => {
    if (id && online && load !== 'ready') void fetchAccount(id);
    if (id && !online && load === 'loading') setLoad('offline');
  }, [id, online]);

  // Focus goes to the question when it opens and back to the button when it closes, so a keyboard user stays in place.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) toggleButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  /** Calls the server; offline (or no answer) says "Krever nett" and leaves the form as it is. */
  const send = async <T,>(path: string, method: string, json: unknown, show: (n: Notice) => void): Promise<{ answer: T } | null> => {
    if (!online) {
      show({ kind: 'warning', text: t('needsConnectionForm') });
      return null;
    }
    try {
      return { answer: await apiFetch<T>(path, { method, json }) };
    } catch (err) {
      if (!(err instanceof ApiError && err.isNetwork)) throw err;
      show({ kind: 'warning', text: t('needsConnectionForm') });
      return null;
    }
  };

  const set = <F extends keyof UserFormValues>(field: F, value: UserFormValues[F]) => {
    setValues({ ...values, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setNotice(null);
    setAttempt((n) => n + 1);
    const checked = id ? checkUserChange(values, lang) : checkNewUser(values, lang);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const sent = await send<{ user: Account }>(id ? `/api/users/${id}` : '/api/users', id ? 'PATCH' : 'POST', checked.body, setNotice);
      if (!sent) return;
      if (!id) return route(`/users/${sent.answer.user.id}?created=1`);
      setAccount(sent.answer.user);
      setValues(accountToForm(sent.answer.user));
      setNotice({ kind: 'success', text: t('saved') });
      void fetchAccount(id);
    } catch (err) {
      const { errors: byField, other } = issuesToErrors(err instanceof ApiError ? err.issues : undefined, lang);
      setErrors(byField);
      if (Object.keys(byField).length === 0 || other.length) setNotice({ kind: 'danger', text: t('notSaved', { reason: other[0] ?? (err instanceof Error ? err.message : String(err)) }) });
    } finally {
      setBusy(false);
    }
  };

  const savePassword = async () => {
    if (!id || busy) return;
    setPasswordNotice(null);
    const checked = checkNewPassword(password, lang);
    if (!checked.ok) return setPasswordError(checked.errors.password);
    setPasswordError(undefined);
    setBusy(true);
    try {
      const sent = await send<undefined>(`/api/users/${id}/password`, 'PUT', checked.body, setPasswordNotice);
      if (!sent) return;
      setPassword('');
      setPasswordNotice({ kind: 'success', text: t('passwordSet') });
      void fetchAccount(id);
    } catch (err) {
      const { errors: byField } = issuesToErrors(err instanceof ApiError ? err.issues : undefined, lang);
      if (byField.password) setPasswordError(byField.password);
      else setPasswordNotice({ kind: 'danger', text: t('notSaved', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const toggleDisabled = async () => {
    if (!id || !account || busy) return;
    setBusy(true);
    setStatusNotice(null);
    const disabled = !account.disabled;
    try {
      const sent = await send<{ user: Account }>(`/api/users/${id}`, 'PATCH', { disabled }, setStatusNotice);
      setConfirming(false);
      if (!sent) return;
      setAccount(sent.answer.user);
      setStatusNotice({ kind: 'success', text: sent.answer.user.disabled ? t('disabledDone') : t('enabledDone') });
      void fetchAccount(id);
    } catch (err) {
      setConfirming(false);
      setStatusNotice({ kind: 'danger', text: t('notSaved', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const back = <a class="ds-link" href="/users">← {t('back')}</a>;
  if (load === 'missing') return <section class="us-screen">{back}<h1 class="ds-heading" data-size="md">{t('notFound')}</h1></section>;
  if (!account && id) {
    return (
      <section class="us-screen">
        {back}
        <h1 class="ds-heading" data-size="md">{t('title')}</h1>
        {load === 'loading' && <p aria-busy="true">{t('loading')}</p>}
        {load === 'offline' && <div class="ds-alert" data-color="warning" data-testid="users-offline"><p>{t('needsConnection')}</p></div>}
        {typeof load === 'object' && <div class="ds-alert" data-color="danger" role="alert"><p>{t('failed', { reason: load.failed })}</p></div>}
      </section>
    );
  }

  const labelOf: Record<UserFormField, string> = { username: t('username'), name: t('name'), roles: t('roles'), units: t('units'), password: t('password') };
  const summary = USER_FORM_FIELDS.filter((f) => errors[f]).map((f) => ({ targetId: fieldId(f), message: `${labelOf[f]}: ${errors[f]}` }));
  const roleOptions = ROLES.map((r) => ({ value: r, label: local(ROLE_NAMES[r]), locked: isSelf && r === 'admin' && account?.roles.includes('admin') }));
  const unitOptions = OWNER_UNITS.map((u) => ({ value: u, label: local(OWNER_UNIT_LABELS[u]) }));
  const when = (iso: string) => new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const listText = (v: unknown, names: (x: string) => string) => (Array.isArray(v) && v.length ? v.map((x) => names(String(x))).join(', ') : t('none'));
  const roleName = (r: string) => (r in ROLE_NAMES ? local(ROLE_NAMES[r as Role]) : r);
  const unitName = (u: string) => (u in OWNER_UNIT_LABELS ? local(OWNER_UNIT_LABELS[u as OwnerUnit]) : u);
  const logLine = (e: AccountLogEntry): string => {
    if (e.action !== 'update') return t(`log_${e.action}`);
    return Object.entries(e.changes)
      .map(([field, { from, to }]) => {
        if (field === 'disabled') return t(to ? 'log_disabled' : 'log_enabled');
        if (field === 'roles') return t('log_roles', { from: listText(from, roleName), to: listText(to, roleName) });
        if (field === 'units') return t('log_units', { from: listText(from, unitName), to: listText(to, unitName) });
        return t('log_name', { from: String(from), to: String(to) });
      })
      .join('; ');
  };
  const noticeBox = (n: Notice, testid: string) =>
    n && (
      <div class="ds-alert" data-color={n.kind} role={n.kind === 'success' ? 'status' : 'alert'} data-testid={testid}>
        <p>{n.text}</p>
      </div>
    );

  return (
    <section class="us-screen">
      {back}
      <form class="us-form" onSubmit={save} noValidate aria-labelledby="user-form-title">
        <h1 id="user-form-title" class="ds-heading" data-size="md">{account ? t('editTitle', { name: account.name }) : t('newTitle')}</h1>
        {!online && <div class="ds-alert" data-color="warning" data-testid="users-offline"><p>{t('needsConnectionForm')}</p></div>}
        <ErrorSummary title={t('formErrors')} errors={summary} attempt={attempt} />
        {account ? (
          <p class="us-username-line"><span class="ds-label">{t('username')}:</span> <span data-testid="user-username">{account.username}</span></p>
        ) : (
          <FormField id={fieldId('username')} label={t('username')} hint={t('usernameHint')} error={errors.username}>
            {(a11y) => (
              <input class="ds-input" type="text" value={values.username} autoComplete="off" autoCapitalize="none" spellcheck={false} onInput={(e) => set('username', e.currentTarget.value)} {...a11y} />
            )}
          </FormField>
        )}
        <FormField id={fieldId('name')} label={t('name')} error={errors.name}>
          {(a11y) => <input class="ds-input" type="text" value={values.name} autoComplete="off" onInput={(e) => set('name', e.currentTarget.value)} {...a11y} />}
        </FormField>
        <CheckboxGroup
          id={fieldId('roles')}
          legend={t('roles')}
          hint={isSelf && account?.roles.includes('admin') ? `${t('rolesHint')} ${t('ownAdminRole')}` : t('rolesHint')}
          error={errors.roles}
          options={roleOptions}
          selected={values.roles}
          onChange={(next) => set('roles', next)}
        />
        <CheckboxGroup id={fieldId('units')} legend={t('units')} hint={t('unitsHint')} error={errors.units} options={unitOptions} selected={values.units} onChange={(next) => set('units', next)} />
        {!account && (
          <FormField id={fieldId('password')} label={t('password')} hint={t('passwordHint')} error={errors.password}>
            {(a11y) => <input class="ds-input" type="text" value={values.password} autoComplete="new-password" spellcheck={false} onInput={(e) => set('password', e.currentTarget.value)} {...a11y} />}
          </FormField>
        )}
        {noticeBox(notice, 'user-form-notice')}
        <div class="us-actions">
          <button type="submit" class="ds-button" data-variant="primary" aria-disabled={busy || undefined}>{busy ? t('saving') : account ? t('save') : t('create')}</button>
          <a class="ds-button" data-variant="tertiary" href="/users">{t('cancel')}</a>
        </div>
      </form>

      {account && (
        <>
          <section class="screen-section" aria-labelledby="user-password-title">
            <h2 id="user-password-title" class="ds-heading" data-size="sm">{t('passwordTitle')}</h2>
            <p class="ds-paragraph">{t('passwordIntro')}</p>
            <FormField id="user-new-password" label={t('password')} hint={t('passwordHint')} error={passwordError}>
              {(a11y) => (
                <input
                  class="ds-input"
                  type="text"
                  value={password}
                  autoComplete="new-password"
                  spellcheck={false}
                  onInput={(e) => {
                    setPassword(e.currentTarget.value);
                    setPasswordError(undefined);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void savePassword();
                    }
                  }}
                  {...a11y}
                />
              )}
            </FormField>
            {noticeBox(passwordNotice, 'user-password-notice')}
            <div class="us-actions">
              <button type="button" class="ds-button" data-variant="secondary" onClick={() => void savePassword()}>{t('setPassword')}</button>
            </div>
          </section>

          <section class="screen-section" aria-labelledby="user-status-title">
            <h2 id="user-status-title" class="ds-heading" data-size="sm">{t('statusTitle')}</h2>
            <p class="ds-paragraph" data-testid="user-status">{account.disabled ? t('statusDisabled') : t('statusActive')}</p>
            {isSelf && !account.disabled ? (
              <p class="form-hint">{t('selfDisable')}</p>
            ) : (
              !confirming && (
                <div class="us-actions">
                  <button
                    type="button"
                    ref={toggleButton}
                    class="ds-button"
                    data-variant="secondary"
                    data-color={account.disabled ? undefined : 'danger'}
                    onClick={() => setConfirming(true)}
                  >
                    {account.disabled ? t('enable') : t('disable')}
                  </button>
                </div>
              )
            )}
            {confirming && (
              <div
                class="ds-alert us-confirm"
                data-color={account.disabled ? 'info' : 'danger'}
                role="group"
                aria-labelledby="user-confirm-text"
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setConfirming(false);
                }}
              >
                <p id="user-confirm-text">{t(account.disabled ? 'enableConfirm' : 'disableConfirm', { name: account.name })}</p>
                <div class="us-actions">
                  <button type="button" ref={confirmButton} class="ds-button" data-variant="primary" data-color={account.disabled ? undefined : 'danger'} onClick={() => void toggleDisabled()}>
                    {account.disabled ? t('enableYes') : t('disableYes')}
                  </button>
                  <button type="button" class="ds-button" data-variant="tertiary" onClick={() => setConfirming(false)}>{t('cancel')}</button>
                </div>
              </div>
            )}
            {noticeBox(statusNotice, 'user-status-notice')}
          </section>

          {log.length > 0 && (
            <section class="screen-section" aria-labelledby="user-log-title">
              <h2 id="user-log-title" class="ds-heading" data-size="sm">{t('logTitle')}</h2>
              <div class="us-scroll" tabIndex={0} role="region" aria-labelledby="user-log-caption">
                <table class="line-table" data-testid="user-log">
                  <caption id="user-log-caption">{t('logCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('logWhen')}</th>
                      <th scope="col">{t('logWho')}</th>
                      <th scope="col">{t('logWhat')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {log.map((e) => (
                      <tr key={e.seq}>
                        <td>{when(e.at)}</td>
                        <td>{e.actorId ? (e.actorName ?? e.actorId.slice(0, 8)) : t('logCommandLine')}</td>
                        <td>{logLine(e)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </section>
  );
}
