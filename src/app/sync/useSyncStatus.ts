/** The sync status as screens show it, live from the device database. */
import { useEffect, useState } from 'preact/hooks';
import type { EgnetDb } from '../store/db';
import { deviceDb } from '../store/deviceDb';
import { onStoreHealth, storeHealth } from '../store/storeHealth';
import { useQueryResult } from '../store/useQuery';
import { readMeta, type SyncError } from './meta';

/** Pending ops, the oldest one's time, records needing review, ops that could not be saved, last sync and error. */
export type SyncStatusData = {
  pending: number;
  oldestPendingAt?: string;
  conflicts: number;
  rejected: number;
  lastSync?: string;
  lastError?: SyncError;
};

/** Reads the status once (the export and the log-out guard use it too). */
export async function readSyncStatus(db: EgnetDb = deviceDb()): Promise<SyncStatusData> {
  const [pending, oldest, conflicts, rejected, meta] = await Promise.all([
    db.outbox.count(),
    db.outbox.orderBy('seq').first(),
    db.conflicts.count(),
    db.rejected.count(),
    readMeta(db),
  ]);
  return {
    pending,
    ...(oldest ? { oldestPendingAt: oldest.createdAt } : {}),
    conflicts,
    rejected,
    ...(meta.lastSync ? { lastSync: meta.lastSync } : {}),
    ...(meta.lastError ? { lastError: meta.lastError } : {}),
  };
}

/**
 * The live status: undefined while loading, and `unknown` when the outbox could not be read or the device's store does
 * not answer (see storeHealth.ts), so the header never says "all synced" from a value it could not read.
 */
export function useSyncStatus(): SyncStatusData | 'unknown' | undefined {
  const { value, failed } = useQueryResult(() => readSyncStatus(), []);
  const [health, setHealth] = useState(storeHealth);
  useEffect(() => onStoreHealth(setHealth), []);
  if (failed || health === 'stuck') return 'unknown';
  return value;
}

/** The current time, updated every `ms` (ages such as "oldest 5 min" stay true without a database change). */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
