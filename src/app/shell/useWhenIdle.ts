/** A screen's secondary reads start a moment after its first draw, once the browser is idle (or after a second at most). */
import { useEffect, useState } from 'preact/hooks';

/**
 * False until `delayMs` after the first render and the browser is then idle, true from then on. A screen that reads the
 * whole stock for a summary starts those reads only then, so what the person asked for comes first, and a person who
 * moves on at once leaves nothing behind to compete with the next screen's reads. While `enabled` is false the wait
 * does not run; it starts afresh when `enabled` turns true.
 */
export function useWhenIdle(delayMs: number, enabled = true): boolean {
  const [due, setDue] = useState(false);
  useEffect(() => {
    if (due || !enabled) return;
    let idle = 0;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'undefined') setDue(true);
      else idle = requestIdleCallback(() => setDue(true), { timeout: 1000 });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      if (idle && typeof cancelIdleCallback !== 'undefined') cancelIdleCallback(idle);
    };
  }, [due, delayMs, enabled]);
  return due;
}
