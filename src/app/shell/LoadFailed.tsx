/** Shown when part of the app could not be loaded (no network and not yet cached, or replaced by a newer version). */
import { useText } from '../i18n/language';
import { SHELL_TEXT } from './text';

/** An explanation and a reload button. */
export function LoadFailed() {
  const t = useText(SHELL_TEXT);
  return (
    <main id="main" class="login">
      <div class="ds-alert" data-color="danger" role="alert">
        <p class="ds-paragraph">{t('loadFailed')}</p>
        <button type="button" class="ds-button" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </div>
    </main>
  );
}
