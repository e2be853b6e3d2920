/** The app's one database connection, opened on first use. */
import { EgnetDb } from './db';

let current: EgnetDb | null = null;

/** The `egnet` database of this browser profile. */
export function deviceDb(): EgnetDb {
  current ??= new EgnetDb();
  return current;
}
