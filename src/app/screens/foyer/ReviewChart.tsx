/** A small line chart of one domain's status over the reviews, youth and coordinator, with a table as its text alternative. */
import { REVIEW_POINT_LABELS, REVIEW_POINTS, type ReviewPoint } from '../../../core/schemas/plan';
import { useLocal, useText } from '../../i18n/language';
import type { Rating } from './planReviews';
import { FOYER_TEXT } from './text';

const W = 300;
const H = 130;
const PAD = { left: 24, right: 22, top: 10, bottom: 28 };
const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (REVIEW_POINTS.length - 1);
const y = (v: number) => PAD.top + ((5 - v) * (H - PAD.top - PAD.bottom)) / 4;
const SHORT = ['0', '6', '12', '24', '30–36'];

/** Chart + table. Lines differ by dash and marker shape too, so colour is never the only cue. */
export function ReviewChart({ id, domainName, ratings }: { id: string; domainName: string; ratings: Record<ReviewPoint, Rating> }) {
  const t = useText(FOYER_TEXT);
  const local = useLocal();
  const series = (who: 'youth' | 'coordinator') => REVIEW_POINTS.map((p, i) => ({ i, v: ratings[p][who] })).filter((d): d is { i: number; v: number } => d.v !== null);
  const youth = series('youth');
  const coordinator = series('coordinator');
  const words = (s: { i: number; v: number }[]) => (s.length ? s.map((d) => `${SHORT[d.i]}: ${d.v}`).join(', ') : t('notRated'));
  const summary = youth.length + coordinator.length === 0 ? t('chartNoData') : t('chartSummary', { youth: words(youth), coordinator: words(coordinator) });
  const path = (s: { i: number; v: number }[]) => s.map((d, k) => `${k === 0 ? 'M' : 'L'}${x(d.i)},${y(d.v)}`).join(' ');

  return (
    <figure class="fy-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="fy-chart-svg">
        <title id={`${id}-title`}>{t('chartTitle', { domain: domainName })}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="fy-grid" />
            <text x={PAD.left - 6} y={y(v) + 4} class="fy-axis" text-anchor="end">{v}</text>
          </g>
        ))}
        {REVIEW_POINTS.map((_, i) => (
          <text key={i} x={x(i)} y={H - 8} class="fy-axis" text-anchor="middle">{SHORT[i]}</text>
        ))}
        <path d={path(youth)} class="fy-line fy-youth" />
        <path d={path(coordinator)} class="fy-line fy-coordinator" />
        {youth.map((d) => <circle key={`y${d.i}`} cx={x(d.i)} cy={y(d.v)} r={4} class="fy-youth-dot" />)}
        {coordinator.map((d) => <rect key={`c${d.i}`} x={x(d.i) - 4} y={y(d.v) - 4} width={8} height={8} class="fy-coordinator-dot" />)}
      </svg>
      <figcaption class="fy-legend">
        <span><span class="fy-key fy-key-youth" aria-hidden="true" /> {t('youth')}</span>
        <span><span class="fy-key fy-key-coordinator" aria-hidden="true" /> {t('coordinator')}</span>
      </figcaption>
      <div class="fy-scroll" tabIndex={0} role="region" aria-label={t('chartTitle', { domain: domainName })}>
        <table class="fy-table">
          <caption class="fy-visually-hidden">{t('chartTitle', { domain: domainName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reviews')}</th>
              <th scope="col">{t('youth')}</th>
              <th scope="col">{t('coordinator')}</th>
            </tr>
          </thead>
          <tbody>
            {REVIEW_POINTS.map((p) => (
              <tr key={p}>
                <th scope="row">{local(REVIEW_POINT_LABELS[p])}{ratings[p].fromFollowUp && <> {t('fromFollowUp')}</>}</th>
                <td>{ratings[p].youth ?? '–'}</td>
                <td>{ratings[p].coordinator ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
