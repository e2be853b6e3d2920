/** Middleware for routes that need a signed-in user, optionally with one of some roles. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../core/entities';
import { securityOf, type AppEnv } from '../env';
import { ApiError } from '../http/error';
import { findSession, touchSession } from './sessions';
import { bilingual } from '../../core/schemas/bilingual';

const TOKEN_PATTERN = /^Bearer ([A-Za-z0-9_-]{43})$/;

/** The bearer token of the request, if it carries a well-formed one. */
export function bearerToken(c: Context): string | undefined {
  return TOKEN_PATTERN.exec(c.req.header('Authorization') ?? '')?.[1];
}

/** The 403 every route but changing one's own password, reading the session and log-out gives while the mark is set. */
function passwordChangeRequired(): ApiError {
  return new ApiError(
    403,
    'password_change_required',
    bilingual('Du må bytte det midlertidige passordet før du kan fortsette', 'You must change the temporary password before you can go on'),
  );
}

/**
 * Sets `c.get('user')` from the bearer token, or throws 401 (`unauthenticated`: no or unknown token;
 * `session_expired`: idle 30 days, past its lifetime since log-in, revoked or account disabled). With roles given, the user needs one of them (else 403).
 * A person with a temporary password gets 403 `password_change_required` until they have changed it.
 * The session's expiry slides forward only when the request succeeded, so a failed request writes nothing.
 */
export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return signedIn(roles, false);
}

/** Like `requireUser()`, but lets a person with a temporary password through: GET/DELETE session, changing the password. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return signedIn([], true);
}

function signedIn(roles: Role[], allowTemporaryPassword: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const { store, now } = deps;
    const token = bearerToken(c);
    const at = now();
    const found = token ? await findSession(store, token, at, securityOf(deps).sessionMaxAgeMs) : { state: 'unknown' as const };
    if (found.state === 'unknown') {
      throw new ApiError(401, 'unauthenticated', bilingual('Du må logge inn', 'You need to log in'), undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    }
    if (found.state === 'expired') {
      throw new ApiError(401, 'session_expired', bilingual('Økten er utløpt. Logg inn igjen', 'Your session has expired. Log in again'), undefined, {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    if (found.user.mustChangePassword && !allowTemporaryPassword) throw passwordChangeRequired();
    if (roles.length > 0 && !found.user.roles.some((r) => roles.includes(r))) {
      throw new ApiError(403, 'forbidden', bilingual('Du har ikke tilgang til dette', 'You do not have access to this'));
    }
    c.set('user', found.user);
    await next();
    if (c.res.status < 400) await touchSession(store, token!, found.lastUsedAt, at);
  };
}
