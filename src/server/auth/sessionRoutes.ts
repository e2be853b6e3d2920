/** Log-in, who-am-I and log-out: POST/GET/DELETE /api/session; a person's own new password: PUT /api/session/password. */
import { Hono } from 'hono';
import { z } from 'zod';
import { securityOf, type AppEnv, type Deps } from '../env';
import { clientAddress } from '../http/client';
import { log } from '../log';
import { ApiError } from '../http/error';
import { readJson } from '../http/readJson';
import { bilingual } from '../../core/schemas/bilingual';
import { normalizeUsername } from '../../core/schemas/account';
import { ownPasswordChangeServerSchema } from './passwordPolicy';
import { changeOwnPassword } from './accounts';
import { loginRetryAfter, recordLoginSuccess, takeLoginAttempt } from './loginThrottle';
import { AddressLimit } from './addressLimit';
import { PasswordChecksBusy, PasswordGate } from './passwordGate';
import { hashPassword, unknownUserHash, verifyPassword } from './password';
import { bearerToken, requireSession } from './requireUser';
import { createSession, revokeSession } from './sessions';
import { findUserByUsername, toSessionUser } from './users';

const loginSchema = z.object({
  username: z.string().trim().min(1, bilingual('Skriv brukernavn', 'Enter a username')).max(100),
  password: z.string().min(1, bilingual('Skriv passord', 'Enter a password')).max(1000),
});

/** One message for unknown user and wrong password, so the answer does not tell which usernames exist. */
export const WRONG_LOGIN_MESSAGE = bilingual('Feil brukernavn eller passord', 'Wrong username or password');

/** The session routes, mounted under /api. */
export function sessionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;
  const security = securityOf(deps);
  const gate = new PasswordGate(security.passwordChecks, security.passwordQueue);
  const perAddress = new AddressLimit(security.loginPerMinute);

  // Guessing through the password change counts against the same limits as guessing at log-in.
  async function refuseWhileThrottled(username: string, address: string): Promise<void> {
    throttled(username, address, await loginRetryAfter(store, username, address, deps.now()));
  }

  function throttled(username: string, address: string, wait: number): void {
    if (wait > 0) {
      log.warn({ event: 'login_throttled', username, address, retryAfter: wait }, 'log-in refused: too many failures');
      const minutes = Math.ceil(wait / 60);
      throw new ApiError(
        429,
        'too_many_attempts',
        bilingual(`For mange mislykkede innlogginger. Prøv igjen om ${minutes} min`, `Too many failed log-ins. Try again in ${minutes} min`),
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
  }

  /**
   * Checks a password as one failed attempt until it proves right, in one of the bounded slots: refused at once (503)
   * when too many wait already, and refused (429) when the limits were reached while it waited. The attempt is counted
   * in the same transaction as that last check, so parallel guesses cannot slip past the limit.
   */
  async function checkPassword(username: string, password: string, hash: string, address: string): Promise<boolean> {
    try {
      await gate.acquire();
    } catch (err) {
      if (!(err instanceof PasswordChecksBusy)) throw err;
      log.warn({ event: 'login_busy', address }, 'log-in refused: password checks busy');
      throw new ApiError(503, 'busy', bilingual('Serveren er opptatt med innlogginger. Prøv igjen om litt', 'The server is busy with log-ins. Try again shortly'), undefined, {
        'Retry-After': '2',
      });
    }
    try {
      throttled(username, address, await takeLoginAttempt(store, username, address, deps.now()));
      return await verifyPassword(password, hash);
    } finally {
      gate.release();
    }
  }

  app.post('/session', async (c) => {
    const body = await readJson(c, loginSchema);
    const address = clientAddress(c);
    const wait = perAddress.take(address, deps.now().getTime());
    if (wait > 0) {
      log.warn({ event: 'login_rate_limited', address, retryAfter: wait }, 'log-in refused: too many from this address');
      throw new ApiError(
        429,
        'too_many_requests',
        bilingual('For mange innlogginger fra denne adressen. Vent litt og prøv igjen', 'Too many log-ins from this address. Wait a little and try again'),
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    const username = normalizeUsername(body.username);
    await refuseWhileThrottled(username, address);
    const user = await findUserByUsername(store, username);
    // Check a password even for an unknown user, so timing does not tell which usernames exist.
    const hash = user?.passwordHash ?? (await unknownUserHash());
    const ok = await checkPassword(username, body.password, hash, address);
    if (!ok || !user || user.disabled) {
      log.warn({ event: 'login_failed', username, address }, 'log-in failed');
      throw new ApiError(401, 'wrong_login', WRONG_LOGIN_MESSAGE);
    }
    const token = await store.transaction(async (tx) => {
      await recordLoginSuccess(tx, username, address, deps.now());
      return createSession(tx, user.id, deps.now());
    });
    return c.json({ token, user: toSessionUser(user) });
  });

  // Open with a temporary password too: the app must learn about the mark, and the person may leave instead.
  app.get('/session', requireSession(), (c) => c.json({ user: c.get('user') }));

  app.delete('/session', requireSession(), async (c) => {
    await revokeSession(store, bearerToken(c)!, deps.now());
    return c.body(null, 204);
  });

  // The person's own new password. A wrong current one is 400 (not 401, which would end the session in the app).
  app.put('/session/password', requireSession(), async (c) => {
    const { currentPassword, newPassword } = await readJson(c, ownPasswordChangeServerSchema);
    const me = c.get('user');
    const address = clientAddress(c);
    await refuseWhileThrottled(me.username, address);
    const row = await findUserByUsername(store, me.username);
    if (!row || !(await checkPassword(me.username, currentPassword, row.passwordHash, address))) {
      log.warn({ event: 'password_change_failed', username: me.username, address }, 'password change: wrong current password');
      const message = bilingual('Passordet du har nå er feil', 'The password you have now is wrong');
      throw new ApiError(400, 'wrong_password', message, [{ code: 'custom', path: ['currentPassword'], message }]);
    }
    await recordLoginSuccess(store, me.username, address, deps.now());
    await changeOwnPassword(store, me.id, await hashPassword(newPassword), deps.now(), bearerToken(c)!);
    return c.json({ user: toSessionUser({ ...row, mustChangePassword: false }) });
  });

  return app;
}
