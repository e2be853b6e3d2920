// The store's watchdog and page-lifecycle guard: a transaction that does not finish is aborted and the store said to
// be stuck; a paused page holds no connection, and a write it starts then waits and lands once the page runs again.
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EgnetDb } from '../../../../src/app/store/db';
import { guardStore, onStoreHealth, storeHealth, TransactionWatch, type Clock } from '../../../../src/app/store/storeHealth';
import { withReopen } from '../../../../src/app/store/withReopen';
import { isSafariLike, mayEvictUnused } from '../../../../src/app/store/eviction';

/** A clock whose timers run only when told. */
function manualClock(): Clock & { runAll: () => void } {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    set: (fn) => (timers.set(++next, fn), next),
    clear: (t) => void timers.delete(t as number),
    runAll: () => {
      for (const [k, fn] of [...timers]) {
        timers.delete(k);
        fn();
      }
    },
  };
}

/** A transaction that finishes only when told. */
function fakeTx() {
  const target = new EventTarget();
  let aborted = 0;
  return Object.assign(target, {
    abort: () => {
      aborted++;
      target.dispatchEvent(new Event('abort'));
    },
    aborted: () => aborted,
    complete: () => target.dispatchEvent(new Event('complete')),
  });
}

describe('the transaction watchdog', () => {
  it('aborts a transaction that overran, reports the store stuck, and well again once one completes', () => {
    const clock = manualClock();
    let stuck = 0;
    const seen: string[] = [];
    const off = onStoreHealth((h) => seen.push(h));
    const watch = new TransactionWatch(() => stuck++, clock, 10);
    const hung = fakeTx();
    watch.watch(hung as unknown as IDBTransaction);
    clock.runAll();
    expect(hung.aborted()).toBe(1);
    expect(stuck).toBe(1);
    expect(storeHealth()).toBe('stuck');
    const next = fakeTx();
    watch.watch(next as unknown as IDBTransaction);
    next.complete();
    clock.runAll();
    expect(next.aborted()).toBe(0);
    expect(storeHealth()).toBe('ok');
    expect(seen).toEqual(['stuck', 'ok']);
    expect(watch.size).toBe(0);
    off();
  });

  it('leaves a transaction alone that finishes in time', () => {
    const clock = manualClock();
    let stuck = 0;
    const watch = new TransactionWatch(() => stuck++, clock, 10);
    const tx = fakeTx();
    watch.watch(tx as unknown as IDBTransaction);
    tx.complete();
    clock.runAll();
    expect(tx.aborted()).toBe(0);
    expect(stuck).toBe(0);
  });
});

describe('a page put into the back/forward cache', () => {
  it('closes the connection while paused; a write made then waits, and lands once the page is shown again', async () => {
    const db = new EgnetDb(`health-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
    const page = new EventTarget();
    guardStore(db, page as unknown as Window);
    await db.meta.put({ key: 'before', value: 1 });
    page.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
    expect(db.isOpen()).toBe(false);
    let landed = false;
    const write = withReopen(db, () => db.meta.put({ key: 'while-paused', value: 2 })).then(() => (landed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(landed).toBe(false);
    page.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await write;
    expect(await db.meta.get('while-paused')).toEqual({ key: 'while-paused', value: 2 });
    db.close();
  });

  it('does nothing on a page that is left for good (not persisted)', async () => {
    const db = new EgnetDb(`health-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
    const page = new EventTarget();
    guardStore(db, page as unknown as Window);
    await db.meta.put({ key: 'a', value: 1 });
    page.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: false }));
    expect(db.isOpen()).toBe(true);
    db.close();
  });
});

describe('the 7-day eviction warning', () => {
  const ua = {
    iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
    iphoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0 Mobile/15E148 Safari/604.1',
    macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
    chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    android: 'Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
    firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
  };

  it('applies to Safari and every browser on iPhone and iPad, not to Chrome, Android or Firefox', () => {
    expect(isSafariLike(ua.iphone)).toBe(true);
    expect(isSafariLike(ua.iphoneChrome)).toBe(true);
    expect(isSafariLike(ua.macSafari)).toBe(true);
    expect(isSafariLike(ua.chrome)).toBe(false);
    expect(isSafariLike(ua.android)).toBe(false);
    expect(isSafariLike(ua.firefox)).toBe(false);
  });

  it('is lifted when the app runs from the home screen', () => {
    expect(mayEvictUnused(ua.iphone, false)).toBe(true);
    expect(mayEvictUnused(ua.iphone, true)).toBe(false);
  });
});
