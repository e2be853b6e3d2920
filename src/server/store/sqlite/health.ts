/** SQLite's part of GET /api/health and of the start: the database file can be opened and read, and is not damaged. */
import Database from 'better-sqlite3';
import { openSync, readSync } from 'node:fs';
import type { Db } from './database';

/**
 * One descriptor per database, opened once and never closed while the server runs: closing any descriptor of the file
 * would drop this process's POSIX locks on it (they belong to the process and file, not to the descriptor), and another
 * process — a restore, a second server — could then take the database from under the server.
 */
const headerFds = new WeakMap<Db, number>();
function headerFd(db: Db): number {
  let fd = headerFds.get(db);
  if (fd === undefined) headerFds.set(db, (fd = openSync(db.name, 'r')));
  return fd;
}

/**
 * Reads the database through the server's own connection, the file's header and a fresh read-only connection (which,
 * unlike the open connection, notices a file that was removed or replaced). False when any of them fails.
 */
export function checkHealth(db: Db): boolean {
  try {
    db.prepare('SELECT COUNT(*) FROM schema_migrations').get();
    if (!db.memory) {
      // The file's own header (recent pages may be served from the WAL, so a query alone would not notice it overwritten).
      const header = Buffer.alloc(16);
      readSync(headerFd(db), header, 0, 16, 0);
      if (header.toString('latin1') !== 'SQLite format 3\0') throw new Error('not a SQLite file');
      const probe = new Database(db.name, { readonly: true, fileMustExist: true });
      try {
        probe.prepare('SELECT COUNT(*) FROM schema_migrations').get();
      } finally {
        probe.close();
      }
    }
    return true;
  } catch {
    return false;
  }
}

/** PRAGMA quick_check on start: a damaged database file stops the start instead of serving wrong answers. */
export function quickCheck(db: Db): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') {
    throw new Error(
      `Databasefilen er skadet (PRAGMA quick_check: ${String(result)}); gjenopprett en sikkerhetskopi med \`npm run restore\`` +
        ` / The database file is damaged (PRAGMA quick_check: ${String(result)}); restore a backup with \`npm run restore\``,
    );
  }
}
