/** Security headers for every response (API, static files, errors): CSP without inline scripts, nosniff, no referrer. */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The Content-Security-Policy. Only same-origin code runs; `blob:`/`data:` images are photos taken on the device and the
 * design system's inline SVG icons; no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Middleware setting the security headers after the route (or the error handler) has answered. */
export function securityHeaders(): MiddlewareHandler {
  const set = secureHeaders({ xFrameOptions: 'DENY', referrerPolicy: 'no-referrer', xContentTypeOptions: 'nosniff' });
  return async (c, next) => {
    await set(c, next);
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  };
}
