/** Asks the server whether the stored session still holds, and picks up changes to the person's name or roles. */
import type { SessionUser } from '../../core/entities';
import { ApiError, apiFetch } from '../api';
import { getSession, setSession } from '../session';

/**
 * GET /api/session with the stored token. A 401 marks the session expired (apiFetch does that); no answer changes
 * nothing, since offline the stored session is what lets the person keep working.
 */
export async function checkSession(): Promise<void> {
  const before = getSession();
  if (!before || before.expired) return;
  try {
    const { user } = await apiFetch<{ user: Partial<SessionUser> & { id: string } }>('/api/session');
    const now = getSession();
    if (!now || now.token !== before.token || user.id !== now.user.id) return;
    const next: SessionUser = { ...now.user, ...user };
    // The server leaves the temporary-password mark out once it is cleared; so must the stored user.
    if (!user.mustChangePassword) delete next.mustChangePassword;
    if (JSON.stringify(next) !== JSON.stringify(now.user)) setSession({ ...now, user: next });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
  }
}
