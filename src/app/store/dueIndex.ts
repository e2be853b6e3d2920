/**
 * The `due` key beside each completed dwelling checklist on the device (schema version 3): its dwelling, template,
 * completion time and whether it shows a red risk or a TG3 finding, as one index key. Counting which dwellings are due
 * reads these keys from the index instead of every checklist with its answers. A Dexie middleware sets the key on
 * every write of a record — a local change, a record from the server, a rollback — so it is never stale.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { checklistSummary, type ChecklistFacts, type ChecklistSummary } from '../../core/planning/nextInspection';
import type { StoredRecord } from './db';

/** The index key: [dwellingId, templateId, completedAt, red risk 0/1, TG3 0/1]. */
export type DueKey = [string, string, string, 0 | 1, 0 | 1];

/** The key a record should carry, or undefined (not a checklist, deleted, or not counting for a dwelling). */
export function dueKeyOf(r: Pick<StoredRecord, 'entity' | 'data' | 'deleted'>): DueKey | undefined {
  if (r.entity !== 'inspection' || r.deleted || !r.data) return undefined;
  const s = checklistSummary(r.data as ChecklistFacts);
  return s ? [s.dwellingId, s.templateId, s.completedAt, s.redRisk ? 1 : 0, s.tg3 ? 1 : 0] : undefined;
}

/** The summary back from a key read out of the index. */
export function summaryOfKey(k: DueKey): ChecklistSummary {
  return { dwellingId: k[0], templateId: k[1], completedAt: k[2], redRisk: k[3] === 1, tg3: k[4] === 1 };
}

/** The record as it should be stored: with its due key, or without one. */
export function withDueKey<T extends Pick<StoredRecord, 'entity' | 'data' | 'deleted'> & { due?: DueKey }>(r: T): T {
  if (r.entity !== 'inspection') return r;
  const key = dueKeyOf(r);
  if (key) return { ...r, due: key };
  if (!('due' in r)) return r;
  const rest = { ...r };
  delete rest.due;
  return rest;
}

/** The middleware: every add or put into `records` goes down with its due key set or removed. */
export const dueIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dueIndex',
  create(down) {
    return {
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (name !== 'records') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put') {
              return table.mutate({ ...req, values: req.values.map((v) => withDueKey(v as StoredRecord)) } as typeof req);
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
