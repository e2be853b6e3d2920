/**
 * Dates as a person reads them, in one style everywhere: "5. des. 2026" in Bokmål, "5 Dec 2026" in English, with the
 * time as "5. des. 2026 kl. 14:30" / "5 Dec 2026, 14:30". ISO dates ("2026-12-05") belong in exports and form fields
 * only. The month names are our own rather than the browser's, so every engine prints the same words; moments are
 * shown in Norwegian time (Europe/Oslo) whatever the device's zone.
 */
import type { Language } from '../text';

const MONTHS: Record<Language, readonly string[]> = {
  nb: ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const OSLO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar parts of a day ("2026-12-05", taken as written) or a moment (shown in Norwegian time). */
function partsOf(value: string | Date): Parts | null {
  if (typeof value === 'string') {
    const day = DAY_ONLY.exec(value);
    if (day) return { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 0, minute: 0, second: 0 };
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  // One formatToParts per moment (it is the costly call: lists redraw many dates).
  const p: Record<string, number> = {};
  for (const part of OSLO.formatToParts(d)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year ?? 0, month: p.month ?? 0, day: p.day ?? 0, hour: (p.hour ?? 0) % 24, minute: p.minute ?? 0, second: p.second ?? 0 };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The time of day: "14:30", or "14:30:05" with seconds. */
function clock(p: Parts, seconds: boolean): string {
  return `${two(p.hour)}:${two(p.minute)}${seconds ? `:${two(p.second)}` : ''}`;
}

/** Options for {@link formatDate}: `time` adds the time of day (with `'seconds'`, to the second). */
export type DateOptions = { time?: boolean | 'seconds' };

/**
 * A day or moment for a person: "5. des. 2026" / "5 Dec 2026"; with `time`, "5. des. 2026 kl. 14:30" /
 * "5 Dec 2026, 14:30". A value that is not a date is returned as given rather than as "Invalid Date".
 */
export function formatDate(value: string | Date, lang: Language, options: DateOptions = {}): string {
  const p = partsOf(value);
  if (!p) return String(value);
  const date = lang === 'nb' ? `${p.day}. ${MONTHS.nb[p.month - 1]} ${p.year}` : `${p.day} ${MONTHS.en[p.month - 1]} ${p.year}`;
  if (!options.time) return date;
  const time = clock(p, options.time === 'seconds');
  return lang === 'nb' ? `${date} kl. ${time}` : `${date}, ${time}`;
}

/** The time of day of a moment in Norwegian time: "14:30" (or "14:30:05" with `seconds`). */
export function formatTime(value: string | Date, seconds = false): string {
  const p = partsOf(value);
  return p ? clock(p, seconds) : String(value);
}

/** Whether two moments fall on the same day in Norwegian time. */
export function sameDay(a: string | Date, b: string | Date): boolean {
  const x = partsOf(a);
  const y = partsOf(b);
  return !!x && !!y && x.year === y.year && x.month === y.month && x.day === y.day;
}
