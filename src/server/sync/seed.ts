/** Loads the demo records (src/core/demo) into an empty database as server records. */
import type { Db } from '../db';

/** Inserts the demo records; returns how many were written. */
export function seedDemoRecords(_db: Db, _now: Date): number {
  return 0;
}
