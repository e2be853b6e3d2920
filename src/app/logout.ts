/** Log-out: asks every registered guard first (e.g. "unsynced data"), tells the server, then clears the device. */
import type { LocalText } from '../core/text';
import type { SessionUser } from '../core/entities';
import { apiFetch } from './api';
import { getSession, setSession } from './session';

/** Why log-out was refused, in both languages, shown to the person as is. */
export type LogoutRefusal = { reason: LocalText };

/** A check run before log-out; returns a refusal to stop it (e.g. records not yet synced), or null to allow it. */
export type LogoutGuard = () => Promise<LogoutRefusal | null> | LogoutRefusal | null;

/** Work done after the server forgot the session and before the device does (e.g. wiping this person's local data). */
export type LogoutCleanup = (user: SessionUser) => Promise<void> | void;

const guards = new Set<LogoutGuard>();
const cleanups = new Set<LogoutCleanup>();

/** Registers a check that can refuse log-out; returns the function that removes it. */
export function addLogoutGuard(guard: LogoutGuard): () => void {
  guards.add(guard);
  return () => void guards.delete(guard);
}

/** Registers work to do while logging out; returns the function that removes it. */
export function addLogoutCleanup(cleanup: LogoutCleanup): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** The outcome of a log-out attempt: done, or refused with the guards' reasons. */
export type LogoutResult = { ok: true } | { ok: false; refusals: LogoutRefusal[] };

/**
 * Logs the person out. Refused (nothing changed) when a guard objects. Otherwise revokes the token on the server
 * when it can be reached — offline the token simply expires there unused — runs the cleanups and clears the session.
 */
export async function logOut(): Promise<LogoutResult> {
  const session = getSession();
  const refusals: LogoutRefusal[] = [];
  for (const guard of guards) {
    const r = await guard();
    if (r) refusals.push(r);
  }
  if (refusals.length > 0) return { ok: false, refusals };
  if (session && !session.expired) {
    try {
      await apiFetch('/api/session', { method: 'DELETE' });
    } catch {
      // Unreachable server or already-revoked token: the device still forgets the session.
    }
  }
  if (session) for (const cleanup of cleanups) await cleanup(session.user);
  forgetScreenState();
  setSession(null);
  return { ok: true };
}

/** Keys of the device's own settings that outlive a log-out: the language choice belongs to the device, not the person. */
const DEVICE_KEYS = new Set(['egnet.language', 'egnet.session']);

/**
 * Removes what screens kept between visits (form drafts, positions in checklists, cached verdicts, filters), so the
 * next person on a shared device starts clean.
 */
function forgetScreenState(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
    for (const key of keys) if (key.startsWith('egnet.') && !DEVICE_KEYS.has(key)) localStorage.removeItem(key);
    sessionStorage.clear();
  } catch {
    // Storage unavailable (private mode): nothing was kept.
  }
}
