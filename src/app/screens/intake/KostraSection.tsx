/**
 * The overview's KOSTRA section: the registry figures the municipality reports to Statistics Norway each year, with
 * SSB's variable codes, computed on the device (offline) and exported as CSV; "egnet for barn 0–3 / 3+" beside them,
 * marked as the municipality's own figure.
 */
import { useMemo, useState } from 'preact/hooks';
import { kostraCsv, kostraGap, kostraPeriod } from '../../../core/export/kostraCsv';
import type { Figures } from '../../../core/figures/computeFigures';
import { KOSTRA_KEYS, KOSTRA_VARIABLES, kostraFigures, kostraYears } from '../../../core/figures/kostraFigures';
import { formatNumber } from '../../../core/format/formatNumber';
import { norwegianDate } from '../../../core/privacy/consentState';
import { VERDICT_LABELS } from '../../../core/rules/verdict';
import { downloadFile } from '../../downloadFile';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { INTAKE_TEXT } from './text';
import type { IntakeData } from './useIntakeData';
import '../../components/layout.css';

/** The section; `data` and `figures` are the overview's. */
export function KostraSection({ data, figures }: { data: IntakeData; figures: Figures }) {
  const t = useText(INTAKE_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const today = norwegianDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  const years = useMemo(() => kostraYears(data.allocations, thisYear), [data, thisYear]);
  const [year, setYear] = useState(thisYear);
  const [notice, setNotice] = useState('');
  const k = useMemo(
    () => kostraFigures({ dwellings: data.dwellings, allocations: data.allocations, year, byVerdict: figures.byVerdict }),
    [data, figures, year],
  );
  const value = (n: number, unit: 'count' | 'percent') => (unit === 'percent' ? `${formatNumber(n, lang, 1)}${lang === 'nb' ? '\u00a0%' : '%'}` : formatNumber(n, lang));
  const download = () => {
    const name = `egnet-kostra-${year}-${today}.csv`;
    downloadFile(name, kostraCsv(k, lang));
    setNotice(t('downloaded', { name }));
  };
  return (
    <section class="screen-section" aria-labelledby="kostra-title" data-testid="kostra">
      <h2 id="kostra-title" class="ds-heading" data-size="sm">
        {t('kostraTitle')}
      </h2>
      <p>{t('kostraIntro')}</p>
      <div class="ds-field form-field intake-age">
        <label class="ds-label" for="kostra-year">
          {t('kostraYear')}
        </label>
        <select id="kostra-year" class="ds-input" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))}>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="kostra-table-caption">
        <table class="line-table">
          <caption id="kostra-table-caption">{t('kostraTableCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kostraCode')}</th>
              <th scope="col">{t('kostraVariable')}</th>
              <th scope="col">{t('kostraValue')}</th>
              <th scope="col">{t('kostraPeriod')}</th>
              <th scope="col">{t('kostraNote')}</th>
            </tr>
          </thead>
          <tbody>
            {KOSTRA_KEYS.map((key) => {
              const v = KOSTRA_VARIABLES[key];
              const gap = kostraGap(key, k);
              return (
                <tr key={key} data-kostra={key}>
                  <td>{v.code ?? <span class="intake-note">{t('kostraNoCode')}</span>}</td>
                  <th scope="row">{local(v.name)}</th>
                  <td data-testid={`kostra-${key}`}>{value(k.values[key], v.unit)}</td>
                  <td>{local(kostraPeriod(v.period, k.year))}</td>
                  <td>{gap ? local(gap) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="intake-note">{t('kostraStockNote')}</p>
      <p class="intake-note">{t('kostraNotCovered')}</p>
      <h3 class="ds-heading" data-size="2xs" id="kostra-own-title">
        {t('kostraOwnTitle')}
      </h3>
      <p data-testid="kostra-own-note">{t('kostraOwnNote')}</p>
      <dl class="facts">
        <div>
          <dt>{local(VERDICT_LABELS.suited0to3)}</dt>
          <dd data-testid="kostra-own-0to3">{formatNumber(k.own.suited0to3, lang)}</dd>
        </div>
        <div>
          <dt>{local(VERDICT_LABELS.suited3plus)}</dt>
          <dd data-testid="kostra-own-3plus">{formatNumber(k.own.suited3plus, lang)}</dd>
        </div>
      </dl>
      <div class="intake-actions">
        <button type="button" class="ds-button" data-variant="secondary" onClick={download}>
          {t('kostraDownload')}
        </button>
      </div>
      <p role="status" class="intake-note">
        {notice}
      </p>
    </section>
  );
}
