/** A household's consent in words: state, term, what each unit may receive, how it was signed. */
import { formatDate } from '../../../core/format/formatDate';
import { consentState } from '../../../core/privacy/consentState';
import { CONSENT_CATEGORY_LABELS, type Consent } from '../../../core/schemas/household';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { SignatureImage } from '../../signature/SignatureImage';
import { HOUSEHOLD_TEXT } from './text';
import '../../components/layout.css';
import { useSettings, useUnitName } from '../../store/useSettings';

/** Formats an ISO date or time as a date in the person's language. */
export function dateText(iso: string, lang: 'nb' | 'en'): string {
  return formatDate(iso, lang);
}

/** The consent panel's content. */
export function ConsentSummary({ consent, now }: { consent: Consent | null | undefined; now: Date }) {
  const t = useText(HOUSEHOLD_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const settings = useSettings();
  const unitName = useUnitName();
  const state = consentState(consent, now);
  if (!consent || state === 'none') return <p class="ds-paragraph" data-testid="consent-state">{t('consentNone')}</p>;
  const line =
    state === 'valid' ? t('consentValid', { date: dateText(consent.expiresAt, lang) })
    : state === 'withdrawn' ? t('consentWithdrawn', { date: dateText(consent.withdrawnAt!, lang) })
    : state === 'expired' ? t('consentExpired', { date: dateText(consent.expiresAt, lang) })
    : t('consentNotYet', { date: dateText(consent.givenAt, lang) });
  // In the settings' order; a unit the settings no longer list still shows, by its id.
  const order = (settings?.units ?? []).map((u) => u.id);
  const named = Object.keys(consent.scope).filter((u) => (consent.scope[u] ?? []).length > 0);
  const units = [...order.filter((u) => named.includes(u)), ...named.filter((u) => !order.includes(u)).sort()];
  return (
    <div class="hh-consent">
      <p class="ds-paragraph" data-testid="consent-state" data-state={state}>{line}</p>
      <dl class="hh-facts">
        <dt>{t('givenBy')}</dt>
        <dd>{consent.givenBy}, {dateText(consent.givenAt, lang)}</dd>
        <dt>{t('method')}</dt>
        <dd>{t(`method_${consent.method}`)}</dd>
      </dl>
      <table class="line-table" data-testid="consent-scope">
        <caption>{t('scope')}</caption>
        <tbody>
          {units.length === 0 && (
            <tr><td colSpan={2}>{t('scopeNone')}</td></tr>
          )}
          {units.map((u) => (
            <tr key={u}>
              <th scope="row">{unitName(u)}</th>
              <td>{(consent.scope[u] ?? []).map((c) => local(CONSENT_CATEGORY_LABELS[c])).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {consent.signature && <SignatureImage photo={consent.signature} />}
    </div>
  );
}
