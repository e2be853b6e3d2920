/**
 * Refuses state-changing API requests that a page on another site made the browser send. Browsers mark every request
 * with `Sec-Fetch-Site` and send `Origin` on every cross-site POST, PUT, PATCH and DELETE; a request with neither
 * header is not a browser acting for another site (the command line, a monitoring probe) and carries no one's
 * credentials by itself, since Egnet's token is a bearer header, never a cookie.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bilingual } from '../../core/schemas/bilingual';
import { requestedHost } from './client';
import { ApiError } from './error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why this request is refused as cross-site, or null when it may go on. */
export function crossSiteRefusal(c: Context): string | null {
  if (SAFE_METHODS.has(c.req.method)) return null;
  // Set by the browser itself (no page can forge it): same-origin, or `none` for what the person typed or bookmarked.
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? null : `Sec-Fetch-Site: ${site}`;
  // An older browser without Fetch Metadata still sends Origin on every cross-origin write; compare hosts only, so
  // a TLS-ending proxy that does not say X-Forwarded-Proto does not break the app.
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return `Origin: ${origin}`;
  }
  return host === requestedHost(c) ? null : `Origin: ${origin}`;
}

/** Middleware for `/api/*`: 403 `cross_site` for a state-changing request from another site. */
export function sameOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (crossSiteRefusal(c) !== null) {
      throw new ApiError(
        403,
        'cross_site',
        bilingual('Forespørselen kom fra et annet nettsted og ble avvist', 'The request came from another site and was refused'),
      );
    }
    await next();
  };
}
