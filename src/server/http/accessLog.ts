/**
 * One JSON log line per request (time, request id, method, route pattern, status, duration, user id) and the request
 * counters for /metrics. Never the raw path (ids), the query, a header, a body or a token: the route pattern says
 * which kind of request it was without saying about whom. The request id goes back in `X-Request-Id` and into an
 * error's log line and answer, so support can find one from the other.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../env';
import { log } from '../log';
import type { Metrics } from '../metrics';

/** The pattern of the route that answered (`/api/blobs/:sha256`), `static` for app files, `unmatched` for a 404. */
export function routePattern(c: Context): string {
  // The route that answered, not the last one whose path matched: the app's files are served by catch-all GET routes
  // registered after the API, which match every GET path.
  const answered = matchedRoutes(c)[c.req.routeIndex];
  if (answered && answered.method !== 'ALL' && !answered.path.endsWith('*')) return answered.path;
  return c.req.path.startsWith('/api') ? 'unmatched' : 'static';
}

export function accessLog(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = randomUUID();
    c.set('requestId', id);
    const start = performance.now();
    await next();
    c.header('X-Request-Id', id);
    const ms = Math.round((performance.now() - start) * 10) / 10;
    const route = routePattern(c);
    const user = c.get('user')?.id;
    log.info({ event: 'request', id, method: c.req.method, route, status: c.res.status, ms, ...(user ? { user } : {}) }, 'request');
    metrics.request(c.req.method, route, c.res.status, ms);
  };
}
