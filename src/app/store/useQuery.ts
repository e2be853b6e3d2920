/** Preact hook over Dexie's liveQuery: screens read the device database directly and re-render on every change. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Runs `query` now and again whenever the tables it read change (in this tab or another). Returns undefined until
 * the first result; `deps` re-subscribe like useEffect's. A failing query logs and leaves the last value in place.
 */
export function useQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (err: unknown) => console.error('useQuery', err),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
