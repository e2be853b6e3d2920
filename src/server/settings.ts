/** Security settings read from the environment once at start; tests and benchmarks pass their own. */
import { SESSION_MAX_AGE_MS } from './auth/sessions';

/** How the server protects log-in, sessions and what it believes about the client's address. */
export type SecuritySettings = {
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For / X-Forwarded-Proto are believed (0 = none: the
   * socket's address is the client and HTTPS means a TLS socket).
   */
  trustProxy: number;
  /** A session ends this long after log-in, however busy it is (on top of the 30-day idle rule). */
  sessionMaxAgeMs: number;
  /** Password checks (scrypt, 64 MiB each) running at once; the rest wait in the queue. */
  passwordChecks: number;
  /** Password checks that may wait for a free slot; beyond that log-in answers 503 with Retry-After. */
  passwordQueue: number;
  /** Log-in attempts one client address may make a minute (a burst of as many); beyond that 429 with Retry-After. */
  loginPerMinute: number;
};

/** The safe defaults: no proxy trusted, 12-hour sessions, two checks at once and sixteen waiting, 30 log-ins a minute per address. */
export const DEFAULT_SECURITY: SecuritySettings = {
  trustProxy: 0,
  sessionMaxAgeMs: SESSION_MAX_AGE_MS,
  passwordChecks: 2,
  passwordQueue: 16,
  loginPerMinute: 30,
};

function whole(env: NodeJS.ProcessEnv, name: string, min: number, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${name} må være et helt tall fra ${min}, ikke "${raw}" / ${name} must be a whole number from ${min}`);
  }
  return n;
}

/**
 * From the environment: EGNET_TRUST_PROXY (0; `1`/`true` = one proxy, or the number of proxies), EGNET_SESSION_HOURS
 * (12), EGNET_PASSWORD_CHECKS (2), EGNET_PASSWORD_QUEUE (16) and EGNET_LOGIN_PER_MINUTE (30). A malformed value stops
 * the start with a message.
 */
export function securityFromEnv(env: NodeJS.ProcessEnv): SecuritySettings {
  const proxy = env.EGNET_TRUST_PROXY;
  const trustProxy = /^(true|yes|on)$/i.test(proxy ?? '') ? 1 : /^(false|no|off)$/i.test(proxy ?? '') ? 0 : whole(env, 'EGNET_TRUST_PROXY', 0, 0);
  return {
    trustProxy,
    sessionMaxAgeMs: whole(env, 'EGNET_SESSION_HOURS', 1, 12) * 60 * 60 * 1000,
    passwordChecks: whole(env, 'EGNET_PASSWORD_CHECKS', 1, DEFAULT_SECURITY.passwordChecks),
    passwordQueue: whole(env, 'EGNET_PASSWORD_QUEUE', 0, DEFAULT_SECURITY.passwordQueue),
    loginPerMinute: whole(env, 'EGNET_LOGIN_PER_MINUTE', 1, DEFAULT_SECURITY.loginPerMinute),
  };
}
