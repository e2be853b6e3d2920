/** The settings section "Usynkroniserte data": what is not on the server yet, and the JSON export of it. */
import { useState } from 'preact/hooks';
import { useText } from '../i18n/language';
import { getSession } from '../session';
import { downloadUnsynced } from './exportUnsynced';
import { SYNC_TEXT } from './text';
import { useSyncStatus } from './useSyncStatus';

/** A settings section with the counts and the export button. */
export function UnsyncedExport() {
  const t = useText(SYNC_TEXT);
  const status = useSyncStatus();
  const [done, setDone] = useState<string | null>(null);
  const user = getSession()?.user;
  const onExport = async () => {
    setDone(await downloadUnsynced(user ? { id: user.id, name: user.name } : null));
  };
  return (
    <section class="settings-group" aria-labelledby="settings-unsynced">
      <h2 class="ds-heading" data-size="sm" id="settings-unsynced">
        {t('exportTitle')}
      </h2>
      <p class="ds-paragraph">{t('exportHelp')}</p>
      {status && status !== 'unknown' && (
        <p class="ds-paragraph" data-testid="unsynced-counts">
          {t('exportCounts', { pending: status.pending, rejected: status.rejected, conflicts: status.conflicts })}
        </p>
      )}
      <button type="button" class="ds-button" data-variant="secondary" onClick={onExport} data-testid="export-unsynced">
        {t('exportButton')}
      </button>
      <p role="status" class="ds-paragraph">
        {done ? t('exportDone', { file: done }) : ''}
      </p>
    </section>
  );
}
