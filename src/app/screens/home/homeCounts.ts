/**
 * The home screen's counts, read from the device database through its indexes so that thousands of dwellings, checklists
 * and actions cost little: the dwellings as index keys alone, the completed checklists as their due keys, and only the
 * open tasks (read once for both the tasks due and the actions that keep a dwelling on the short interval). Done tasks
 * and the dwellings' data are never read.
 */
import Dexie from 'dexie';
import type { Role } from '../../../core/entities';
import { intervalsFrom } from '../../../core/planning/intervals';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { Allocation } from '../../../core/schemas/allocation';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Household } from '../../../core/schemas/household';
import type { Task } from '../../../core/schemas/task';
import type { EgnetDb } from '../../store/db';
import { deviceDb } from '../../store/deviceDb';
import { summaryOfKey, type DueKey } from '../../store/dueIndex';
import { repo } from '../../store/repo';
import { loadSettings } from '../../store/useSettings';
import { actionFacts } from '../planning/actionFacts';
import { attentionItems, type AttentionItem } from './attentionItems';
import { inspectionsDue, type DueItem } from './inspectionsDue';

/** What "needs you now" counts, and (for those who inspect) the dwellings due for a check. */
export type HomeCounts = { attention: AttentionItem[]; due: DueItem[] };

/**
 * The ids of the dwellings on the device that are not deleted, from the index's keys. A deleted record stays on the
 * device only while its own change waits in the outbox, so only the dwellings with a queued change are read in full.
 */
export async function dwellingIdsOnDevice(db: EgnetDb = deviceDb()): Promise<string[]> {
  const [keys, queued] = await Promise.all([
    db.records.where('entity').equals('dwelling').primaryKeys(),
    db.outbox.where('[entity+id]').between(['dwelling', Dexie.minKey], ['dwelling', Dexie.maxKey]).keys() as Promise<unknown[]> as Promise<[string, string][]>,
  ]);
  const ids = keys.map((k) => k[1]);
  if (queued.length === 0) return ids;
  const changed = await db.records.bulkGet([...new Set(queued.map((k) => k[1]))].map((id) => ['dwelling', id] as [string, string]));
  const deleted = new Set(changed.filter((r) => r?.deleted).map((r) => r!.id));
  return deleted.size === 0 ? ids : ids.filter((id) => !deleted.has(id));
}

/** Reads and counts for `user`; `inspects`: the dwellings due are counted too. */
export async function loadHomeCounts(user: { id: string; roles: readonly Role[] }, inspects: boolean): Promise<HomeCounts> {
  const db = deviceDb();
  const countsVacancy = user.roles.includes('intake') || user.roles.includes('admin');
  const [openTasks, households, vacant, allocations, dwellingIds, completed, settings] = await Promise.all([
    repo<Task>('task').listBy('status', 'open'),
    repo<Partial<Household>>('household').list(),
    countsVacancy ? repo<Dwelling>('dwelling').list((d) => d.vacant) : Promise.resolve(undefined),
    countsVacancy || inspects ? repo<Allocation>('allocation').list() : Promise.resolve([]),
    inspects ? dwellingIdsOnDevice(db) : Promise.resolve([]),
    inspects ? (db.records.orderBy('due').keys() as Promise<unknown[]> as Promise<DueKey[]>) : Promise.resolve([]),
    inspects ? loadSettings() : Promise.resolve(undefined),
  ]);
  const now = new Date();
  const today = norwegianDate(now);
  const attention = attentionItems({
    user,
    tasks: openTasks.map((r) => r.data),
    households: households.map((r) => r.data),
    dwellings: vacant?.map((r) => ({ ...r.data, id: r.id, changedAt: r.updatedAt })),
    allocations: countsVacancy ? allocations.map((r) => r.data) : undefined,
    today,
    now,
  });
  const due = inspects
    ? inspectionsDue(
        dwellingIds,
        completed.map(summaryOfKey),
        today,
        allocations.map((a) => a.data),
        openTasks.map((t) => actionFacts(t.data)),
        intervalsFrom(settings),
      )
    : [];
  return { attention, due };
}
