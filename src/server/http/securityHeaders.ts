/**
 * Security headers for every response (API, static files, errors): CSP without inline scripts, nosniff, no referrer,
 * a Permissions-Policy that gives the page the camera and nothing else, and HSTS only on a response sent over HTTPS.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { cameOverHttps } from './client';

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

/**
 * What the page may use of the device: the camera (photos of a dwelling) from this origin only; no location (photos
 * are stripped of GPS anyway), microphone, payment, USB and the rest.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'geolocation=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/** HSTS: a year, on responses that went out over HTTPS only — over plain HTTP the header means nothing and is not sent. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Kept here too for the code that asked this module; the one definition is in client.ts. */
export { cameOverHttps };

/** Middleware setting the security headers after the route (or the error handler) has answered. */
export function securityHeaders(): MiddlewareHandler {
  const set = secureHeaders({ xFrameOptions: 'DENY', referrerPolicy: 'no-referrer', xContentTypeOptions: 'nosniff', strictTransportSecurity: false });
  return async (c, next) => {
    await set(c, next);
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (cameOverHttps(c)) c.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  };
}
