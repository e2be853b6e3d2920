// The storage port on its SQLite adapter: transactions never see another request's statements, a call on the store
// from inside a transaction fails instead of waiting for ever, and the privacy rules' look-ups come in one query per
// pull page or push batch, not one per record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../src/core/demo/users';
import type { Store, StoreTx } from '../../../src/server/store/store';
import { openSqliteStore, type SqliteStore } from '../../../src/server/store/sqlite/sqliteStore';
import { applyPush } from '../../../src/server/sync/applyPush';
import { readChanges } from '../../../src/server/sync/readChanges';

const dir = mkdtempSync(join(tmpdir(), 'egnet-store-'));
let store: SqliteStore;
const counsellor = DEMO_USERS.find((u) => u.roles.includes('counsellor'))!;
const other = DEMO_USERS.find((u) => u.id !== counsellor.id && u.roles.includes('counsellor')) ?? { id: '00000000-0000-4000-8000-0000000000ff' };
const now = new Date('2026-12-05T10:00:00.000Z');
const at = now.toISOString();

beforeAll(() => {
  store = openSqliteStore(join(dir, 'egnet.sqlite'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store with every call counted, also the calls on the tx of its transactions. */
function counting(target: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrap = <T extends object>(inner: T): T =>
    new Proxy(inner, {
      get(t, name, receiver) {
        const value = Reflect.get(t, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (name === 'transaction') return (work: (tx: StoreTx) => Promise<unknown>) => target.transaction((tx) => work(wrap(tx)));
        return (...args: unknown[]) => {
          calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  return { store: wrap(target), calls };
}

describe('SQLite store', () => {
  it('runs a call made while a transaction is open after that transaction, never inside it', async () => {
    const id = crypto.randomUUID();
    // Another request, which asks as soon as the transaction below has written.
    let ask!: () => void;
    const reading = new Promise<void>((go) => (ask = go)).then(() => store.findRecords([{ entity: 'dwelling', id }]));
    const written = store.transaction(async (tx) => {
      await tx.writeRecord({ entity: 'dwelling', id, rev: 1, dataJson: '{}', deleted: false, at, userId: counsellor.id, opId: null });
      ask();
      for (let i = 0; i < 5; i++) await tx.newestChange();
      throw new Error('rolled back');
    });
    await expect(written).rejects.toThrow('rolled back');
    // It waited for the rollback: it neither saw the uncommitted row nor ran inside the transaction.
    expect(await reading).toEqual([]);
    expect(store.db.inTransaction).toBe(false);
  });

  it('refuses a call on the store from inside its own transaction instead of waiting for ever', async () => {
    await expect(store.transaction(() => store.newestChange())).rejects.toThrow(/inside a transaction.*use the transaction's tx/);
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/Store\.transaction called inside a transaction/);
    expect(await store.newestChange()).toBeGreaterThanOrEqual(0);
  });

  it('loads the households a pull page and a push batch link to in one query, not one per record', async () => {
    // 20 households, half of them the counsellor's.
    const households = Array.from({ length: 20 }, (_, i) => ({ id: crypto.randomUUID(), mine: i % 2 === 0 }));
    await store.transaction(async (tx) => {
      for (const h of households) {
        const data = { counsellorIds: [h.mine ? counsellor.id : other.id] };
        await tx.writeRecord({ entity: 'household', id: h.id, rev: 1, dataJson: JSON.stringify(data), deleted: false, at, userId: counsellor.id, opId: null });
      }
    });
    const pushed = counting(store);
    const ops = households.map((h) => ({
      opId: crypto.randomUUID(),
      entity: 'visit',
      id: crypto.randomUUID(),
      baseRev: 0,
      set: { householdId: h.id, date: '2026-12-01', counsellorId: counsellor.id },
    }));
    const results = await applyPush(pushed.store, counsellor, { clientId: crypto.randomUUID(), ops }, now);
    // A visit to someone else's household is refused; the counsellor's own are written.
    expect(results.map((r) => r.status)).toEqual(households.map((h) => (h.mine ? 'applied' : 'rejected')));
    // The batch's records, then the households they link to: two look-ups for 20 ops.
    expect(pushed.calls.get('findRecords')).toBe(2);

    const pulled = counting(store);
    const page = await readChanges(pulled.store, counsellor, 0, 500, now);
    const visits = page.changes.filter((c) => c.entity === 'visit');
    expect(visits.filter((c) => !c.deleted)).toHaveLength(10);
    expect(page.changes.filter((c) => c.entity === 'household' && !c.deleted)).toHaveLength(10);
    expect(pulled.calls.get('findRecords')).toBe(1);
  });
});
