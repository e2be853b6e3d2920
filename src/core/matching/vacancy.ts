/**
 * Whether a dwelling is vacant, and whether a new allocation of it may be made: the one answer the registry, the home
 * screen, matching and the overview all use, so an allocation shows everywhere at once.
 */
import { formatDate } from '../format/formatDate';
import type { Allocation } from '../schemas/allocation';
import type { LocalText } from '../text';

/** The part of an allocation that decides the time it holds the dwelling. */
type Held = Pick<Allocation, 'dwellingId' | 'date' | 'leaseType' | 'leaseYears'>;

/** How far ahead an allocation may be dated (move-in decided up to a year in advance). */
export const MAX_ALLOCATION_DAYS_AHEAD = 366;

function addYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** The day an allocation ends (exclusive), or null for an open-ended lease. */
export function allocationEnd(a: Held): string | null {
  return a.leaseType === 'fixed' && a.leaseYears ? addYears(a.date, a.leaseYears) : null;
}

/** Whether two allocations hold the dwelling for some common day. */
export function overlaps(a: Held, b: Held): boolean {
  const aEnd = allocationEnd(a);
  const bEnd = allocationEnd(b);
  return (bEnd === null || a.date < bEnd) && (aEnd === null || b.date < aEnd);
}

/**
 * The allocation that holds the dwelling now or from a later day, if any. Only allocations made on or after the day
 * the dwelling's record last changed count (an older one was already known when the registry was last updated);
 * without that day every allocation counts. Fixed-term allocations that ended before `today` do not.
 */
export function activeAllocation<A extends Held>(
  dwellingId: string,
  allocations: readonly A[],
  today: string,
  dwellingChangedAt?: string,
): A | undefined {
  const since = dwellingChangedAt?.slice(0, 10);
  let found: A | undefined;
  for (const a of allocations) {
    if (a.dwellingId !== dwellingId) continue;
    if (since !== undefined && a.date < since) continue;
    const end = allocationEnd(a);
    if (end !== null && end <= today) continue;
    if (!found || found.date < a.date) found = a;
  }
  return found;
}

/** Vacant: the registry says so and no allocation holds the dwelling. */
export function isVacant(
  dwelling: { id: string; vacant: boolean },
  allocations: readonly Held[],
  today: string,
  dwellingChangedAt?: string,
): boolean {
  return dwelling.vacant && activeAllocation(dwelling.id, allocations, today, dwellingChangedAt) === undefined;
}

/** What is wrong with a new (or corrected) allocation; an empty list when it may be saved. */
export type AllocationProblem =
  | { field: 'date'; code: 'tooFarAhead' | 'beforeDwelling'; message: LocalText }
  | { field: 'dwellingId'; code: 'alreadyAllocated'; message: LocalText; existingId: string; existing: Held };

/**
 * Checks an allocation against the others of the same dwelling and the calendar: not dated more than a year ahead, not
 * before the dwelling was registered, and not overlapping another allocation of the same dwelling. With the time the
 * dwelling's record last changed, allocations dated before it are left out, as `activeAllocation` leaves them out: the
 * registry was updated after them (a dwelling let in 2018 and listed as vacant since has no tenant from then).
 */
export function allocationProblems<A extends Held & { id: string }>(
  allocation: Held & { id?: string },
  others: readonly A[],
  today: string,
  dwellingCreatedAt?: string,
  dwellingChangedAt?: string,
): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  const latest = addDays(today, MAX_ALLOCATION_DAYS_AHEAD);
  if (allocation.date > latest) {
    problems.push({
      field: 'date',
      code: 'tooFarAhead',
      message: { nb: `Datoen kan ikke være mer enn ett år fram i tid (senest ${formatDate(latest, 'nb')})`, en: `The date cannot be more than a year ahead (at the latest ${formatDate(latest, 'en')})` },
    });
  }
  const created = dwellingCreatedAt?.slice(0, 10);
  if (created && allocation.date < created) {
    problems.push({
      field: 'date',
      code: 'beforeDwelling',
      message: { nb: `Datoen kan ikke være før boligen ble registrert (${formatDate(created, 'nb')})`, en: `The date cannot be before the dwelling was registered (${formatDate(created, 'en')})` },
    });
  }
  const since = dwellingChangedAt?.slice(0, 10);
  const clash = others.find(
    (o) => o.id !== allocation.id && o.dwellingId === allocation.dwellingId && (since === undefined || o.date >= since) && overlaps(o, allocation),
  );
  if (clash) {
    const end = allocationEnd(clash);
    problems.push({
      field: 'dwellingId',
      code: 'alreadyAllocated',
      existingId: clash.id,
      existing: clash,
      message: {
        nb: `Boligen er allerede tildelt fra ${formatDate(clash.date, 'nb')}${end ? ` til ${formatDate(end, 'nb')}` : ''}. Rett eller fjern den tildelingen først.`,
        en: `The dwelling is already allocated from ${formatDate(clash.date, 'en')}${end ? ` to ${formatDate(end, 'en')}` : ''}. Correct or remove that allocation first.`,
      },
    });
  }
  return problems;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
