/**
 * Loads the code of the screens a person may open, a moment after the first screen has drawn and one screen at a time
 * while the browser is idle: the first tap on each screen then draws from the device's data at once instead of first
 * fetching and compiling the screen (about a third of a first open). The files come from the service worker's cache,
 * so this works offline and costs no network. Without a service worker in control nothing is loaded ahead: a load that
 * failed now would be remembered by the screen and fail its first open too.
 */
import { useEffect } from 'preact/hooks';
import type { Role } from '../../core/entities';
import { ROUTES, mayOpen } from '../routes';

/** How long after the first draw the loading starts (the screen's own reads come first). */
const START_MS = 1_500;

/** Whatever can load a screen's code ahead of its first use (preact-iso's `lazy` components). */
type Preloadable = { preload?: () => Promise<unknown> };

/** Starts loading the screens `roles` may open; stops when the frame goes away (log-out). */
export function usePreloadScreens(roles: readonly Role[]): void {
  const key = roles.join(',');
  useEffect(() => {
    const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!sw) return;
    const pending = ROUTES.filter((r) => mayOpen(r, roles)).map((r) => r.component as Preloadable);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = (fn: () => void) => (typeof requestIdleCallback === 'undefined' ? setTimeout(fn, 50) : requestIdleCallback(fn, { timeout: 2_000 }));
    const next = () => {
      if (stopped) return;
      const screen = pending.shift();
      if (!screen) return;
      // A screen that fails to load does not stop the others; opening it shows the usual load error.
      void (screen.preload?.() ?? Promise.resolve()).catch(() => undefined).then(() => idle(next));
    };
    const begin = () => {
      if (timer === undefined && sw.controller) timer = setTimeout(() => idle(next), START_MS);
    };
    // On the first visit the service worker takes control a moment after the page opened.
    sw.addEventListener('controllerchange', begin);
    begin();
    return () => {
      stopped = true;
      clearTimeout(timer);
      sw.removeEventListener('controllerchange', begin);
    };
  }, [key]);
}
