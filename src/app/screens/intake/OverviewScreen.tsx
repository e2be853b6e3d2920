/**
 * The intake team's overview: the stock by verdict as the reference report (docs/domain.md) gives it, charts, "children
 * first", the KOSTRA figures, inspections due, exports.
 */
import { useState } from 'preact/hooks';
import { figuresCsv } from '../../../core/export/figuresCsv';
import { registryCsv } from '../../../core/export/registryCsv';
import { trendFigures } from '../../../core/figures/trendFigures';
import type { InspectionDue } from '../../../core/figures/trendInspectionAge';
import { norwegianDate } from '../../../core/privacy/consentState';
import { useLanguage, useText } from '../../i18n/language';
import { downloadFile } from '../../downloadFile';
import { ChildrenFirst, StockCharts, StockHeadline } from './StockCharts';
import { INTAKE_TEXT } from './text';
import { KostraSection } from './KostraSection';
import { PropertyFiguresSection } from './PropertyFiguresSection';
import { useIntakeData } from './useIntakeData';
import { useOverview } from './useOverview';
import '../../charts/charts.css';
import './intake.css';
import { useAreaName } from '../../store/useSettings';

const AGES = [12, 24, 36] as const;

function DueList({ id, title, rows }: { id: string; title: string; rows: InspectionDue[] }) {
  const t = useText(INTAKE_TEXT);
  const areaName = useAreaName();
  return (
    <section aria-labelledby={id} class="intake-due">
      <h3 id={id} class="ds-heading" data-size="2xs">
        {title}
      </h3>
      {rows.length === 0 ? (
        <p>{t('noneDue')}</p>
      ) : (
        <ul class="ds-list">
          {rows.map((d) => (
            <li key={d.id}>
              <a class="ds-link" href={`/dwellings/${d.id}`}>
                {d.address}
              </a>{' '}
              ({areaName(d.area)}
              {d.lastCompleted ? `, ${t('lastInspected', { date: d.lastCompleted })}` : ''})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The overview at `/overview`. */
export default function OverviewScreen() {
  const t = useText(INTAKE_TEXT);
  const lang = useLanguage();
  const areaName = useAreaName();
  const [maxAge, setMaxAge] = useState<number>(24);
  const [notice, setNotice] = useState('');
  const data = useIntakeData();
  const { figures, trend } = useOverview(data, maxAge);

  if (!data || !figures) return <p aria-busy="true">{t('loading')}</p>;

  const today = norwegianDate(new Date());
  const download = (kind: 'registry' | 'figures') => {
    const name = kind === 'registry' ? `egnet-boligregister-${today}.csv` : `egnet-tall-${today}.csv`;
    // The quarters may still be on their way; the file waits for nothing.
    const quarters = trend ?? trendFigures({ ...data, verdicts: figures.verdictsByDwelling }, today);
    const csv = kind === 'registry' ? registryCsv(data.dwellings, data.inspections, lang, data.ruleSet, areaName) : figuresCsv(figures, quarters.trend, lang, areaName);
    downloadFile(name, csv);
    setNotice(t('downloaded', { name }));
  };

  return (
    <section class="screen intake">
      <h1 class="ds-heading" data-size="lg">
        {t('overviewTitle')}
      </h1>
      {figures.dwellings === 0 ? <p>{t('noDwellings')}</p> : <StockHeadline figures={figures} />}
      <p class="intake-note">{t('computedOnDevice')}</p>
      <div class="intake-actions">
        <button type="button" class="ds-button" data-variant="secondary" onClick={() => download('registry')}>
          {t('downloadRegistry')}
        </button>
        <button type="button" class="ds-button" data-variant="secondary" onClick={() => download('figures')}>
          {t('downloadFigures')}
        </button>
        <a class="ds-button" data-variant="tertiary" href="/reports/stock">
          {t('printStock')}
        </a>
      </div>
      <p role="status" class="intake-note">
        {notice}
      </p>

      <StockCharts figures={figures} trend={trend} />

      <h2 class="ds-heading" data-size="sm">
        {t('childrenFirstTitle')}
      </h2>
      <ChildrenFirst figures={figures} />

      <KostraSection data={data} figures={figures} />

      <h2 class="ds-heading" data-size="sm">
        {t('dueTitle')}
      </h2>
      <div class="ds-field form-field intake-age">
        <label class="ds-label" for="due-age">
          {t('dueAge')}
        </label>
        <select id="due-age" class="ds-input" value={String(maxAge)} onChange={(e) => setMaxAge(Number(e.currentTarget.value))}>
          {AGES.map((n) => (
            <option key={n} value={String(n)}>
              {t('months', { n })}
            </option>
          ))}
        </select>
      </div>
      {trend ? (
        <>
          <DueList id="due-never" title={t('neverInspected', { n: trend.inspectionDue.never.length })} rows={trend.inspectionDue.never} />
          <DueList
            id="due-old"
            title={t('oldInspection', { months: maxAge, n: trend.inspectionDue.old.length })}
            rows={trend.inspectionDue.old}
          />
        </>
      ) : (
        <p aria-busy="true">{t('trendLoading')}</p>
      )}

      <PropertyFiguresSection data={data} />
    </section>
  );
}
