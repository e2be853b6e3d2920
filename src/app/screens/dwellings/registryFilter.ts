/** Search and filters of the dwelling registry, as pure functions, and their round trip through the address bar. */
import type { Dwelling } from '../../../core/schemas/dwelling';

/** A registry line: the dwelling, its verdict class and when its newest completed dwelling inspection was done. */
export type RegistryRow<V extends string | null = string | null> = {
  id: string;
  dwelling: Dwelling;
  verdict: V;
  /** ISO time of the newest completed inspection of any kind, or null when there is none. */
  lastInspectedAt: string | null;
};

/** What the person filters by; empty values mean "all". */
export type RegistryFilter = {
  /** Address, postcode, area, or a property id written "gnr/bnr" (optionally "/snr"). */
  query: string;
  verdict: string;
  area: string;
  /** At least this many approved bedrooms. */
  minBedrooms: number | null;
  occupancy: '' | 'vacant' | 'let';
  /** '' all; 'never' not inspected yet; a number: never inspected or the newest inspection is older than that many months. */
  needsInspection: '' | 'never' | number;
};

/** No filter at all. */
export const EMPTY_FILTER: RegistryFilter = { query: '', verdict: '', area: '', minBedrooms: null, occupancy: '', needsInspection: '' };

const PROPERTY_ID = /^(?:gnr\.?\s*)?(\d{1,4})\s*[/ ]\s*(?:bnr\.?\s*)?(\d{1,4})(?:\s*[/ ]\s*(?:snr\.?\s*)?(\d{1,3}))?$/i;

/** The date `months` months before `now` (calendar months, so "older than 12 months" means the same day last year). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setMonth(d.getMonth() - months);
  return d;
}

function matchesQuery(d: Dwelling, query: string): boolean {
  const q = query.trim().toLocaleLowerCase('nb');
  if (!q) return true;
  const pid = PROPERTY_ID.exec(q);
  if (pid) {
    const [, gnr, bnr, snr] = pid;
    // A property id matches exactly: 12/34 must not find 12/340.
    return d.gnr === Number(gnr) && d.bnr === Number(bnr) && (snr === undefined || d.snr === Number(snr));
  }
  const haystack = `${d.address} ${d.postcode} ${d.area} ${d.gnr}/${d.bnr}`.toLocaleLowerCase('nb');
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

/** The rows that pass every filter, sorted by address the Norwegian way (æ, ø, å last). */
export function filterRegistry<V extends string | null>(rows: readonly RegistryRow<V>[], f: RegistryFilter, now: Date): RegistryRow<V>[] {
  const cutoff = typeof f.needsInspection === 'number' ? monthsBefore(now, f.needsInspection).toISOString() : null;
  const collator = new Intl.Collator('nb', { numeric: true });
  return rows
    .filter((r) => {
      const d = r.dwelling;
      if (f.verdict && r.verdict !== f.verdict) return false;
      if (f.area && d.area !== f.area) return false;
      if (f.minBedrooms !== null && d.approvedBedrooms < f.minBedrooms) return false;
      if (f.occupancy === 'vacant' && !d.vacant) return false;
      if (f.occupancy === 'let' && d.vacant) return false;
      if (f.needsInspection === 'never' && r.lastInspectedAt !== null) return false;
      if (cutoff !== null && r.lastInspectedAt !== null && r.lastInspectedAt >= cutoff) return false;
      return matchesQuery(d, f.query);
    })
    .sort((a, b) => collator.compare(a.dwelling.address, b.dwelling.address));
}

/** Reads the filter from the address bar's query string (unknown values are ignored, never an error). */
export function filterFromSearch(search: string): RegistryFilter {
  const p = new URLSearchParams(search);
  const beds = Number(p.get('soverom'));
  const age = p.get('kontroll') ?? '';
  const occupancy = p.get('status') ?? '';
  return {
    query: p.get('q') ?? '',
    verdict: p.get('vurdering') ?? '',
    area: p.get('omrade') ?? '',
    minBedrooms: p.has('soverom') && Number.isInteger(beds) && beds >= 0 ? beds : null,
    occupancy: occupancy === 'vacant' || occupancy === 'let' ? occupancy : '',
    needsInspection: age === 'never' ? 'never' : /^\d{1,3}$/.test(age) && Number(age) > 0 ? Number(age) : '',
  };
}

/** Writes the filter as a query string ("" when nothing is filtered), so a filtered list survives reload and back. */
export function filterToSearch(f: RegistryFilter): string {
  const p = new URLSearchParams();
  if (f.query.trim()) p.set('q', f.query.trim());
  if (f.verdict) p.set('vurdering', f.verdict);
  if (f.area) p.set('omrade', f.area);
  if (f.minBedrooms !== null) p.set('soverom', String(f.minBedrooms));
  if (f.occupancy) p.set('status', f.occupancy);
  if (f.needsInspection !== '') p.set('kontroll', String(f.needsInspection));
  const s = p.toString();
  return s ? `?${s}` : '';
}
