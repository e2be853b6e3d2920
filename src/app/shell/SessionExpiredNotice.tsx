/** The notice shown while the server refuses the stored session: work goes on locally, sync waits for a new log-in. */
import { useText } from '../i18n/language';
import { SHELL_TEXT } from './text';

/** Explains the expired log-in and offers to log in again as the same person. */
export function SessionExpiredNotice({ onLogIn }: { onLogIn: () => void }) {
  const t = useText(SHELL_TEXT);
  return (
    <div class="ds-alert app-notice" data-color="warning" role="status">
      <p class="ds-paragraph">{t('sessionExpired')}</p>
      <button type="button" class="ds-button" data-variant="secondary" onClick={onLogIn}>
        {t('logInAgain')}
      </button>
    </div>
  );
}
