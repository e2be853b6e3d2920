/**
 * Sessions: random 256-bit bearer tokens, stored only as SHA-256, revocable, ending after 30 days unused and in any
 * case a fixed time after log-in (12 hours by default, EGNET_SESSION_HOURS).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../core/entities';
import type { Db } from '../db';
import { toSessionUser, type UserRow } from './users';

/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** A session ends this long after log-in however busy it is, unless the settings say otherwise: one long shift. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** last_used_at is rewritten at most this often, so a busy device does not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Hex SHA-256 of a token: what the database keeps, so a copy of it cannot be used to sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for the user; returns the token (shown once, to the client). */
export function createSession(db: Db, userId: string, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)').run(
    hashToken(token),
    userId,
    at,
    at,
  );
  return token;
}

/** What a token is worth right now. */
export type SessionLookup =
  | { state: 'valid'; user: SessionUser; lastUsedAt: string }
  | { state: 'expired' }
  | { state: 'unknown' };

/**
 * Looks the token up: unknown, expired (idle too long, older than `maxAgeMs` since log-in, revoked, or the account
 * disabled), or valid with its user.
 */
export function findSession(db: Db, token: string, now: Date, maxAgeMs = SESSION_MAX_AGE_MS): SessionLookup {
  const row = db
    .prepare(
      `SELECT s.created_at, s.last_used_at, s.revoked_at, u.id, u.username, u.name, u.roles, u.disabled, u.must_change_password
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(hashToken(token)) as
    | (Pick<UserRow, 'id' | 'username' | 'name' | 'roles' | 'disabled' | 'must_change_password'> & {
        created_at: string;
        last_used_at: string;
        revoked_at: string | null;
      })
    | undefined;
  if (!row) return { state: 'unknown' };
  const idle = now.getTime() - Date.parse(row.last_used_at);
  const age = now.getTime() - Date.parse(row.created_at);
  if (row.revoked_at || row.disabled || idle >= SESSION_IDLE_MS || age >= maxAgeMs) return { state: 'expired' };
  return { state: 'valid', user: toSessionUser(row), lastUsedAt: row.last_used_at };
}

/** Slides the expiry forward after a successful request (at most once a minute). */
export function touchSession(db: Db, token: string, lastUsedAt: string, now: Date): void {
  if (now.getTime() - Date.parse(lastUsedAt) < TOUCH_INTERVAL_MS) return;
  db.prepare('UPDATE sessions SET last_used_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(
    now.toISOString(),
    hashToken(token),
  );
}

/** Ends the session for good; the token is refused from now on. */
export function revokeSession(db: Db, token: string, now: Date): void {
  db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(
    now.toISOString(),
    hashToken(token),
  );
}
