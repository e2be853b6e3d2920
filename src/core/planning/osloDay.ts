/**
 * The day in Norway (yyyy-mm-dd) of a moment, without Intl: summer time runs from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October (the EU rule). Cheap enough to run on thousands of checklists per render.
 */

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/** The Norwegian calendar day of an ISO time ("2026-03-29T22:30:00Z" → "2026-03-30"); a bare date is returned as it is. */
export function osloDay(iso: string): string {
  if (iso.length === 10) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso.slice(0, 10);
  const year = new Date(t).getUTCFullYear();
  const summer = t >= lastSundayUtc(year, 2) && t < lastSundayUtc(year, 9);
  return new Date(t + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}
