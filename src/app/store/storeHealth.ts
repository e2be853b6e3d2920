/**
 * Keeps the device database from hanging, and says so when it does (docs/decisions/008-a-store-that-never-hangs.md):
 *
 * - Every IndexedDB transaction the app starts is watched. One that has not finished after STUCK_MS is taken as a
 *   broken connection: it is aborted, the connection is closed and reopened, and the store is "stuck" until a
 *   transaction finishes again. Writes go through withReopen, which then tries once more.
 * - A page put into the back/forward cache or frozen (`pagehide` with `persisted`, `freeze`) aborts what it still has
 *   running and closes its connection, so a paused page never holds locks that every later page would wait on
 *   (WebKit keeps such a page's transactions open). The connection reopens on `pageshow` / `resume`, and writes
 *   aborted this way are tried again then.
 */
import type Dexie from 'dexie';

/** How long a transaction may run before the connection is taken as broken. */
export const STUCK_MS = 6_000;

/** `ok`: transactions finish; `stuck`: one did not finish in time and the store has not answered since. */
export type StoreHealth = 'ok' | 'stuck';

const listeners = new Set<(h: StoreHealth) => void>();
let health: StoreHealth = 'ok';

/** The store's health now. */
export function storeHealth(): StoreHealth {
  return health;
}

/** Subscribes to changes of the store's health; returns the unsubscribe function. */
export function onStoreHealth(fn: (h: StoreHealth) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

function setHealth(h: StoreHealth): void {
  if (h === health) return;
  health = h;
  for (const l of listeners) l(h);
}

let paused = false;
let resumed: { promise: Promise<void>; resolve: () => void } | null = null;

/** Resolves at once while the page runs, or when a paused page (back/forward cache, frozen) runs again. */
export function whenActive(): Promise<void> {
  return paused && resumed ? resumed.promise : Promise.resolve();
}

function setPaused(p: boolean): void {
  if (p === paused) return;
  paused = p;
  if (p) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    resumed = { promise, resolve };
  } else {
    resumed?.resolve();
    resumed = null;
  }
}

/** What a watched transaction looks like: an event target that can be aborted (an IDBTransaction in the browser). */
export type Watchable = Pick<IDBTransaction, 'addEventListener' | 'abort'>;

/** Timers, injectable for tests. */
export type Clock = { set: (fn: () => void, ms: number) => unknown; clear: (t: unknown) => void };
const realClock: Clock = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

/** The transactions of one connection still running, with what to do when one overruns or the page is paused. */
export class TransactionWatch {
  private readonly live = new Set<Watchable>();

  constructor(
    private readonly onStuck: () => void,
    private readonly clock: Clock = realClock,
    private readonly limitMs = STUCK_MS,
  ) {}

  /** Starts watching `tx`: it is forgotten when it completes or aborts; past the limit it is aborted and reported. */
  watch(tx: Watchable): void {
    this.live.add(tx);
    const timer = this.clock.set(() => {
      if (!this.live.delete(tx)) return;
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: the connection is still treated as broken, since it did not say so in time.
      }
      setHealth('stuck');
      this.onStuck();
    }, this.limitMs);
    const done = (ok: boolean) => () => {
      this.clock.clear(timer);
      if (this.live.delete(tx) && ok) setHealth('ok');
    };
    tx.addEventListener('complete', done(true));
    tx.addEventListener('abort', done(false));
  }

  /** How many transactions are running. */
  get size(): number {
    return this.live.size;
  }

  /** Aborts every running transaction (the page is being paused). */
  abortAll(): void {
    for (const tx of [...this.live]) {
      this.live.delete(tx);
      try {
        tx.abort();
      } catch {
        // It finished meanwhile.
      }
    }
  }
}

/**
 * Installs the watch on `db` (a Dexie DBCore middleware, so every transaction of every table is seen) and the page
 * lifecycle handlers when there is a window. Returns the watch.
 */
export function guardStore(db: Dexie, target: Pick<Window, 'addEventListener'> | null = typeof window === 'undefined' ? null : window): TransactionWatch {
  const reopen = () => {
    db.close({ disableAutoOpen: false });
    void db.open().catch(() => undefined);
  };
  const watch = new TransactionWatch(reopen);
  db.use({
    stack: 'dbcore',
    name: 'watchdog',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const tx = down.transaction(stores, mode, options);
        watch.watch(tx as unknown as IDBTransaction);
        return tx;
      },
    }),
  });
  if (target) {
    // Closed without reopening on use: a write the page starts while it is hidden (saving typing) waits in withReopen
    // for the page to run again instead of opening a connection that would be paused with the page.
    const pause = () => {
      setPaused(true);
      watch.abortAll();
      db.close({ disableAutoOpen: true });
    };
    const resume = () => {
      if (!paused) return;
      void db.open().catch(() => undefined);
      setPaused(false);
    };
    target.addEventListener('pagehide', (e) => (e as PageTransitionEvent).persisted && pause());
    target.addEventListener('pageshow', (e) => (e as PageTransitionEvent).persisted && resume());
    if (typeof document !== 'undefined') {
      document.addEventListener('freeze', pause);
      document.addEventListener('resume', resume);
    }
  }
  return watch;
}
