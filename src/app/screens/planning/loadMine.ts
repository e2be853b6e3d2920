/**
 * What Mine befaringer shows, read from the device database without touching the thousands of other checklists: the
 * person's planned inspections (through the status index), whether each planned dwelling has had a checklist completed
 * since (the due index's keys of just those dwellings, never a checklist's answers), their own drafts, and the
 * addresses of the dwellings named. The plans' reads and the drafts' reads run side by side.
 */
import Dexie from 'dexie';
import { myInspections, type MyInspections } from '../../../core/planning/myInspections';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import type { ScheduledInspection } from '../../../core/schemas/scheduledInspection';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { EgnetDb } from '../../store/db';
import { deviceDb } from '../../store/deviceDb';
import type { DueKey } from '../../store/dueIndex';
import { repo } from '../../store/repo';
import { useSharedQuery } from '../../store/useSharedQuery';

/** One draft: the checklist, where it is about and when it was started. */
export type DraftLine = { id: string; templateId: string; dwellingId: string | null; startedAt: string };

/** Mine befaringer's data. */
export type Mine = MyInspections & { drafts: DraftLine[]; addresses: Map<string, string> };

/** The addresses of the dwellings with these ids (a deleted or unknown dwelling is left out). */
async function addressesOf(db: EgnetDb, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.records.bulkGet([...new Set(ids)].map((id) => ['dwelling', id] as [string, string]));
  const out = new Map<string, string>();
  for (const d of rows) if (d && !d.deleted) out.set(d.id, (d.data as Dwelling).address);
  return out;
}

/** The completed dwelling checklists of these dwellings, as the due index's keys hold them (dwelling, completion). */
async function completionsOf(db: EgnetDb, dwellingIds: readonly string[]): Promise<{ dwellingId: string; status: 'completed'; completedAt: string }[]> {
  const keys = await Promise.all(
    [...new Set(dwellingIds)].map((id) => db.records.where('due').between([id, Dexie.minKey], [id, Dexie.maxKey]).keys() as Promise<unknown[]> as Promise<DueKey[]>),
  );
  return keys.flat().map((k) => ({ dwellingId: k[0], status: 'completed', completedAt: k[2] }));
}

/** Reads the lists for `userId` on `today` (yyyy-mm-dd, Norwegian). */
export async function loadMine(userId: string, today: string): Promise<Mine> {
  const db = deviceDb();
  const plansRead = (async () => {
    const plans = await repo<ScheduledInspection>('scheduledInspection').listBy('status', 'planned', (s) => s.inspectorId === userId);
    const ids = plans.map((p) => p.data.dwellingId);
    const [completions, addresses] = await Promise.all([completionsOf(db, ids), addressesOf(db, ids)]);
    return { plans, completions, addresses };
  })();
  const draftsRead = (async () => {
    const drafts = await repo<Inspection>('inspection').listBy('status', 'draft', (i) => i.inspectorId === userId && !i.householdId && !i.planId);
    const addresses = await addressesOf(db, drafts.flatMap((d) => (d.data.dwellingId ? [d.data.dwellingId] : [])));
    return { drafts, addresses };
  })();
  const [planned, drafted] = await Promise.all([plansRead, draftsRead]);
  const lists = myInspections(
    planned.plans.map((p) => ({ id: p.id, data: p.data })),
    planned.completions,
    today,
  );
  const draftLines = drafted.drafts
    .map((d) => ({ id: d.id, templateId: d.data.templateId, dwellingId: d.data.dwellingId ?? null, startedAt: d.data.startedAt }))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return { ...lists, drafts: draftLines, addresses: new Map([...planned.addresses, ...drafted.addresses]) };
}

/**
 * Mine befaringer's lists for `userId` today, live (undefined while read, or without a user). One read shared by the
 * home screen's summary and the screen itself, so the tap from one to the other draws at once.
 */
export function useMine(userId: string | undefined): Mine | undefined {
  const today = norwegianDate(new Date());
  return useSharedQuery(userId ? `mine:${userId}:${today}` : null, () => loadMine(userId!, today));
}
