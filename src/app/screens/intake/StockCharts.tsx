/** The stock figures as charts with tables: by verdict, area, approved bedrooms, vacancy and quarter, and allocations per year. */
import type { Figures, StockFigures } from '../../../core/figures/computeFigures';
import type { TrendFigures } from '../../../core/figures/trendFigures';
import { VERDICTS, VERDICT_LABELS } from '../../../core/rules/verdict';
import { formatNumber } from '../../../core/format/formatNumber';
import { BarChart, type BarGroup, type BarSeries } from '../../charts/BarChart';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { formatPercent } from './formatPercent';
import { useAreaName, useSettings } from '../../store/useSettings';
import { INTAKE_TEXT } from './text';
import { VERDICT_COLORS } from './verdictColors';

/** The headline the reference report (docs/domain.md) uses: "119 boliger · 11 godt egnet 0–3 år · 40 godt egnet 3 år + · 43 % egnet". */
export function StockHeadline({ figures }: { figures: Figures }) {
  const t = useText(INTAKE_TEXT);
  const lang = useLanguage();
  return (
    <p class="intake-headline" data-testid="stock-headline">
      {t('headline', {
        total: figures.dwellings,
        suited0to3: figures.byVerdict.suited0to3,
        suited3plus: figures.byVerdict.suited3plus,
        share: formatPercent(figures.suitableShare, lang),
      })}
    </p>
  );
}

/** The stock charts; `idPrefix` keeps element ids unique on a page; `print` keeps every table open. */
export function StockCharts({
  figures,
  trend,
  idPrefix = 'stock',
  print = false,
}: {
  figures: Figures;
  /** Undefined while the quarters are still being replayed. */
  trend: TrendFigures | undefined;
  idPrefix?: string;
  print?: boolean;
}) {
  const t = useText(INTAKE_TEXT);
  const local = useLocal();
  const settings = useSettings();
  const areaName = useAreaName();
  const lang = useLanguage();
  const fmt = (n: number) => formatNumber(n, lang);
  const series: BarSeries[] = VERDICTS.map((v) => ({ key: v, label: local(VERDICT_LABELS[v]), color: VERDICT_COLORS[v] }));
  const group = (label: string, s: StockFigures): BarGroup => ({ label, values: VERDICTS.map((v) => s.byVerdict[v]) });
  const groupsSummary = (n: number) => t('summaryGroups', { count: n });
  const quarterLabel = (key: string) => t('quarterValue', { q: key.slice(6), year: key.slice(0, 4) });

  // In the settings' order; an area the settings no longer list comes last.
  const rank = (id: string) => {
    const i = settings?.areas.findIndex((a) => a.id === id) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const areas = Object.entries(figures.byArea).filter(([, s]) => s.dwellings > 0).sort(([a], [b]) => rank(a) - rank(b));
  const bedrooms = Object.entries(figures.byBedrooms);
  const first = trend?.trend[0];
  const last = trend?.trend.at(-1);
  const common = { series, totalLabel: t('total'), format: fmt, ...(print ? {} : { tableToggle: t('showTable') }) };
  return (
    <div class="intake-charts">
      <BarChart
        {...common}
        id={`${idPrefix}-verdict`}
        title={t('chartByVerdict')}
        summary={t('summaryStock', { total: figures.dwellings, ...figures.byVerdict })}
        groupHeader={t('chartByVerdict')}
        groups={[group(t('allStock'), figures)]}
      />
      <BarChart
        {...common}
        id={`${idPrefix}-area`}
        title={t('chartByArea')}
        summary={groupsSummary(areas.length)}
        groupHeader={t('area')}
        groups={areas.map(([area, s]) => group(areaName(area), s))}
      />
      <BarChart
        {...common}
        id={`${idPrefix}-bedrooms`}
        title={t('chartByBedrooms')}
        summary={groupsSummary(bedrooms.length)}
        groupHeader={t('bedrooms')}
        groups={bedrooms.map(([n, s]) => group(n === '1' ? t('bedroomsValueOne') : t('bedroomsValue', { n }), s))}
      />
      <BarChart
        {...common}
        id={`${idPrefix}-vacancy`}
        title={t('chartByVacancy')}
        summary={groupsSummary(2)}
        groupHeader={t('vacancy')}
        groups={[group(t('vacant'), figures.byVacancy.vacant), group(t('let'), figures.byVacancy.let)]}
      />
      {!trend && <p aria-busy="true">{t('trendLoading')}</p>}
      {trend && first && last && (
        <BarChart
          {...common}
          id={`${idPrefix}-quarter`}
          title={t('chartByQuarter')}
          summary={t('summaryQuarter', {
            from: formatPercent(first.suitableShare, lang),
            first: quarterLabel(first.quarter),
            to: formatPercent(last.suitableShare, lang),
            last: quarterLabel(last.quarter),
          })}
          groupHeader={t('quarter')}
          groups={trend.trend.map((q) => ({ label: quarterLabel(q.quarter), values: VERDICTS.map((v) => q.byVerdict[v]) }))}
        />
      )}
    </div>
  );
}

/** "Do the children come first?": per year, allocations to families with children and the three shares. */
export function ChildrenFirst({ figures, idPrefix = 'years', print = false }: { figures: Figures; idPrefix?: string; print?: boolean }) {
  const t = useText(INTAKE_TEXT);
  const lang = useLanguage();
  const years = Object.entries(figures.allocationsByYear);
  const pct = (n: number) => formatPercent(n, lang);
  if (years.length === 0) return <p>{t('noAllocations')}</p>;
  return (
    <>
      {/* The shares answer the question, so they come first: on a phone the rest of the table scrolls. */}
      <div class="bar-chart-table" tabIndex={0} role="region" aria-label={t('childrenFirstTitle')}>
        <table class="ds-table" data-size="sm" data-testid="children-first">
          <caption class="visually-hidden">{t('childrenFirstTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col" class="num">{t('shareToFamilies')}</th>
              <th scope="col" class="num">{t('suitableToFamilies')}</th>
              <th scope="col" class="num">{t('allocations')}</th>
              <th scope="col" class="num">{t('toFamilies')}</th>
              <th scope="col" class="num">{t('longLeases')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map(([year, y]) => (
              <tr key={year} data-year={year}>
                <th scope="row">{year}</th>
                <td class="num" data-testid={`share-${year}`}>{pct(y.share)}</td>
                <td class="num">{y.suitableTotal ? `${pct(y.suitableShare)} (${y.suitableWithChildren}/${y.suitableTotal})` : '–'}</td>
                <td class="num" data-testid={`total-${year}`}>{y.total}</td>
                <td class="num">{y.withChildren}</td>
                <td class="num">{pct(y.longLeaseShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BarChart
        id={`${idPrefix}-chart`}
        title={t('childrenFirstChart')}
        summary={t('summaryYears', { list: years.map(([year, y]) => `${year}: ${pct(y.share)}`).join(', ') })}
        series={[
          { key: 'children', label: t('toFamilies'), color: VERDICT_COLORS.suited0to3 },
          { key: 'others', label: t('toOthers'), color: VERDICT_COLORS.notAssessed },
        ]}
        groups={years.map(([year, y]) => ({ label: year, values: [y.withChildren, y.total - y.withChildren] }))}
        groupHeader={t('year')}
        totalLabel={t('total')}
        {...(print ? {} : { tableToggle: t('showTable') })}
      />
    </>
  );
}
