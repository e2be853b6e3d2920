/**
 * The server's side of "one allocation of a dwelling at a time": a new or moved allocation that overlaps another one
 * still holding the same dwelling, or dated more than a year ahead, is refused, so two devices that allocated the same
 * dwelling offline do not both get a tenant in. The rule is core/matching/vacancy's, the one the form applies.
 */
import { allocationProblems } from '../../core/matching/vacancy';
import { norwegianDate } from '../../core/privacy/consentState';
import type { Allocation } from '../../core/schemas/allocation';
import { bilingual } from '../../core/schemas/bilingual';
import type { StoreTx } from '../store/store';

type Data = Record<string, unknown>;

/** What holds the dwelling: only a change to one of these is checked again (an allocation of 2018 stays correctable). */
function held(a: Data): string {
  return JSON.stringify([a.dwellingId, a.date, a.leaseType, a.leaseYears ?? null]);
}

/**
 * Why this allocation may not be written as `after` (code and message in Bokmål and English), or null. Call it only
 * after the writer's right to the record is settled and the record passed its schema.
 */
export async function allocationRefusal(tx: StoreTx, id: string, before: Data | null, after: Data, now: Date): Promise<{ code: string; message: string } | null> {
  if (before && held(before) === held(after)) return null;
  const allocation = after as unknown as Allocation;
  const dwelling = (await tx.findRecords([{ entity: 'dwelling', id: allocation.dwellingId }])).find((r) => !r.deleted);
  const rows = await tx.recordsLinkingTo(['allocation'], 'dwellingId', allocation.dwellingId, true);
  const others = rows.filter((r) => r.id !== id).map((r) => ({ ...(r.data as unknown as Allocation), id: r.id }));
  // The registry's time of change counts as on the devices: allocations the registry was updated after hold nothing.
  const problems = allocationProblems({ ...allocation, id }, others, norwegianDate(now), undefined, dwelling?.updatedAt);
  const first = problems.find((p) => p.code === 'alreadyAllocated') ?? problems[0];
  if (!first) return null;
  return { code: first.code === 'alreadyAllocated' ? 'allocation_overlap' : 'allocation_date', message: bilingual(first.message.nb, first.message.en) };
}
