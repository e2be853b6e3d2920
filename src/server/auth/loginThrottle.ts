/** Throttles guessing: after 10 failed log-ins for one username within 15 minutes, that username waits. */
import type { Db } from '../db';

/** Failed attempts allowed per username within the window. */
export const MAX_LOGIN_FAILURES = 10;
/** The window failures are counted in. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Seconds until this username may try again, or 0 when it may try now. */
export function loginRetryAfter(db: Db, username: string, now: Date): number {
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  const rows = db
    .prepare('SELECT at FROM login_failures WHERE username = ? AND at > ? ORDER BY at DESC LIMIT ?')
    .all(username, since, MAX_LOGIN_FAILURES) as { at: string }[];
  if (rows.length < MAX_LOGIN_FAILURES) return 0;
  // Free again once the oldest of the last ten failures leaves the window.
  const oldest = Date.parse(rows[rows.length - 1]!.at);
  return Math.max(1, Math.ceil((oldest + LOGIN_FAILURE_WINDOW_MS - now.getTime()) / 1000));
}

/** Records a failed attempt (unknown usernames too, so they behave like known ones) and drops expired records. */
export function recordLoginFailure(db: Db, username: string, now: Date): void {
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  db.transaction(() => {
    db.prepare('DELETE FROM login_failures WHERE at <= ?').run(since);
    db.prepare('INSERT INTO login_failures (username, at) VALUES (?, ?)').run(username, now.toISOString());
  })();
}

/** Forgets the failures of a username after it signed in. */
export function clearLoginFailures(db: Db, username: string): void {
  db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
}
