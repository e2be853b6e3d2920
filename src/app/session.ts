/** The signed-in person's session, kept on the device so the app opens with no network. */
import type { SessionUser } from '../core/entities';

/** A session: the bearer token and who it belongs to. `expired` is set when the server answered 401. */
export type Session = { token: string; user: SessionUser; expired?: boolean };

const KEY = 'egnet.session';
const listeners = new Set<(s: Session | null) => void>();

/** The stored session, or null when nobody is signed in on this device. */
export function getSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    // Parsed once per stored value: screens ask for it on every redraw. Another tab's change is a new string.
    if (raw !== parsed.raw) parsed = { raw, session: raw ? (JSON.parse(raw) as Session) : null };
    return parsed.session;
  } catch {
    return null;
  }
}

let parsed: { raw: string | null; session: Session | null } = { raw: null, session: null };

/** Stores (or with null, removes) the session and tells every listener. */
export function setSession(s: Session | null): void {
  if (s) localStorage.setItem(KEY, JSON.stringify(s));
  else localStorage.removeItem(KEY);
  for (const l of listeners) l(s);
}

/** Marks the session as refused by the server (401): sync pauses and the person is asked to sign in again. */
export function markSessionExpired(): void {
  const s = getSession();
  if (s && !s.expired) setSession({ ...s, expired: true });
}

/** Marks the stored user as having a temporary password (the server answered 403 `password_change_required`). */
export function markPasswordChangeRequired(): void {
  const s = getSession();
  if (s && !s.user.mustChangePassword) setSession({ ...s, user: { ...s.user, mustChangePassword: true } });
}

/** Subscribes to session changes; returns the unsubscribe function. */
export function onSessionChange(fn: (s: Session | null) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}
