// Removing and restoring tasks and allocations against the sync policy, in-process on a real SQLite file: who may
// remove what, that a removed record refuses later edits, and that undo (the same data as a new record) is accepted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpResult } from '../../../src/core/sync/protocol';
import { startSyncApp, type SyncApp } from './sync-app';

let app: SyncApp;
beforeEach(async () => {
  app = await startSyncApp();
});
afterEach(() => app.close());

const uuid = () => crypto.randomUUID();
const CLIENT = '0c0c0c0c-0000-4000-8000-00000000000c';

async function push(as: string, ops: unknown[]): Promise<OpResult[]> {
  const res = await app.request('/api/sync/push', { method: 'POST', as, json: { clientId: CLIENT, ops } });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { results: OpResult[] }).results;
}

const task = { title: 'Bestille tolk', ownerUnit: 'nav', householdId: null, dueDate: '2030-01-15', status: 'open', doneAt: null, sourceVisitId: null };
const allocationOf = (dwellingId: string) => ({
  dwellingId,
  householdId: null,
  date: '2019-05-02',
  householdHasChildren: true,
  childrenCount: 2,
  leaseType: 'openEnded',
  leaseYears: null,
});
const live = (entity: string, id: string) =>
  (app.db.prepare('SELECT deleted FROM records WHERE entity = ? AND id = ?').get(entity, id) as { deleted: 0 | 1 } | undefined)?.deleted === 0;

describe('removing with undo', () => {
  it('a counsellor removes a task; a later edit is refused; the same data comes back as a new record', async () => {
    const id = uuid();
    expect((await push('boveileder', [{ opId: uuid(), entity: 'task', id, baseRev: 0, set: task }]))[0]!.status).toBe('applied');
    // Nobody else removes it: the intake team (whose unit owns it) may only mark it done, an inspector not even that.
    for (const who of ['inntak', 'inspektor']) {
      const [r] = await push(who, [{ opId: uuid(), entity: 'task', id, baseRev: 1, delete: true }]);
      expect([who, r!.status, r!.error?.code]).toEqual([who, 'rejected', 'forbidden']);
      expect(live('task', id)).toBe(true);
    }
    expect((await push('boveileder', [{ opId: uuid(), entity: 'task', id, baseRev: 1, delete: true }]))[0]!.status).toBe('applied');
    expect(live('task', id)).toBe(false);
    const [edit] = await push('boveileder', [{ opId: uuid(), entity: 'task', id, baseRev: 1, set: { title: 'Bestille tolk til møtet' } }]);
    expect([edit!.status, edit!.error?.code]).toEqual(['rejected', 'deleted']);
    const copy = uuid();
    expect((await push('boveileder', [{ opId: uuid(), entity: 'task', id: copy, baseRev: 0, set: task }]))[0]!.status).toBe('applied');
    expect(live('task', copy)).toBe(true);
  });

  it('the intake team removes an allocation and it stops counting in GET /api/figures; undo counts it again', async () => {
    const dwellingId = uuid();
    const year = async () => {
      const res = await app.request('/api/figures', { as: 'inntak' });
      expect(res.status).toBe(200);
      return ((await res.json()) as { allocationsByYear: Record<string, { total: number; withChildren: number }> }).allocationsByYear['2019'];
    };
    const id = uuid();
    expect((await push('inntak', [{ opId: uuid(), entity: 'allocation', id, baseRev: 0, set: allocationOf(dwellingId) }]))[0]!.status).toBe('applied');
    expect(await year()).toMatchObject({ total: 1, withChildren: 1 });
    for (const who of ['boveileder', 'inspektor']) {
      const [r] = await push(who, [{ opId: uuid(), entity: 'allocation', id, baseRev: 1, delete: true }]);
      expect([who, r!.status, r!.error?.code]).toEqual([who, 'rejected', 'forbidden']);
    }
    expect((await push('inntak', [{ opId: uuid(), entity: 'allocation', id, baseRev: 1, delete: true }]))[0]!.status).toBe('applied');
    expect(await year()).toBeUndefined();
    expect((await push('inntak', [{ opId: uuid(), entity: 'allocation', id: uuid(), baseRev: 0, set: allocationOf(dwellingId) }]))[0]!.status).toBe('applied');
    expect(await year()).toMatchObject({ total: 1, withChildren: 1 });
  });
});
