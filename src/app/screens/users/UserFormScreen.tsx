/**
 * Create or edit an account at `/users/new` and `/users/:id`: name, roles and units as checkboxes, a temporary password,
 * disable/enable with a confirmation, and the account's change log. Online-only: offline it says so and keeps the form.
 * The form's state is one reducer (userFormState.ts); password, status and log are parts of their own.
 */
import { useEffect, useReducer } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ROLES } from '../../../core/entities';
import { MIN_PASSWORD_LENGTH, type Account } from '../../../core/schemas/account';
import { ApiError } from '../../api';
import { CheckboxChoices } from '../../components/CheckboxChoices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { ROLE_NAMES } from '../../shell/roleNames';
import { useOnline } from '../../shell/useOnline';
import { AccountLog } from './AccountLog';
import { NoticeBox } from './NoticeBox';
import { PasswordSection } from './PasswordSection';
import { sendOnline } from './sendOnline';
import { StatusSection } from './StatusSection';
import { USERS_TEXT } from './text';
import { useAccount } from './useAccount';
import { USER_FORM_FIELDS, checkNewUser, checkUserChange, issuesToErrors, type UserFormField, type UserFormValues } from './userForm';
import { initialUserForm, userFormReducer, type Notice } from './userFormState';
import '../../components/forms.css';
import '../../components/layout.css';
import './users.css';
import { unitOptions, useSettings } from '../../store/useSettings';

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
  const settings = useSettings();
  const online = useOnline();
  const { route, query } = useLocation();
  const me = getSession()?.user;
  const isSelf = !!id && id === me?.id;

  const { account, setAccount, load, log, refresh } = useAccount(id, online);
  const [form, dispatch] = useReducer(userFormReducer, id && query.created ? { kind: 'success' as const, text: t('created') } : null, initialUserForm);
  const { values, errors } = form;

  // The stored account fills the form once; what the person types afterwards is kept through later loads.
  useEffect(() => {
    if (account) dispatch({ type: 'loaded', account });
  }, [account]);

  const set = <F extends keyof UserFormValues>(field: F, value: UserFormValues[F]) => dispatch({ type: 'edit', field, value });
  const showNotice = (notice: Notice) => dispatch({ type: 'notice', notice });

  const save = async (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    dispatch({ type: 'submit' });
    const checked = id ? checkUserChange(values, lang) : checkNewUser(values, lang);
    if (!checked.ok) return dispatch({ type: 'invalid', errors: checked.errors });
    dispatch({ type: 'sending' });
    try {
      const request = { path: id ? `/api/users/${id}` : '/api/users', method: id ? 'PATCH' : 'POST', json: checked.body };
      const sent = await sendOnline<{ user: Account }>(online, t('needsConnectionForm'), request, showNotice);
      if (!sent) return;
      if (!id) return route(`/users/${sent.answer.user.id}?created=1`);
      setAccount(sent.answer.user);
      dispatch({ type: 'saved', account: sent.answer.user, notice: { kind: 'success', text: t('saved') } });
      void refresh();
    } catch (err) {
      const { errors: byField, other } = issuesToErrors(err instanceof ApiError ? err.issues : undefined, lang);
      const reason = other[0] ?? (err instanceof Error ? err.message : String(err));
      const notice = Object.keys(byField).length === 0 || other.length ? { kind: 'danger' as const, text: t('notSaved', { reason }) } : null;
      dispatch({ type: 'refused', errors: byField, notice });
    } finally {
      dispatch({ type: 'settled' });
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
  const unitChoices = unitOptions(settings, lang, values.units);

  return (
    <section class="us-screen">
      {back}
      <form class="us-form" onSubmit={save} noValidate aria-labelledby="user-form-title">
        <h1 id="user-form-title" class="ds-heading" data-size="md">{account ? t('editTitle', { name: account.name }) : t('newTitle')}</h1>
        {!online && <div class="ds-alert" data-color="warning" data-testid="users-offline"><p>{t('needsConnectionForm')}</p></div>}
        <ErrorSummary title={t('formErrors')} errors={summary} attempt={form.attempt} />
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
        <CheckboxGroup id={fieldId('units')} legend={t('units')} hint={t('unitsHint')} error={errors.units} options={unitChoices} selected={values.units} onChange={(next) => set('units', next)} />
        {!account && (
          <FormField id={fieldId('password')} label={t('password')} hint={t('passwordHint', { min: MIN_PASSWORD_LENGTH })} error={errors.password}>
            {(a11y) => <input class="ds-input" type="text" value={values.password} autoComplete="new-password" spellcheck={false} onInput={(e) => set('password', e.currentTarget.value)} {...a11y} />}
          </FormField>
        )}
        <NoticeBox notice={form.notice} testid="user-form-notice" />
        <div class="us-actions">
          <button type="submit" class="ds-button" data-variant="primary" aria-disabled={form.busy || undefined}>{form.busy ? t('saving') : account ? t('save') : t('create')}</button>
          <a class="ds-button" data-variant="tertiary" href="/users">{t('cancel')}</a>
        </div>
      </form>

      {account && id && (
        <>
          <PasswordSection id={id} online={online} onChanged={() => void refresh()} />
          <StatusSection
            account={account}
            isSelf={isSelf}
            online={online}
            onSaved={(saved) => {
              setAccount(saved);
              void refresh();
            }}
          />
          <AccountLog entries={log} />
        </>
      )}
    </section>
  );
}
