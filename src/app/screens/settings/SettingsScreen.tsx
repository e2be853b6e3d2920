/** Settings: app version, language, storage status (persistence, usage, quota), changing one's password and log-out. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useLanguage, useText } from '../../i18n/language';
import { LogoutRefused } from '../../components/LogoutRefused';
import { logOut, type LogoutRefusal } from '../../logout';
import { getSession } from '../../session';
import { LanguagePicker } from '../../shell/LanguagePicker';
import { browserMayEvictUnused } from '../../store/eviction';
import { downloadUnsynced } from '../../sync/exportUnsynced';
import { SYNC_TEXT } from '../../sync/text';
import { UnsyncedExport } from '../../sync/UnsyncedExport';
import { ChangePasswordForm } from '../password/ChangePasswordForm';
import { SETTINGS_TEXT } from './text';

type Persistence = 'asking' | 'granted' | 'denied' | 'unsupported';
type Estimate = { usage: number; quota: number } | null;

function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

async function askPersistence(): Promise<Persistence> {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

async function estimate(): Promise<Estimate> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
  } catch {
    return null;
  }
}

/** The settings screen. */
export default function SettingsScreen() {
  const t = useText(SETTINGS_TEXT);
  const tSync = useText(SYNC_TEXT);
  const [evictable] = useState(browserMayEvictUnused);
  const lang = useLanguage();
  const { route } = useLocation();
  const [persistence, setPersistence] = useState<Persistence>('asking');
  const [usage, setUsage] = useState<Estimate>(null);
  const [refusals, setRefusals] = useState<LogoutRefusal[]>([]);
  const [busy, setBusy] = useState(false);
  const user = getSession()?.user;

  useEffect(() => {
    void askPersistence().then(setPersistence);
    void estimate().then(setUsage);
  }, []);

  async function onLogOut() {
    setBusy(true);
    setRefusals([]);
    const result = await logOut();
    if (result.ok) {
      route('/', true);
    } else {
      setRefusals(result.refusals);
      setBusy(false);
    }
  }

  const persistenceText = {
    asking: t('persistAsking'),
    granted: t('persistGranted'),
    denied: t('persistDenied'),
    unsupported: t('persistUnsupported'),
  }[persistence];

  return (
    <section class="screen">
      <h1 class="ds-heading" data-size="lg">
        {t('title')}
      </h1>

      <section class="settings-group" aria-labelledby="settings-about">
        <h2 class="ds-heading" data-size="sm" id="settings-about">
          {t('about')}
        </h2>
        <dl class="facts">
          <div>
            <dt>{t('version')}</dt>
            <dd data-testid="app-version">{__APP_VERSION__}</dd>
          </div>
          {user && (
            <div>
              <dt>{t('signedInAs')}</dt>
              <dd>
                {user.name} ({user.username})
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section class="settings-group" aria-labelledby="settings-municipality">
        <h2 class="ds-heading" data-size="sm" id="settings-municipality">
          {t('municipality')}
        </h2>
        <ul class="ds-list">
          {user?.roles.includes('admin') && (
            <li>
              <a class="ds-link" href="/settings/municipality">{t('municipalitySettings')}</a>
            </li>
          )}
          <li>
            <a class="ds-link" href="/settings/accessibility">{t('accessibility')}</a>
          </li>
        </ul>
      </section>

      <section class="settings-group" aria-labelledby="settings-language">
        <h2 class="ds-heading" data-size="sm" id="settings-language">
          {t('language')}
        </h2>
        <LanguagePicker legend={t('language')} legendHidden />
      </section>

      <section class="settings-group" aria-labelledby="settings-storage">
        <h2 class="ds-heading" data-size="sm" id="settings-storage">
          {t('storage')}
        </h2>
        <dl class="facts">
          <div>
            <dt>{t('persistence')}</dt>
            <dd data-testid="storage-persistence" data-state={persistence}>
              {persistenceText}
            </dd>
          </div>
          <div>
            <dt>{t('usage')}</dt>
            <dd data-testid="storage-usage">
              {usage
                ? t('usageOf', { usage: formatBytes(usage.usage, lang), quota: formatBytes(usage.quota, lang) })
                : t('usageUnknown')}
            </dd>
          </div>
        </dl>
        {evictable && (
          <div class="ds-alert" data-color="warning" data-testid="storage-eviction">
            <p class="ds-paragraph">{t('evictionWarning')}</p>
            <button
              type="button"
              class="ds-button"
              data-variant="secondary"
              onClick={() => void downloadUnsynced(user ? { id: user.id, name: user.name } : null)}
            >
              {tSync('exportButton')}
            </button>
          </div>
        )}
        {persistence === 'denied' && (
          <button
            type="button"
            class="ds-button"
            data-variant="secondary"
            onClick={() => void askPersistence().then(setPersistence)}
          >
            {t('askAgain')}
          </button>
        )}
      </section>

      {user?.roles.includes('admin') && (
        <section class="settings-group" aria-labelledby="settings-data">
          <h2 class="ds-heading" data-size="sm" id="settings-data">
            {t('dataTitle')}
          </h2>
          <ul class="ds-list">
            <li><a class="ds-link" href="/import">{t('importRegistry')}</a></li>
            <li><a class="ds-link" href="/import/places">{t('importPlaces')}</a></li>
          </ul>
        </section>
      )}

      <section class="settings-group" aria-labelledby="settings-password">
        <h2 class="ds-heading" data-size="sm" id="settings-password">
          {t('changePassword')}
        </h2>
        <ChangePasswordForm />
      </section>

      <UnsyncedExport />

      <section class="settings-group" aria-labelledby="settings-logout">
        <h2 class="ds-heading" data-size="sm" id="settings-logout">
          {t('logOut')}
        </h2>
        <LogoutRefused title={t('logOutRefused')} refusals={refusals} />
        <button type="button" class="ds-button" data-variant="primary" onClick={onLogOut} aria-busy={busy || undefined}>
          {busy ? t('loggingOut') : t('logOut')}
        </button>
      </section>
    </section>
  );
}
