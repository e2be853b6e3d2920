/** Sync endpoints (push, pull, blobs) — see docs/sync-protocol in shared docs; filled in by the sync engine. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../env';

/** The sync routes, mounted under /api. */
export function syncRoutes(_deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
