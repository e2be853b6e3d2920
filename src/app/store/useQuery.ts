/** Preact hook over Dexie's liveQuery: screens read the device database directly and re-render on every change. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { whenActive } from './storeHealth';
import { isConnectionLost } from './withReopen';

/** How long to wait before reading again after the connection was lost. */
const RETRY_MS = 1_000;

/** The last value of a live query, and whether its last run failed (the value may then be out of date). */
export type QueryResult<T> = { value: T | undefined; failed: boolean };

/**
 * Runs `query` now and again whenever the tables it read change (in this tab or another); `deps` re-subscribe like
 * useEffect's. A run that fails keeps the last value and sets `failed`; when the connection was lost (the watchdog,
 * a paused page, Safari dropping it) the query subscribes again once the page runs, so screens never stop updating.
 */
export function useQueryResult<T>(query: () => Promise<T> | T, deps: readonly unknown[]): QueryResult<T> {
  const [result, setResult] = useState<QueryResult<T>>({ value: undefined, failed: false });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    const sub = liveQuery(query).subscribe({
      next: (v) => setResult({ value: v, failed: false }),
      error: (err: unknown) => {
        setResult((r) => ({ value: r.value, failed: true }));
        if (!isConnectionLost(err)) return console.error('useQuery', err);
        void whenActive().then(() => setTimeout(() => live && setRound((n) => n + 1), RETRY_MS));
      },
    });
    return () => {
      live = false;
      sub.unsubscribe();
    };
  }, [...deps, round]);
  return result;
}

/** The live value of `query` (see useQueryResult); undefined until the first result. */
export function useQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  return useQueryResult(query, deps).value;
}
