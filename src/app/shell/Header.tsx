/** The top bar: app name, online/offline indicator, and a slot for the sync status. */
import type { ComponentChildren } from 'preact';
import { useText } from '../i18n/language';
import { Logo } from './Logo';
import { SHELL_TEXT } from './text';
import { useOnline } from './useOnline';

/** The header. `status` is where the sync status goes (pending changes, last sync, "Sync now"). */
export function Header({ status }: { status?: ComponentChildren }) {
  const t = useText(SHELL_TEXT);
  const online = useOnline();
  return (
    <header class="app-header">
      <a class="app-brand" href="/">
        <Logo />
        <span class="app-brand-name">{t('appName')}</span>
      </a>
      <div class="app-header-status">
        {status}
        <span class="ds-tag" data-color={online ? 'success' : 'warning'} role="status" data-testid="online-status">
          <span class={online ? 'dot dot-online' : 'dot dot-offline'} aria-hidden="true" />
          {online ? t('online') : t('offline')}
        </span>
      </div>
    </header>
  );
}
