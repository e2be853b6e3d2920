/**
 * Throttles password guessing without letting anyone lock someone else out. Failures are counted per username and
 * client address: ten within 15 minutes make that address wait for that username, and nobody else. On top, a slower,
 * higher limit per username counts failures from every address: a hundred within 15 minutes make every address wait,
 * except those the person signed in from in the last 30 days, so the person's own devices keep working while a name is
 * hammered from elsewhere. Unknown usernames are counted the same way, so the answers do not tell which exist.
 */
import type { Db } from '../db';

/** Failed attempts allowed per username and address within the window. */
export const MAX_LOGIN_FAILURES = 10;
/** Failed attempts allowed per username from all addresses together within the window. */
export const MAX_USERNAME_FAILURES = 100;
/** The window failures are counted in. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** How long an address a person signed in from is spared the per-username limit. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

/** Seconds until the oldest of `rows` (newest first, `limit` of them) leaves the window, or 0 when under the limit. */
function waitFor(rows: { at: string }[], limit: number, now: Date): number {
  if (rows.length < limit) return 0;
  const oldest = Date.parse(rows[rows.length - 1]!.at);
  return Math.max(1, Math.ceil((oldest + LOGIN_FAILURE_WINDOW_MS - now.getTime()) / 1000));
}

/** Seconds until this username may be tried from this address, or 0 when it may be tried now. */
export function loginRetryAfter(db: Db, username: string, address: string, now: Date): number {
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  const fromHere = db
    .prepare('SELECT at FROM login_failures WHERE username = ? AND address = ? AND at > ? ORDER BY at DESC LIMIT ?')
    .all(username, address, since, MAX_LOGIN_FAILURES) as { at: string }[];
  const here = waitFor(fromHere, MAX_LOGIN_FAILURES, now);
  if (here > 0) return here;
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString();
  if (db.prepare('SELECT 1 FROM login_addresses WHERE username = ? AND address = ? AND at > ?').get(username, address, knownSince)) return 0;
  const everywhere = db
    .prepare('SELECT at FROM login_failures WHERE username = ? AND at > ? ORDER BY at DESC LIMIT ?')
    .all(username, since, MAX_USERNAME_FAILURES) as { at: string }[];
  return waitFor(everywhere, MAX_USERNAME_FAILURES, now);
}

/** Records a failed attempt (unknown usernames too, so they behave like known ones) and drops expired records. */
export function recordLoginFailure(db: Db, username: string, address: string, now: Date): void {
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  db.transaction(() => {
    db.prepare('DELETE FROM login_failures WHERE at <= ?').run(since);
    db.prepare('INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)').run(username, address, now.toISOString());
  })();
}

/** After a successful log-in: forgets this address's failures for the username and remembers the address. */
export function recordLoginSuccess(db: Db, username: string, address: string, now: Date): void {
  db.prepare('DELETE FROM login_failures WHERE username = ? AND address = ?').run(username, address);
  db.prepare('DELETE FROM login_addresses WHERE at <= ?').run(new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString());
  db.prepare('INSERT INTO login_addresses (username, address, at) VALUES (?, ?, ?) ON CONFLICT (username, address) DO UPDATE SET at = excluded.at').run(
    username,
    address,
    now.toISOString(),
  );
}

/** Forgets every failure of a username, from every address: its password was just set anew. */
export function clearLoginFailures(db: Db, username: string): void {
  db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
}
