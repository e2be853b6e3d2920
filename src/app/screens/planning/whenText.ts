/** A plan's day or week in words: "5. jan. 2027", or "uke 3 (18.–24. jan. 2027)" for a plan that takes the whole week. */
import { addDays, isoWeekOf } from '../../../core/planning/dates';
import { formatDate } from '../../../core/format/formatDate';
import type { ScheduledInspection } from '../../../core/schemas/scheduledInspection';
import type { Language } from '../../../core/text';

/** The day or week of a plan, as a person reads it. */
export function whenText(plan: Pick<ScheduledInspection, 'date' | 'byWeek'>, lang: Language): string {
  if (!plan.byWeek) return formatDate(plan.date, lang);
  const { week } = isoWeekOf(plan.date);
  const to = formatDate(addDays(plan.date, 6), lang);
  const from = formatDate(plan.date, lang);
  return lang === 'nb' ? `uke ${week} (${from}–${to})` : `week ${week} (${from} to ${to})`;
}
