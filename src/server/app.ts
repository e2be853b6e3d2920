/** The whole HTTP app — API, errors, security headers, static files — built without listening, so tests call app.request(). */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { sessionRoutes } from './auth/sessionRoutes';
import { userRoutes } from './auth/userRoutes';
import type { AppEnv, Deps } from './env';
import { figuresRoutes } from './figures/routes';
import { checkHealth } from './health';
import { timingSafeEqual } from 'node:crypto';
import { ApiError, errorResponse } from './http/error';
import { accessLog, routePattern } from './http/accessLog';
import { log } from './log';
import { Metrics } from './metrics';
import { isStorageFull, storageFull } from './sync/photoLimits';
import { sameOrigin } from './http/sameOrigin';
import { securityHeaders } from './http/securityHeaders';
import { isApiPath, staticFiles } from './http/staticFiles';
import { privacyRoutes } from './privacy/routes';
import { syncRoutes } from './sync/routes';
import { bilingual } from '../core/schemas/bilingual';

/** Builds the app on the given store, clock and folders. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const metrics = new Metrics();
  app.use(accessLog(metrics));
  app.use(securityHeaders());
  app.use(compress());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('metrics', metrics);
    await next();
  });
  app.use('/api/*', sameOrigin());
  app.use('/api/*', async (c, next) => {
    await next();
    // API answers are per user and per moment: never stored, unless a route chose otherwise (e.g. content-addressed blobs).
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  app.get('/api/health', async (c) => {
    const health = await checkHealth(deps.store, deps.dataDir, deps.minFreeBytes);
    if (health.ok) return c.json({ ok: true, version: deps.version, db: deps.store.engine });
    const message =
      health.problem === 'database'
        ? bilingual('Databasen kan ikke leses', 'The database cannot be read')
        : bilingual('For lite ledig diskplass i datamappen', 'Too little free disk space in the data folder');
    return c.json({ ok: false, version: deps.version, db: deps.store.engine, problem: health.problem, message }, 503);
  });
  app.route('/api', sessionRoutes(deps));
  app.route('/api', syncRoutes(deps));
  app.route('/api', privacyRoutes(deps));
  app.route('/api', userRoutes(deps));
  app.route('/api', figuresRoutes(deps));

  // For Prometheus, only with the configured token; without one there is nothing here.
  app.get('/metrics', async (c) => {
    if (!deps.metricsToken) return c.text(bilingual('Fant ikke siden', 'Not found'), 404);
    const given = Buffer.from(c.req.header('Authorization') ?? '');
    const wanted = Buffer.from(`Bearer ${deps.metricsToken}`);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      return c.text(bilingual('Feil eller manglende nøkkel', 'Wrong or missing token'), 401, { 'WWW-Authenticate': 'Bearer' });
    }
    return c.text(await metrics.render(deps.store), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });

  if (deps.staticDir) app.route('/', staticFiles(deps.staticDir));

  // Reached when no route answered, so routes added after createApp (e.g. in tests) still work.
  app.notFound((c) =>
    isApiPath(c.req.path)
      ? errorResponse(c, new ApiError(404, 'not_found', bilingual('Ukjent API-adresse', 'Unknown API route')))
      : c.text(bilingual('Fant ikke siden', 'Not found'), 404),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof z.core.$ZodError) {
      return errorResponse(
        c,
        new ApiError(400, 'invalid', bilingual('Forespørselen har ugyldig innhold', 'The request content is invalid'), err.issues),
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      const status = err.status;
      return errorResponse(
        c,
        new ApiError(status, `http_${status}`, bilingual(`Forespørselen ble avvist (HTTP ${status})`, `The request was refused (HTTP ${status})`)),
      );
    }
    // A full disk or database file: a clear 507, and nothing was half-written (every write is one transaction).
    if (isStorageFull(err)) return errorResponse(c, storageFull());
    // Logged here with the request id (the stack as a field of one JSON line); the client learns the id only.
    const id = c.get('requestId');
    log.error({ event: 'error', id, method: c.req.method, route: routePattern(c), err }, 'request failed');
    return errorResponse(
      c,
      new ApiError(500, 'internal', bilingual(`Noe gikk galt på serveren (feil-ID ${id})`, `Something went wrong on the server (error id ${id})`)),
    );
  });

  return app;
}
