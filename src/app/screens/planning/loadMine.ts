/**
 * What Mine befaringer shows, read from the device database without touching the thousands of other checklists: the
 * person's plans, the checklists of just those dwellings (through the dwelling index), their own drafts, and the
 * addresses of the dwellings named.
 */
import { myInspections, type MyInspections } from '../../../core/planning/myInspections';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import type { ScheduledInspection } from '../../../core/schemas/scheduledInspection';
import { deviceDb } from '../../store/deviceDb';
import { repo } from '../../store/repo';

/** One draft: the checklist, where it is about and when it was started. */
export type DraftLine = { id: string; templateId: string; dwellingId: string | null; startedAt: string };

/** Mine befaringer's data. */
export type Mine = MyInspections & { drafts: DraftLine[]; addresses: Map<string, string> };

/** Reads the lists for `userId` on `today` (yyyy-mm-dd, Norwegian). */
export async function loadMine(userId: string, today: string): Promise<Mine> {
  const db = deviceDb();
  const [plans, drafts] = await Promise.all([
    repo<ScheduledInspection>('scheduledInspection').list((s) => s.inspectorId === userId && s.status === 'planned'),
    repo<Inspection>('inspection').listBy('status', 'draft', (i) => i.inspectorId === userId && !i.householdId && !i.planId),
  ]);
  const dwellingIds = [...new Set([...plans.map((p) => p.data.dwellingId), ...drafts.flatMap((d) => (d.data.dwellingId ? [d.data.dwellingId] : []))])];
  const [checklists, dwellings] = await Promise.all([
    db.records.where('[entity+data.dwellingId]').anyOf(plans.map((p) => ['inspection', p.data.dwellingId])).toArray(),
    db.records.bulkGet(dwellingIds.map((id) => ['dwelling', id] as [string, string])),
  ]);
  const addresses = new Map<string, string>();
  for (const d of dwellings) if (d && !d.deleted) addresses.set(d.id, (d.data as Dwelling).address);
  const lists = myInspections(
    plans.map((p) => ({ id: p.id, data: p.data })),
    checklists.filter((c) => !c.deleted).map((c) => c.data as Inspection),
    today,
  );
  const draftLines = drafts
    .map((d) => ({ id: d.id, templateId: d.data.templateId, dwellingId: d.data.dwellingId ?? null, startedAt: d.data.startedAt }))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return { ...lists, drafts: draftLines, addresses };
}
