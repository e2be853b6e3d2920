/** Log-in, who-am-I and log-out: POST/GET/DELETE /api/session. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from '../env';
import { ApiError } from '../http/error';
import { readJson } from '../http/read-json';
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './login-throttle';
import { unknownUserHash, verifyPassword } from './password';
import { bearerToken, requireUser } from './require-user';
import { createSession, revokeSession } from './sessions';
import { normalizeUsername } from '../../core/schemas/account';
import { findUserByUsername, toSessionUser } from './users';

const loginSchema = z.object({
  username: z.string().trim().min(1, 'Skriv brukernavn / Enter a username').max(100),
  password: z.string().min(1, 'Skriv passord / Enter a password').max(1000),
});

/** One message for unknown user and wrong password, so the answer does not tell which usernames exist. */
export const WRONG_LOGIN_MESSAGE = 'Feil brukernavn eller passord / Wrong username or password';

/** The session routes, mounted under /api. */
export function sessionRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.post('/session', async (c) => {
    const body = await readJson(c, loginSchema);
    const username = normalizeUsername(body.username);
    const wait = loginRetryAfter(db, username, deps.now());
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      throw new ApiError(
        429,
        'too_many_attempts',
        `For mange mislykkede innlogginger. Prøv igjen om ${minutes} min / Too many failed log-ins. Try again in ${minutes} min`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
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

  app.get('/session', requireUser(), (c) => c.json({ user: c.get('user') }));

  app.delete('/session', requireUser(), (c) => {
    revokeSession(db, bearerToken(c)!, deps.now());
    return c.body(null, 204);
  });

  return app;
}
