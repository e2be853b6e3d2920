/** The monthly meeting's agenda: open tasks by unit and household, overdue first; prints as the meeting's paper. */
import { useMemo } from 'preact/hooks';
import { formatDate } from '../../../core/format/formatDate';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Household } from '../../../core/schemas/household';
import type { Task } from '../../../core/schemas/task';
import { useLanguage, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { meetingAgenda } from './meetingAgenda';
import { TASK_TEXT } from './text';
import '../../components/layout.css';
import './tasks.css';
import { useSettings, useUnitName } from '../../store/useSettings';

/** The agenda at `/tasks/meeting`. */
export default function MeetingScreen() {
  const t = useText(TASK_TEXT);
  const lang = useLanguage();
  const settings = useSettings();
  const unitName = useUnitName();
  const tasks = useQuery(() => repo<Task>('task').list(), []);
  const households = useQuery(() => repo<Partial<Household>>('household').list(), []);
  const names = useMemo(() => new Map((households ?? []).map((h) => [h.id, h.data.displayName ?? ''])), [households]);
  const now = new Date();
  const today = norwegianDate(now);
  const agenda = meetingAgenda(tasks ?? [], (id) => names.get(id) ?? null, today, (settings?.units ?? []).map((u) => u.id));
  const fmt = (d: string) => formatDate(d, lang);

  return (
    <section class="tk-screen mt-agenda" aria-labelledby="meeting-title">
      <a class="ds-link mt-no-print" href="/tasks">← {t('backToTasks')}</a>
      <div class="titlebar">
        <h1 id="meeting-title" class="ds-heading" data-size="md">{t('meetingTitle')}</h1>
        <button type="button" class="ds-button mt-no-print" data-variant="primary" onClick={() => window.print()}>{t('print')}</button>
      </div>
      <p class="ds-paragraph">{t('meetingIntro', { date: fmt(today) })}</p>
      <p class="mt-confidential">{t('confidential')}</p>
      {tasks === undefined && <p aria-busy="true">{t('loading')}</p>}
      {tasks && agenda.length === 0 && <p class="ds-paragraph">{t('meetingEmpty')}</p>}
      {agenda.map((unit) => (
        <section key={unit.unit} class="mt-unit" aria-labelledby={`unit-${unit.unit}`} data-testid="agenda-unit">
          <h2 id={`unit-${unit.unit}`} class="ds-heading" data-size="sm">
            {unitName(unit.unit)} <span class="mt-confidential">({t('unitSummary', { open: unit.open, overdue: unit.overdue })})</span>
          </h2>
          {unit.households.map((h) => (
            <div key={h.householdId ?? 'none'} class="mt-household">
              <h3 class="ds-heading" data-size="xs">{h.householdId ? h.name ?? t('householdHidden') : t('noHousehold')}</h3>
              <ul class="mt-tasks">
                {h.tasks.map((task) => (
                  <li key={task.id} class={task.overdue ? 'mt-overdue' : undefined}>
                    {task.data.title} – {t('due', { date: fmt(task.data.dueDate) })}
                    {task.overdue && <> <span class="ds-tag" data-color="danger">{t('overdue')}</span></>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
