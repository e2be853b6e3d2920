// A shared live read runs once for every screen that names it, hands its value to a screen that joins later at once,
// follows writes, and ends a moment after the last screen left (or at once at log-out).
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EgnetDb } from '../../../../src/app/store/db';
import { repo } from '../../../../src/app/store/repo';
import { SHARED_KEEP_MS, joinShared, resetSharedQueries } from '../../../../src/app/store/useSharedQuery';

const opened: EgnetDb[] = [];
afterEach(() => {
  resetSharedQueries();
  vi.useRealTimers();
  for (const db of opened.splice(0)) db.close();
});

/** A database with one dwelling, and a read of its addresses that counts its runs. */
async function setup() {
  const db = new EgnetDb(`shared-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
  opened.push(db);
  const dwellings = repo<{ address: string }>('dwelling', db);
  await dwellings.create({ address: 'Gata 1' });
  const runs = { n: 0 };
  const query = async () => {
    runs.n++;
    return (await dwellings.list()).map((d) => d.data.address).sort();
  };
  return { dwellings, runs, query };
}

/** Resolves with the next value a listener list receives. */
function nextValue<T>(): { listener: (v: T) => void; next: () => Promise<T> } {
  let waiting: ((v: T) => void) | undefined;
  const queue: T[] = [];
  return {
    listener: (v) => (waiting ? (waiting(v), (waiting = undefined)) : queue.push(v)),
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<T>((r) => (waiting = r))),
  };
}

describe('shared live reads', () => {
  it('runs once for two screens; the one that joins later has the value at once; both follow a write', async () => {
    const { dwellings, runs, query } = await setup();
    const first = nextValue<string[]>();
    const a = joinShared('k', query, first.listener);
    expect(a.current).toBeUndefined();
    expect(await first.next()).toEqual(['Gata 1']);
    const second = nextValue<string[]>();
    const b = joinShared('k', query, second.listener);
    expect(b.current).toEqual({ value: ['Gata 1'] });
    expect(runs.n).toBe(1);
    await dwellings.create({ address: 'Gata 2' });
    expect(await first.next()).toEqual(['Gata 1', 'Gata 2']);
    expect(await second.next()).toEqual(['Gata 1', 'Gata 2']);
    expect(runs.n).toBe(2);
    a.leave();
    b.leave();
  });

  it('keeps the read for a moment after the last screen left, then ends it and forgets its value', async () => {
    const { runs, query } = await setup();
    const first = nextValue<string[]>();
    const a = joinShared('k', query, first.listener);
    await first.next();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    a.leave();
    vi.advanceTimersByTime(SHARED_KEEP_MS - 1);
    const b = joinShared('k', query, () => {});
    expect(b.current).toEqual({ value: ['Gata 1'] });
    b.leave();
    vi.advanceTimersByTime(SHARED_KEEP_MS);
    vi.useRealTimers();
    const again = nextValue<string[]>();
    const c = joinShared('k', query, again.listener);
    expect(c.current, 'ended, so nothing is held').toBeUndefined();
    expect(await again.next()).toEqual(['Gata 1']);
    expect(runs.n, 'read afresh').toBe(2);
    c.leave();
  });

  it('forgets every value at log-out, even of a read still in use', async () => {
    const { query } = await setup();
    const first = nextValue<string[]>();
    joinShared('k', query, first.listener);
    await first.next();
    resetSharedQueries();
    expect(joinShared('k', query, () => {}).current).toBeUndefined();
  });

  it('keeps reads with different keys apart', async () => {
    const { query } = await setup();
    const first = nextValue<string[]>();
    joinShared('a', query, first.listener);
    await first.next();
    expect(joinShared('b', async () => ['other'], () => {}).current).toBeUndefined();
  });
});
