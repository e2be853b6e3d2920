/** Tells the sync engine that something was saved on this device, so it can push about 2 s later. */

const listeners = new Set<() => void>();

/** Subscribes to local changes; returns the unsubscribe function. */
export function onLocalChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

/** Called by the store after every committed local change. */
export function notifyLocalChange(): void {
  for (const l of listeners) l();
}
