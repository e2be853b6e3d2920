/** "Ny versjon er klar — Oppdater": offered when a new service worker waits; the page reloads only on the person's click. */
import { useEffect, useState } from 'preact/hooks';
import { useText } from '../i18n/language';
import { SHELL_TEXT } from './text';
import { applyUpdate, getUpdateState, onUpdateState } from './updates';

/** The update notice, shown while a new version is ready and not dismissed. */
export function UpdatePrompt() {
  const t = useText(SHELL_TEXT);
  const [ready, setReady] = useState(getUpdateState() === 'ready');
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => onUpdateState((s) => setReady(s === 'ready')), []);
  if (!ready || dismissed) return null;
  return (
    <section class="ds-alert update-prompt" data-color="info" aria-label={t('updateReady')} data-testid="update-prompt">
      <p class="ds-paragraph" role="status">
        {t('updateReady')}
      </p>
      <button type="button" class="ds-button" data-variant="primary" onClick={applyUpdate}>
        {t('updateNow')}
      </button>
      <button type="button" class="ds-button" data-variant="tertiary" onClick={() => setDismissed(true)}>
        {t('updateLater')}
      </button>
    </section>
  );
}
