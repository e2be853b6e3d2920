/** A printable A4 report of the stock for the municipal council: the reference report's headline (docs/domain.md), the charts and "children first". */
import { formatDate } from '../../../core/format/formatDate';
import { ruleSetInForce } from '../../../core/rules/defaultRuleSet';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { ChildrenFirst, StockCharts, StockHeadline } from '../intake/StockCharts';
import { useIntakeData } from '../intake/useIntakeData';
import { useOverview } from '../intake/useOverview';
import { PrintBar } from './PrintBar';
import { REPORT_TEXT } from './text';
import '../../charts/charts.css';
import '../intake/intake.css';
import './report.css';

/** The report at `/reports/stock`. */
export default function StockReportScreen() {
  const t = useText(REPORT_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const { figures, trend } = useOverview(useIntakeData());
  // Printed only whole: wait for the quarters too.
  if (!figures || !trend) return <p aria-busy="true">{t('loading')}</p>;
  const date = formatDate(new Date(), lang);
  return (
    <article class="screen report" aria-labelledby="report-title">
      <PrintBar back="/overview" />
      <header class="report-header">
        <h1 id="report-title" class="ds-heading" data-size="lg">
          {t('stockReport')}
        </h1>
        <p class="report-meta">{t('printedAt', { date, name: getSession()?.user.name ?? '' })}</p>
      </header>
      <StockHeadline figures={figures} />
      <p>{t('stockIntro', { title: local(ruleSetInForce(figures.ruleSet).title) })}</p>
      <StockCharts figures={figures} trend={trend} idPrefix="report" print />
      <section class="report-section" aria-labelledby="report-children">
        <h2 id="report-children" class="ds-heading" data-size="sm">
          {t('childrenFirst')}
        </h2>
        <ChildrenFirst figures={figures} idPrefix="report-years" print />
      </section>
    </article>
  );
}
