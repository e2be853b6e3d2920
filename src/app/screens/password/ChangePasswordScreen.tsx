/** The screen a person with a temporary password sees after log-in, before any other: choose your own password. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useText } from '../../i18n/language';
import { LogoutRefused } from '../../components/LogoutRefused';
import { logOut, type LogoutRefusal } from '../../logout';
import type { Session } from '../../session';
import { LanguagePicker } from '../../shell/LanguagePicker';
import { Logo } from '../../shell/Logo';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PASSWORD_TEXT } from './text';

/** Loaded lazily by the app root while the session is marked; done, the app opens on the home page. */
export default function ChangePasswordScreen({ session }: { session: Session }) {
  const t = useText(PASSWORD_TEXT);
  const { route } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [refusals, setRefusals] = useState<LogoutRefusal[]>([]);

  useEffect(() => {
    document.title = `${t('title')} – Egnet`;
    heading.current?.focus();
  }, []);

  async function onLogOut() {
    const result = await logOut();
    if (!result.ok) setRefusals(result.refusals);
  }

  return (
    <main id="main" class="login" tabIndex={-1}>
      <div class="login-card">
        <div class="login-brand">
          <Logo size={48} />
          <h1 class="ds-heading" data-size="md" tabIndex={-1} ref={heading}>
            {t('title')}
          </h1>
        </div>
        <p class="ds-paragraph">{t('forcedIntro', { name: session.user.name })}</p>
        <ChangePasswordForm forced onDone={() => route('/', true)} />
        <LogoutRefused title={t('logOutRefused')} refusals={refusals} />
        <div>
          <button type="button" class="ds-button" data-variant="secondary" onClick={() => void onLogOut()}>
            {t('logOut')}
          </button>
        </div>
        <LanguagePicker legend={t('language')} />
      </div>
    </main>
  );
}
