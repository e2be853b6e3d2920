/**
 * Throttles password guessing without letting anyone lock someone else out. Failures are counted per username and
 * client address: ten within 15 minutes make that address wait for that username, and nobody else. On top, a slower,
 * higher limit per username counts failures from every address: a hundred within 15 minutes make every address wait,
 * except those the person signed in from in the last 30 days, so the person's own devices keep working while a name is
 * hammered from elsewhere. Unknown usernames are counted the same way, so the answers do not tell which exist.
 */
import type { Store, StoreTx } from '../store/store';

/** Failed attempts allowed per username and address within the window. */
export const MAX_LOGIN_FAILURES = 10;
/** Failed attempts allowed per username from all addresses together within the window. */
export const MAX_USERNAME_FAILURES = 100;
/** The window failures are counted in. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** How long an address a person signed in from is spared the per-username limit. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

/** Seconds until the oldest of `times` (newest first, `limit` of them) leaves the window, or 0 when under the limit. */
function waitFor(times: string[], limit: number, now: Date): number {
  if (times.length < limit) return 0;
  const oldest = Date.parse(times[times.length - 1]!);
  return Math.max(1, Math.ceil((oldest + LOGIN_FAILURE_WINDOW_MS - now.getTime()) / 1000));
}

/** Seconds until this username may be tried from this address, or 0 when it may be tried now. */
export async function loginRetryAfter(store: StoreTx, username: string, address: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  const fromHere = await store.loginFailures(username, address, since, MAX_LOGIN_FAILURES);
  const here = waitFor(fromHere, MAX_LOGIN_FAILURES, now);
  if (here > 0) return here;
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString();
  if (await store.knownLoginAddress(username, address, knownSince)) return 0;
  const everywhere = await store.loginFailures(username, null, since, MAX_USERNAME_FAILURES);
  return waitFor(everywhere, MAX_USERNAME_FAILURES, now);
}

/** Records a failed attempt (unknown usernames too, so they behave like known ones) and drops expired records. */
export function recordLoginFailure(store: StoreTx, username: string, address: string, now: Date): Promise<void> {
  return store.addLoginFailure(username, address, now.toISOString(), new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString());
}

/**
 * The throttle's check and the attempt's count as one step (one transaction, the name locked): 0 when the attempt may
 * go ahead and was counted as a failure until it proves right, else the seconds to wait (nothing counted). Parallel
 * guesses, in this process or another, cannot slip past the limit between the check and the count.
 */
export function takeLoginAttempt(store: Store, username: string, address: string, now: Date): Promise<number> {
  return store.transaction(async (tx) => {
    await tx.lock(`login:${username}`);
    const wait = await loginRetryAfter(tx, username, address, now);
    if (wait === 0) await recordLoginFailure(tx, username, address, now);
    return wait;
  });
}

/** After a successful log-in: forgets this address's failures for the username and remembers the address. */
export function recordLoginSuccess(store: StoreTx, username: string, address: string, now: Date): Promise<void> {
  return store.loginSucceeded(username, address, now.toISOString(), new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString());
}

/** Forgets every failure of a username, from every address: its password was just set anew. */
export function clearLoginFailures(store: StoreTx, username: string): Promise<void> {
  return store.clearLoginFailures(username);
}
