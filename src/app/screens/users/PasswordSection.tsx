/** Setting a new temporary password for an account: its own field, check and notice, apart from the account form. */
import { useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../../core/schemas/account';
import { ApiError } from '../../api';
import { FormField } from '../../components/FormField';
import { useLanguage, useText } from '../../i18n/language';
import { NoticeBox } from './NoticeBox';
import { sendOnline } from './sendOnline';
import { USERS_TEXT } from './text';
import { checkNewPassword, issuesToErrors } from './userForm';
import type { Notice } from './userFormState';

export function PasswordSection({ id, online, onChanged }: { id: string; online: boolean; onChanged: () => void }) {
  const t = useText(USERS_TEXT);
  const lang = useLanguage();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    setNotice(null);
    const checked = checkNewPassword(password, lang);
    if (!checked.ok) return setError(checked.errors.password);
    setError(undefined);
    setBusy(true);
    try {
      const sent = await sendOnline<undefined>(online, t('needsConnectionForm'), { path: `/api/users/${id}/password`, method: 'PUT', json: checked.body }, setNotice);
      if (!sent) return;
      setPassword('');
      setNotice({ kind: 'success', text: t('passwordSet') });
      onChanged();
    } catch (err) {
      const { errors: byField } = issuesToErrors(err instanceof ApiError ? err.issues : undefined, lang);
      if (byField.password) setError(byField.password);
      else setNotice({ kind: 'danger', text: t('notSaved', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen-section" aria-labelledby="user-password-title">
      <h2 id="user-password-title" class="ds-heading" data-size="sm">{t('passwordTitle')}</h2>
      <p class="ds-paragraph">{t('passwordIntro')}</p>
      <FormField id="user-new-password" label={t('password')} hint={t('passwordHint', { min: MIN_PASSWORD_LENGTH })} error={error}>
        {(a11y) => (
          <input
            class="ds-input"
            type="text"
            value={password}
            autoComplete="new-password"
            spellcheck={false}
            onInput={(e) => {
              setPassword(e.currentTarget.value);
              setError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void save();
              }
            }}
            {...a11y}
          />
        )}
      </FormField>
      <NoticeBox notice={notice} testid="user-password-notice" />
      <div class="us-actions">
        <button type="button" class="ds-button" data-variant="secondary" onClick={() => void save()}>{t('setPassword')}</button>
      </div>
    </section>
  );
}
