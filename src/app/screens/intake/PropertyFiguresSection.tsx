/**
 * The property unit's figures on the overview: dwellings past their next-inspection date by the rules, open follow-up
 * actions by severity and age, and the mean time to close one; computed on the device, exported as CSV.
 */
import { useMemo, useState } from 'preact/hooks';
import { ACTION_AGE_LABELS, SEVERITY_LABELS, propertyFiguresCsv } from '../../../core/export/propertyFiguresCsv';
import { ACTION_AGES, propertyFigures } from '../../../core/figures/propertyFigures';
import { formatNumber } from '../../../core/format/formatNumber';
import { intervalsFrom } from '../../../core/planning/intervals';
import { norwegianDate } from '../../../core/privacy/consentState';
import { ACTION_SEVERITIES, type Task } from '../../../core/schemas/task';
import { downloadFile } from '../../downloadFile';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { useSettings } from '../../store/useSettings';
import { INTAKE_TEXT } from './text';
import type { IntakeData } from './useIntakeData';
import '../../components/layout.css';

/** The section; `data` is the overview's records. */
export function PropertyFiguresSection({ data }: { data: IntakeData }) {
  const t = useText(INTAKE_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const settings = useSettings();
  const tasks = useQuery(() => repo<Task>('task').list(), []);
  const [notice, setNotice] = useState('');
  const today = norwegianDate(new Date());
  const figures = useMemo(
    () =>
      tasks &&
      propertyFigures({
        dwellingIds: data.dwellings.map((d) => d.id),
        checklists: data.inspections,
        allocations: data.allocations,
        tasks: tasks.map((r) => r.data),
        today,
        intervals: intervalsFrom(settings),
      }),
    [data, tasks, settings, today],
  );
  if (!figures) return <p aria-busy="true">{t('loading')}</p>;
  const download = () => {
    const name = `egnet-bygg-og-eiendom-${today}.csv`;
    downloadFile(name, propertyFiguresCsv(figures, lang));
    setNotice(t('downloaded', { name }));
  };
  const n = (x: number) => formatNumber(x, lang);
  return (
    <section class="screen-section" aria-labelledby="property-title" data-testid="property-figures">
      <h2 id="property-title" class="ds-heading" data-size="sm">{t('propertyTitle')}</h2>
      <dl class="facts">
        <div><dt>{t('propertyOverdue')}</dt><dd data-testid="property-overdue">{n(figures.inspections.overdue)}</dd></div>
        <div><dt>{t('propertyNever')}</dt><dd>{n(figures.inspections.never)}</dd></div>
        <div><dt>{t('propertyDueSoon')}</dt><dd>{n(figures.inspections.dueSoon)}</dd></div>
        <div><dt>{t('propertyOpen')}</dt><dd data-testid="property-open">{n(figures.openTotal)}</dd></div>
        <div><dt>{t('propertyPastDeadline')}</dt><dd>{n(figures.openPastDeadline)}</dd></div>
        <div>
          <dt>{t('propertyMeanClose')}</dt>
          <dd>{figures.meanDaysToClose === null ? t('propertyNoneClosed') : t('propertyDays', { days: formatNumber(figures.meanDaysToClose, lang), n: figures.closed })}</dd>
        </div>
      </dl>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="property-table-caption">
        <table class="line-table">
          <caption id="property-table-caption">{t('propertyTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('propertySeverity')}</th>
              {ACTION_AGES.map((a) => <th key={a} scope="col">{local(ACTION_AGE_LABELS[a])}</th>)}
            </tr>
          </thead>
          <tbody>
            {ACTION_SEVERITIES.map((s) => (
              <tr key={s}>
                <th scope="row">{local(SEVERITY_LABELS[s])}</th>
                {ACTION_AGES.map((a) => <td key={a}>{n(figures.openActions[s][a])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="intake-actions">
        <button type="button" class="ds-button" data-variant="secondary" onClick={download}>{t('propertyDownload')}</button>
      </div>
      <p role="status" class="intake-note">{notice}</p>
    </section>
  );
}
