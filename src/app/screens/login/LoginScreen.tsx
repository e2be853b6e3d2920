/** The log-in screen: the one place the app needs the network before it can be used offline. */
import { useRef, useState } from 'preact/hooks';
import type { Role, SessionUser } from '../../../core/entities';
import { ApiError, apiFetch } from '../../api';
import { useText } from '../../i18n/language';
import { setSession } from '../../session';
import { LanguagePicker } from '../../shell/LanguagePicker';
import { Logo } from '../../shell/Logo';
import { LOGIN_TEXT } from './text';

type LoginAnswer = { token: string; user: { id: string; username?: string; name: string; roles: Role[]; mustChangePassword?: boolean } };
type Problem = { key: keyof typeof LOGIN_TEXT; vars?: Record<string, string | number> };

function problemOf(err: unknown): Problem {
  if (!(err instanceof ApiError)) return { key: 'serverError', vars: { code: String(err) } };
  if (err.isNetwork) return { key: 'needsConnection' };
  if (err.status === 401) return { key: 'wrongCredentials' };
  if (err.status === 429) {
    const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 15 * 60) / 60));
    return minutes === 1 ? { key: 'tooManyOneMinute' } : { key: 'tooManyMinutes', vars: { n: minutes } };
  }
  return { key: 'serverError', vars: { code: err.code } };
}

/** Asks the browser not to evict our data; the answer is shown in settings, so a refusal is not an error here. */
function askPersistentStorage(): void {
  void navigator.storage?.persist?.().catch(() => false);
}

/**
 * The log-in form. With `username` it logs the same person in again after the session expired (the name is fixed,
 * since the data on the device is theirs); `onCancel` then returns to the app.
 */
export function LoginScreen({ username: fixed, onCancel }: { username?: string; onCancel?: () => void }) {
  const t = useText(LOGIN_TEXT);
  const [username, setUsername] = useState(fixed ?? '');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const name = username.trim();
    const gaps = { username: !name, password: !password };
    setMissing(gaps);
    setProblem(null);
    if (gaps.username) return usernameInput.current?.focus();
    if (gaps.password) return passwordInput.current?.focus();
    if (!navigator.onLine) return setProblem({ key: 'needsConnection' });
    setBusy(true);
    try {
      const answer = await apiFetch<LoginAnswer>('/api/session', {
        method: 'POST',
        json: { username: name, password },
        anonymous: true,
      });
      const user: SessionUser = {
        id: answer.user.id,
        username: answer.user.username ?? name,
        name: answer.user.name,
        roles: answer.user.roles,
        ...(answer.user.mustChangePassword ? { mustChangePassword: true } : {}),
      };
      askPersistentStorage();
      setSession({ token: answer.token, user });
    } catch (err) {
      setProblem(problemOf(err));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login" tabIndex={-1}>
      <div class="login-card">
        <div class="login-brand">
          <Logo size={48} />
          <h1 class="ds-heading" data-size="md">
            {t('title')}
          </h1>
        </div>
        <p class="ds-paragraph">{fixed ? t('reloginIntro', { username: fixed }) : t('intro')}</p>
        <form class="login-form" onSubmit={submit} noValidate>
          <div class="ds-field">
            <label class="ds-label" for="login-username">
              {t('username')}
            </label>
            <input
              ref={usernameInput}
              class="ds-input"
              id="login-username"
              name="username"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              readOnly={!!fixed}
              value={username}
              aria-invalid={missing.username || undefined}
              aria-describedby={missing.username ? 'login-username-error' : undefined}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
            {missing.username && (
              <p class="ds-validation-message" id="login-username-error">
                {t('usernameMissing')}
              </p>
            )}
          </div>
          <div class="ds-field">
            <label class="ds-label" for="login-password">
              {t('password')}
            </label>
            <input
              ref={passwordInput}
              class="ds-input"
              id="login-password"
              name="password"
              type="password"
              autocomplete="current-password"
              value={password}
              aria-invalid={missing.password || undefined}
              aria-describedby={missing.password ? 'login-password-error' : undefined}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            {missing.password && (
              <p class="ds-validation-message" id="login-password-error">
                {t('passwordMissing')}
              </p>
            )}
          </div>
          <div role="alert" class="login-problem">
            {problem && (
              <div class="ds-alert" data-color="danger" data-testid="login-error">
                <p class="ds-paragraph">{t(problem.key, problem.vars)}</p>
              </div>
            )}
          </div>
          <div class="login-actions">
            <button type="submit" class="ds-button" data-variant="primary" aria-busy={busy || undefined}>
              {busy ? t('submitting') : t('submit')}
            </button>
            {onCancel && (
              <button type="button" class="ds-button" data-variant="secondary" onClick={onCancel}>
                {t('cancel')}
              </button>
            )}
          </div>
        </form>
        <LanguagePicker legend={t('language')} />
      </div>
    </main>
  );
}
