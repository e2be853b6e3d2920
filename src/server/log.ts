/**
 * The server's structured log: one JSON object per line on stdout (pino), for events an operator must be able to
 * search, count and alert on. Never pass a password, a token or anything about a household or a person's case.
 * Level from EGNET_LOG_LEVEL (default `info`); silent inside the test runner unless set.
 */
import { pino } from 'pino';

const level = process.env.EGNET_LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info');

/** The log: `log.warn({ event: 'login_failed', address }, 'log-in failed')`. */
export const log = pino({
  level,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
