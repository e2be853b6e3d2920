/** The start page after log-in: who is signed in, in which role, and whether the device is online. */
import { useEffect } from 'preact/hooks';
import { useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { ROLE_NAMES } from '../../shell/roleNames';
import { useOnline } from '../../shell/useOnline';
import { HOME_TEXT } from './text';

/** The home screen. */
export default function HomeScreen() {
  const t = useText(HOME_TEXT);
  const local = useLocal();
  const online = useOnline();
  const user = getSession()?.user;
  useEffect(() => {
    document.title = 'Egnet';
  }, []);
  if (!user) return null;
  return (
    <section class="screen">
      <h1 class="ds-heading" data-size="lg">
        {t('title', { name: user.name })}
      </h1>
      <dl class="facts">
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
