/** The form to change one's own password: current, new and the new once more; errors next to each field. */
import { useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { SessionUser } from '../../../core/entities';
import type { Language } from '../../../core/text';
import { MIN_PASSWORD_LENGTH, ownPasswordChangeSchema } from '../../../core/schemas/account';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { ApiError, apiFetch } from '../../api';
import { FormField } from '../../components/FormField';
import { useLanguage, useText } from '../../i18n/language';
import { getSession, setSession } from '../../session';
import { PASSWORD_TEXT } from './text';
import './password.css';

type Field = 'currentPassword' | 'newPassword' | 'repeat';
type Errors = Partial<Record<Field, string>>;
const FIELD_IDS: Record<Field, string> = { currentPassword: 'password-current', newPassword: 'password-new', repeat: 'password-repeat' };
const ORDER: Field[] = ['currentPassword', 'newPassword', 'repeat'];

function byField(issues: unknown, lang: Language): { errors: Errors; other: string[] } {
  const errors: Errors = {};
  const other: string[] = [];
  if (!Array.isArray(issues)) return { errors, other };
  for (const issue of formatIssues(issues as z.core.$ZodIssue[], lang)) {
    const field = issue.path.split('.')[0] as Field;
    if (ORDER.includes(field)) errors[field] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}

/**
 * Changes the signed-in person's password (PUT /api/session/password). `forced` says the current password is the
 * temporary one. On success the stored session loses its temporary-password mark and `onDone` runs.
 */
export function ChangePasswordForm({ forced = false, onDone }: { forced?: boolean; onDone?: () => void }) {
  const t = useText(PASSWORD_TEXT);
  const lang = useLanguage();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function focusFirst(errs: Errors): void {
    const first = ORDER.find((f) => errs[f]);
    if (first) form.current?.querySelector<HTMLInputElement>(`#${FIELD_IDS[first]}`)?.focus();
  }

  function check(): Errors {
    const parsed = ownPasswordChangeSchema.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    const errs = parsed.success ? {} : byField(parsed.error.issues, lang).errors;
    if (!values.repeat) errs.repeat = t('repeatMissing');
    else if (values.repeat !== values.newPassword) errs.repeat = t('repeatDiffers');
    return errs;
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setDone(false);
    const errs = check();
    setErrors(errs);
    if (Object.keys(errs).length > 0) return focusFirst(errs);
    if (!navigator.onLine) return setProblem(t('needsConnection'));
    setBusy(true);
    try {
      const { user } = await apiFetch<{ user: SessionUser }>('/api/session/password', {
        method: 'PUT',
        json: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setDone(true);
      const s = getSession();
      if (s && s.user.id === user.id) {
        const next: SessionUser = { ...s.user, ...user };
        // The answer has no mark; the stored one must go too.
        if (!user.mustChangePassword) delete next.mustChangePassword;
        setSession({ ...s, user: next });
      }
      onDone?.();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.isNetwork) setProblem(t('needsConnection'));
      else if (err.status === 429) setProblem(t('tooMany', { n: Math.max(1, Math.ceil((err.retryAfterSeconds ?? 900) / 60)) }));
      else {
        const { errors: fromServer, other } = byField(err.issues, lang);
        setErrors(fromServer);
        if (Object.keys(fromServer).length > 0) focusFirst(fromServer);
        else setProblem(other[0] ?? t('failed', { reason: err.message }));
      }
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, label: string, autocomplete: string, hint?: string) => (
    <FormField id={FIELD_IDS[name]} label={label} hint={hint} error={errors[name]}>
      {(a11y) => (
        <input
          {...a11y}
          class="ds-input"
          type="password"
          name={name}
          autocomplete={autocomplete}
          value={values[name]}
          onInput={(e) => setValues((v) => ({ ...v, [name]: e.currentTarget.value }))}
        />
      )}
    </FormField>
  );

  return (
    <form class="password-form" ref={form} onSubmit={submit} noValidate data-testid="password-form">
      {field('currentPassword', t('current'), 'current-password', forced ? t('currentForcedHint') : undefined)}
      {field('newPassword', t('next'), 'new-password', t('nextHint', { min: MIN_PASSWORD_LENGTH }))}
      {field('repeat', t('repeat'), 'new-password')}
      <div role="alert">
        {problem && (
          <div class="ds-alert" data-color="danger" data-testid="password-problem">
            <p class="ds-paragraph">{problem}</p>
          </div>
        )}
      </div>
      <div role="status">
        {done && !forced && (
          <div class="ds-alert" data-color="success" data-testid="password-done">
            <p class="ds-paragraph">{t('done')}</p>
          </div>
        )}
      </div>
      <div>
        <button type="submit" class="ds-button" data-variant="primary" aria-busy={busy || undefined}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </form>
  );
}
