/** The app's one database connection, opened on first use, with its watchdog and page-lifecycle guard. */
import { EgnetDb } from './db';
import { guardStore } from './storeHealth';

let current: EgnetDb | null = null;

/** The `egnet` database of this browser profile. */
export function deviceDb(): EgnetDb {
  if (!current) {
    current = new EgnetDb();
    guardStore(current);
  }
  return current;
}
