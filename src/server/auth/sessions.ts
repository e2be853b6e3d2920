/**
 * Sessions: random 256-bit bearer tokens, stored only as SHA-256, revocable, ending after 30 days unused and in any
 * case a fixed time after log-in (12 hours by default, EGNET_SESSION_HOURS).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../core/entities';
import type { StoreTx } from '../store/store';
import { toSessionUser } from './users';

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
export async function createSession(store: StoreTx, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.insertSession(hashToken(token), userId, now.toISOString());
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
export async function findSession(store: StoreTx, token: string, now: Date, maxAgeMs = SESSION_MAX_AGE_MS): Promise<SessionLookup> {
  const row = await store.session(hashToken(token));
  if (!row) return { state: 'unknown' };
  const idle = now.getTime() - Date.parse(row.lastUsedAt);
  const age = now.getTime() - Date.parse(row.createdAt);
  if (row.revokedAt || row.user.disabled || idle >= SESSION_IDLE_MS || age >= maxAgeMs) return { state: 'expired' };
  return { state: 'valid', user: toSessionUser(row.user), lastUsedAt: row.lastUsedAt };
}

/** Slides the expiry forward after a successful request (at most once a minute). */
export async function touchSession(store: StoreTx, token: string, lastUsedAt: string, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(lastUsedAt) < TOUCH_INTERVAL_MS) return;
  await store.touchSession(hashToken(token), now.toISOString());
}

/** Ends the session for good; the token is refused from now on. */
export function revokeSession(store: StoreTx, token: string, now: Date): Promise<void> {
  return store.revokeSession(hashToken(token), now.toISOString());
}
