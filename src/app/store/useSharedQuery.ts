/**
 * A live read of the device database shared by every screen that names it with the same key, and kept a moment after
 * the last one leaves. Home's summary of Mine befaringer and the Mine befaringer screen read the same lists: the person
 * taps from one to the other, and the second screen draws at once from the read the first started (or joins it while it
 * runs) instead of reading everything again beside it.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { addLogoutCleanup } from '../logout';
import { whenActive } from './storeHealth';
import { isConnectionLost } from './withReopen';

/** How long a read stays live after the last screen using it left: a move between two screens, not a stay elsewhere. */
export const SHARED_KEEP_MS = 1_000;
/** How long to wait before reading again after the connection was lost. */
const RETRY_MS = 1_000;

type Entry = {
  query: () => Promise<unknown>;
  sub?: Subscription;
  /** The last value, and whether there is one (a query may answer undefined). */
  value?: unknown;
  has: boolean;
  listeners: Set<(value: unknown) => void>;
  stopTimer?: ReturnType<typeof setTimeout>;
  retryTimer?: ReturnType<typeof setTimeout>;
};

const entries = new Map<string, Entry>();

function subscribe(key: string, entry: Entry): void {
  entry.sub = liveQuery(entry.query).subscribe({
    next: (value) => {
      entry.value = value;
      entry.has = true;
      for (const l of entry.listeners) l(value);
    },
    error: (err: unknown) => {
      if (!isConnectionLost(err)) return console.error('sharedQuery', err);
      // Keep the last value and read again once the page runs and the database can be opened.
      void whenActive().then(() => {
        entry.retryTimer = setTimeout(() => {
          if (entries.get(key) !== entry) return;
          entry.sub?.unsubscribe();
          subscribe(key, entry);
        }, RETRY_MS);
      });
    },
  });
}

function end(key: string, entry: Entry): void {
  clearTimeout(entry.stopTimer);
  clearTimeout(entry.retryTimer);
  entry.sub?.unsubscribe();
  if (entries.get(key) === entry) entries.delete(key);
}

/**
 * Listens to the read named `key` (starting `query` when no one else runs it); `listener` hears every value after the
 * current one. Returns the current value (if any) and the function that leaves.
 */
export function joinShared<T>(key: string, query: () => Promise<T>, listener: (value: T) => void): { current: { value: T } | undefined; leave: () => void } {
  let entry = entries.get(key);
  if (!entry) {
    entry = { query, has: false, listeners: new Set() };
    entries.set(key, entry);
    subscribe(key, entry);
  }
  const joined = entry;
  clearTimeout(joined.stopTimer);
  const l = listener as (value: unknown) => void;
  joined.listeners.add(l);
  return {
    current: joined.has ? { value: joined.value as T } : undefined,
    leave: () => {
      joined.listeners.delete(l);
      if (joined.listeners.size === 0) joined.stopTimer = setTimeout(() => end(key, joined), SHARED_KEEP_MS);
    },
  };
}

/** Ends every shared read at once and forgets its value (log-out: the next person must not see them). */
export function resetSharedQueries(): void {
  for (const [key, entry] of [...entries]) end(key, entry);
}

addLogoutCleanup(resetSharedQueries);

/**
 * The live value of the shared read `key` (undefined until its first result, or while `key` is null). The key names
 * everything the query depends on: two screens giving the same key must mean the same read.
 */
export function useSharedQuery<T>(key: string | null, query: () => Promise<T>): T | undefined {
  const [state, setState] = useState<{ key: string | null; value: T | undefined }>(() => ({ key, value: key ? peek<T>(key) : undefined }));
  useEffect(() => {
    if (!key) return;
    const { current, leave } = joinShared(key, query, (value) => setState({ key, value }));
    // A read that ended between this screen's first draw and now starts again: what was drawn stays until it answers.
    if (current) setState((s) => (s.key === key && s.value === current.value ? s : { key, value: current.value }));
    else setState((s) => (s.key === key ? s : { key, value: undefined }));
    return leave;
  }, [key]);
  return state.key === key ? state.value : undefined;
}

/** The value the read `key` holds now, if it runs. */
function peek<T>(key: string): T | undefined {
  const entry = entries.get(key);
  return entry?.has ? (entry.value as T) : undefined;
}
