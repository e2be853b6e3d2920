/** Runs a database write, reopening the connection and trying once more when the browser dropped it (Safari does). */
import type Dexie from 'dexie';
import { NotSavedError, reportNotSaved } from './notSaved';
import { whenActive } from './storeHealth';

/**
 * True for the errors of a lost IndexedDB connection (Dexie's DatabaseClosedError, Safari's "server lost"), and for a
 * transaction aborted by the store's watchdog or by the page being paused (see storeHealth.ts).
 */
export function isConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'DatabaseClosedError' ||
    err.name === 'AbortError' ||
    /Connection to Indexed Database server lost|database connection is closing|The database connection is closed/i.test(
      err.message,
    ) ||
    (err.name === 'InvalidStateError' && /clos/i.test(err.message))
  );
}

/**
 * Runs `write`; when the connection was lost, reopens the database (once the page runs, if it is paused) and runs it
 * once more. A write that still fails
 * is reported (see onNotSaved) and thrown as NotSavedError, so the screen can show "not saved" instead of nothing.
 */
export async function withReopen<T>(db: Dexie, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (first) {
    if (!isConnectionLost(first)) throw fail(first);
    try {
      await whenActive();
      db.close({ disableAutoOpen: false });
      await db.open();
      return await write();
    } catch (second) {
      throw fail(second);
    }
  }
}

/** Errors that already explain themselves to the person (they carry `text`) pass through unchanged. */
function fail(err: unknown): Error {
  if (err instanceof Error && 'text' in err && !(err instanceof NotSavedError)) return err;
  const e = err instanceof NotSavedError ? err : new NotSavedError(err);
  reportNotSaved(e);
  return e;
}
