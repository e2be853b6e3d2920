/** An account's change log as a table: when, who (or the command line), and what changed, in the person's language. */
import type { Role } from '../../../core/entities';
import { formatDate } from '../../../core/format/formatDate';
import type { AccountLogEntry } from '../../../core/schemas/account';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { ROLE_NAMES } from '../../shell/roleNames';
import { USERS_TEXT } from './text';
import { useUnitName } from '../../store/useSettings';

export function AccountLog({ entries }: { entries: AccountLogEntry[] }) {
  const t = useText(USERS_TEXT);
  const lang = useLanguage();
  const local = useLocal();
  if (entries.length === 0) return null;

  const when = (iso: string) => formatDate(iso, lang, { time: true });
  const listText = (v: unknown, names: (x: string) => string) => (Array.isArray(v) && v.length ? v.map((x) => names(String(x))).join(', ') : t('none'));
  const roleName = (r: string) => (r in ROLE_NAMES ? local(ROLE_NAMES[r as Role]) : r);
  const unitName = useUnitName();
  const line = (e: AccountLogEntry): string => {
    if (e.action !== 'update') return t(`log_${e.action}`);
    return Object.entries(e.changes)
      .map(([field, { from, to }]) => {
        if (field === 'disabled') return t(to ? 'log_disabled' : 'log_enabled');
        if (field === 'roles') return t('log_roles', { from: listText(from, roleName), to: listText(to, roleName) });
        if (field === 'units') return t('log_units', { from: listText(from, unitName), to: listText(to, unitName) });
        return t('log_name', { from: String(from), to: String(to) });
      })
      .join('; ');
  };

  return (
    <section class="screen-section" aria-labelledby="user-log-title">
      <h2 id="user-log-title" class="ds-heading" data-size="sm">{t('logTitle')}</h2>
      <div class="us-scroll" tabIndex={0} role="region" aria-labelledby="user-log-caption">
        <table class="line-table" data-testid="user-log">
          <caption id="user-log-caption">{t('logCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('logWhen')}</th>
              <th scope="col">{t('logWho')}</th>
              <th scope="col">{t('logWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{when(e.at)}</td>
                <td>{e.actorId ? (e.actorName ?? e.actorId.slice(0, 8)) : t('logCommandLine')}</td>
                <td>{line(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
