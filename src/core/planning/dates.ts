/** Calendar arithmetic on ISO dates (yyyy-mm-dd), in whole days, free of time zones: what plans and due dates use. */

const DAY_MS = 86_400_000;

const toUtc = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

/** The date `days` days after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  return fromUtc(new Date(toUtc(iso).getTime() + days * DAY_MS));
}

/** The date `months` calendar months after `iso`; a day the month lacks becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const day = d.getUTCDate();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return fromUtc(first);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
}

/** An ISO week: year and week number (1–53), as Norway counts them (weeks start on Monday; week 1 holds 4 January). */
export type IsoWeek = { year: number; week: number };

/** The Monday of an ISO week. */
export function mondayOfWeek({ year, week }: IsoWeek): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  return fromUtc(new Date(mondayWeek1 + (week - 1) * 7 * DAY_MS));
}

/** The ISO week a date falls in. */
export function isoWeekOf(iso: string): IsoWeek {
  const d = toUtc(iso);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

/** The Monday of the week `iso` falls in. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((toUtc(iso).getUTCDay() + 6) % 7));
}

/** The Monday of an ISO week a person typed, or null when there is no such week (week 53 exists in some years only). */
export function mondayOfTypedWeek(w: IsoWeek): string | null {
  if (!Number.isInteger(w.year) || w.year < 2000 || w.year > 2100 || !Number.isInteger(w.week) || w.week < 1 || w.week > 53) return null;
  const monday = mondayOfWeek(w);
  const back = isoWeekOf(monday);
  return back.year === w.year && back.week === w.week ? monday : null;
}
