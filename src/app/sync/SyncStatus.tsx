/** The sync status in the header: waiting changes and their age, last sync, last error, what needs attention, "Sync now". */
import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatTime, sameDay } from '../../core/format/formatDate';
import { useLanguage, useLocal, useText } from '../i18n/language';
import { onNotSaved } from '../store/notSaved';
import { syncEngine } from './engine';
import { installSyncLogoutRules } from './logoutGuard';
import type { SyncFailureCode } from './syncClient';
import { SYNC_TEXT } from './text';
import type { LocalText } from '../../core/text';
import { useNow, useSyncStatus } from './useSyncStatus';
import './sync.css';

/** "5 min", "2 t": how long ago, short enough for a header. */
export function formatAge(from: string, now: Date, t: (key: 'justNow' | 'minutes' | 'hours' | 'days', vars?: Record<string, number>) => string): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 60_000));
  if (minutes < 1) return t('justNow');
  if (minutes < 60) return t('minutes', { n: minutes });
  if (minutes < 48 * 60) return t('hours', { n: Math.floor(minutes / 60) });
  return t('days', { n: Math.floor(minutes / 1440) });
}

/** The last error in a few words, for a phone's header; the whole sentence is read out and shown on the sync page. */
const SHORT_ERROR: Record<SyncFailureCode, LocalText> = {
  signed_out: { nb: 'Ikke innlogget', en: 'Not signed in' },
  unauthorized: { nb: 'Logg inn igjen', en: 'Sign in again' },
  password_change: { nb: 'Bytt passordet', en: 'Change password' },
  network: { nb: 'Ingen kontakt', en: 'No connection' },
  server: { nb: 'Feil på serveren', en: 'Server error' },
  busy: { nb: 'Serveren er opptatt', en: 'Server busy' },
  refused: { nb: 'Avvist av serveren', en: 'Refused by server' },
  stuck: { nb: 'Bilder venter', en: 'Photos waiting' },
  storage_full: { nb: 'Serveren er full', en: 'Server full' },
};

/** The header's sync status; mounting it starts the sync engine. */
export function SyncStatus() {
  const t = useText(SYNC_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const status = useSyncStatus();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [notSaved, setNotSaved] = useState(false);

  useEffect(() => {
    syncEngine();
    installSyncLogoutRules();
    return onNotSaved(() => setNotSaved(true));
  }, []);

  if (!status) return null;
  if (status === 'unknown') {
    return (
      <div class="sync-status" data-testid="sync-status">
        <p class="sync-status-lines" role="alert">
          <span class="sync-status-error" data-testid="sync-pending" data-state="unknown">
            {t('storeStuck')}
          </span>
        </p>
        <button type="button" class="ds-button" data-variant="secondary" data-size="sm" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </div>
    );
  }
  const age = status.oldestPendingAt ? formatAge(status.oldestPendingAt, now, t) : '';
  const attention = status.conflicts + status.rejected;
  // Today's syncs by time alone: the header has little room on a phone.
  const time = (iso: string) => {
    return sameDay(iso, now) ? formatTime(iso) : formatDate(iso, lang, { time: true });
  };

  const syncNow = async () => {
    setBusy(true);
    setNotSaved(false);
    try {
      await syncEngine().syncNow();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="sync-status" data-testid="sync-status">
      <p class="sync-status-lines" role="status">
        <span data-testid="sync-pending" data-count={status.pending}>
          {status.pending === 0
            ? t('allSynced')
            : status.pending === 1
              ? t('pendingOne', { age })
              : t('pendingMany', { n: status.pending, age })}
        </span>
        <span class="sync-status-detail" data-testid="sync-last" data-at={status.lastSync}>
          {status.lastSync ? t('lastSync', { time: time(status.lastSync) }) : t('neverSynced')}
        </span>
        {status.lastError && (
          <span class="sync-status-error" data-testid="sync-error" data-code={status.lastError.code}>
            <span class="sync-error-short" aria-hidden="true">
              {local((SHORT_ERROR as Record<string, LocalText | undefined>)[status.lastError.code] ?? status.lastError.text)}
            </span>
            <span class="sync-error-full">{local(status.lastError.text)}</span>
          </span>
        )}
      </p>
      {notSaved && (
        <p class="sync-status-error" role="alert">
          {t('notSaved')}
        </p>
      )}
      {attention > 0 && (
        <a class="ds-link sync-status-attention" href="/sync" data-testid="sync-attention">
          {t('needsAttention', { n: attention })}
        </a>
      )}
      <button type="button" class="ds-button" data-variant="secondary" data-size="sm" onClick={syncNow} aria-busy={busy || undefined} disabled={busy}>
        {busy ? t('syncing') : t('syncNow')}
      </button>
    </div>
  );
}
