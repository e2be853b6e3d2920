/** What GET /api/health checks: the database can be read (the engine's own checks), and the data folder has room to write. */
import { statfsSync } from 'node:fs';
import type { Store } from './store/store';

/** Below this much free space in the data folder (EGNET_MIN_FREE_MB, default 100) health answers 503. */
export const DEFAULT_MIN_FREE_BYTES = 100 * 1024 * 1024;

/** The outcome: ok, or the first thing that stops the server from serving. */
export type Health = { ok: true; freeBytes: number | null } | { ok: false; problem: 'database' | 'disk'; freeBytes: number | null };

/** Checks the data folder's free space and asks the store whether the database can be read. */
export async function checkHealth(store: Store, dataDir: string, minFreeBytes = DEFAULT_MIN_FREE_BYTES): Promise<Health> {
  let freeBytes: number | null = null;
  try {
    const fs = statfsSync(dataDir);
    freeBytes = fs.bavail * fs.bsize;
  } catch {
    return { ok: false, problem: 'disk', freeBytes };
  }
  if (!(await store.healthy())) return { ok: false, problem: 'database', freeBytes };
  if (freeBytes < minFreeBytes) return { ok: false, problem: 'disk', freeBytes };
  return { ok: true, freeBytes };
}
