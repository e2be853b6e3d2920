/** Log-in, who-am-I and log-out: POST/GET/DELETE /api/session; a person's own new password: PUT /api/session/password. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from '../env';
import { ApiError } from '../http/error';
import { readJson } from '../http/readJson';
import { bilingual } from '../../core/schemas/bilingual';
import { normalizeUsername } from '../../core/schemas/account';
import { ownPasswordChangeServerSchema } from './passwordPolicy';
import { changeOwnPassword } from './accounts';
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './loginThrottle';
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
  const { db } = deps;

  // Guessing through the password change counts against the same limit as guessing at log-in.
  function refuseWhileThrottled(username: string): void {
    const wait = loginRetryAfter(db, username, deps.now());
    if (wait > 0) {
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

  app.post('/session', async (c) => {
    const body = await readJson(c, loginSchema);
    const username = normalizeUsername(body.username);
    refuseWhileThrottled(username);
    // Counted as failed until the password proves right: parallel guesses cannot slip past the limit while hashing.
    recordLoginFailure(db, username, deps.now());
    const user = findUserByUsername(db, username);
    // Check a password even for an unknown user, so timing does not tell which usernames exist.
    const ok = await verifyPassword(body.password, user?.password_hash ?? (await unknownUserHash()));
    if (!ok || !user || user.disabled) throw new ApiError(401, 'wrong_login', WRONG_LOGIN_MESSAGE);
    const token = db.transaction(() => {
      clearLoginFailures(db, username);
      return createSession(db, user.id, deps.now());
    })();
    return c.json({ token, user: toSessionUser(user) });
  });

  // Open with a temporary password too: the app must learn about the mark, and the person may leave instead.
  app.get('/session', requireSession(), (c) => c.json({ user: c.get('user') }));

  app.delete('/session', requireSession(), (c) => {
    revokeSession(db, bearerToken(c)!, deps.now());
    return c.body(null, 204);
  });

  // The person's own new password. A wrong current one is 400 (not 401, which would end the session in the app).
  app.put('/session/password', requireSession(), async (c) => {
    const { currentPassword, newPassword } = await readJson(c, ownPasswordChangeServerSchema);
    const me = c.get('user');
    refuseWhileThrottled(me.username);
    recordLoginFailure(db, me.username, deps.now());
    const row = findUserByUsername(db, me.username);
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      const message = bilingual('Passordet du har nå er feil', 'The password you have now is wrong');
      throw new ApiError(400, 'wrong_password', message, [{ code: 'custom', path: ['currentPassword'], message }]);
    }
    clearLoginFailures(db, me.username);
    changeOwnPassword(db, me.id, await hashPassword(newPassword), deps.now(), bearerToken(c)!);
    return c.json({ user: toSessionUser({ ...row, must_change_password: 0 }) });
  });

  return app;
}
