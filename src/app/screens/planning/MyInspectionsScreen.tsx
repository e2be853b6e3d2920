/**
 * **Mine befaringer** at `/my-inspections`: the inspections assigned to the signed-in person — overdue, this week and
 * later — their drafts, and what they completed this week. Read from the device, so it works offline.
 */
import { useEffect } from 'preact/hooks';
import { latestTemplate } from '../../../core/checklist/templates';
import { formatDate } from '../../../core/format/formatDate';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { useMine, type Mine } from './loadMine';
import { PlanLineItem } from './PlanLineItem';
import { PLAN_TEXT } from './text';
import { useInspectors } from './useInspectors';
import '../../components/layout.css';
import './planning.css';

/** The screen. */
export default function MyInspectionsScreen() {
  const t = useText(PLAN_TEXT);
  const user = getSession()?.user;
  const mine = useMine(user?.id);
  const { inspectors } = useInspectors();
  const mayPlan = !!user && (user.roles.includes('admin') || user.roles.includes('inspector'));
  useEffect(() => {
    document.title = `${t('mineTitle')} – Egnet`;
  }, []);
  return (
    <section class="pl-screen" aria-labelledby="mine-title">
      <div class="titlebar">
        <h1 id="mine-title" class="ds-heading" data-size="md">{t('mineTitle')}</h1>
        {mayPlan && <a class="ds-button" data-variant="secondary" href="/inspection-plan">{t('planLink')}</a>}
      </div>
      <p class="ds-paragraph">{t('mineIntro')}</p>
      {mine === undefined ? <p aria-busy="true">{t('loading')}</p> : <MineLists mine={mine} inspectors={inspectors} />}
    </section>
  );
}

/** The five lists, each under its heading (also used in short on the home screen). */
export function MineLists({ mine, inspectors }: { mine: Mine; inspectors: ReturnType<typeof useInspectors>['inspectors'] }) {
  const t = useText(PLAN_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const part = (key: 'overdue' | 'due' | 'assigned' | 'doneThisWeek', none: 'noneOverdue' | 'noneDue' | 'noneAssigned' | 'noneDone') => (
    <section class="screen-section" aria-labelledby={`mine-${key}`} data-testid={`mine-${key}`}>
      <h2 id={`mine-${key}`} class="ds-heading" data-size="xs">{t(key, { n: mine[key].length })}</h2>
      {mine[key].length === 0 ? (
        <p class="ds-paragraph">{t(none)}</p>
      ) : (
        <ul class="row-list">
          {mine[key].map((l) => (
            <PlanLineItem key={l.id} id={l.id} plan={l.data} address={mine.addresses.get(l.data.dwellingId) ?? null} late={key === 'overdue'} doneOn={l.doneOn} inspectors={inspectors} />
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div data-testid="my-inspections" data-ready="true">
      {part('overdue', 'noneOverdue')}
      {part('due', 'noneDue')}
      {part('assigned', 'noneAssigned')}
      <section class="screen-section" aria-labelledby="mine-drafts" data-testid="mine-drafts">
        <h2 id="mine-drafts" class="ds-heading" data-size="xs">{t('drafts', { n: mine.drafts.length })}</h2>
        {mine.drafts.length === 0 ? (
          <p class="ds-paragraph">{t('noneDrafts')}</p>
        ) : (
          <ul class="row-list">
            {mine.drafts.map((d) => {
              const tpl = latestTemplate(d.templateId);
              const address = d.dwellingId ? mine.addresses.get(d.dwellingId) : undefined;
              return (
                <li key={d.id} class="row-item">
                  <span>
                    <a class="ds-link" href={`/inspections/${d.id}`}>{[tpl ? local(tpl.title) : d.templateId, address].filter(Boolean).join(': ')}</a>
                    {' – '}
                    {t('started', { date: formatDate(d.startedAt, lang) })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {part('doneThisWeek', 'noneDone')}
    </div>
  );
}
