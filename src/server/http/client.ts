/**
 * Who is on the other end of a request: the client's address, whether it came over HTTPS and which host it asked for.
 * Behind a reverse proxy (EGNET_TRUST_PROXY) the proxy's X-Forwarded-* headers say so; without it they are the
 * client's own words and count for nothing.
 */
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { securityOf, type Deps } from '../env';

/** Stands for the address when there is no socket (requests made in-process, as tests do). */
export const NO_ADDRESS = 'local';

/** The node request behind the Hono context, when the app runs on @hono/node-server. */
function incoming(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

/**
 * The entry `trusted` places from the right of a comma-separated forwarding header: each trusted proxy appends the
 * address it received the request from, so entries further left were written by the client and prove nothing.
 */
function fromRight(header: string | undefined, trusted: number): string | undefined {
  if (!header) return undefined;
  const parts = header.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts[Math.max(0, parts.length - trusted)] : undefined;
}

/** How many proxies in front are believed: the app's settings (EGNET_TRUST_PROXY), 0 outside an app. */
function trustedProxies(c: Context): number {
  const deps = c.get('deps') as Deps | undefined;
  return deps ? securityOf(deps).trustProxy : 0;
}

/**
 * The client's address: the socket's peer, or behind trusted proxies the address the outermost one saw
 * (X-Forwarded-For). IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is written as plain IPv4.
 */
export function clientAddress(c: Context, trustProxy: number = trustedProxies(c)): string {
  const forwarded = trustProxy > 0 ? fromRight(c.req.header('X-Forwarded-For'), trustProxy) : undefined;
  const address = forwarded ?? incoming(c)?.socket.remoteAddress ?? NO_ADDRESS;
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * True when the request reached us over HTTPS. Behind a trusted proxy that ends TLS, its X-Forwarded-Proto says so;
 * otherwise only the URL the server saw counts, so a client cannot claim HTTPS by a header.
 */
export function cameOverHttps(c: Context, trustProxy: number | boolean = trustedProxies(c)): boolean {
  if (Number(trustProxy) > 0) {
    const forwarded = fromRight(c.req.header('X-Forwarded-Proto'), 1)?.toLowerCase();
    if (forwarded) return forwarded === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** The host (host[:port], lower case) the request was addressed to: a trusted proxy's X-Forwarded-Host, else Host. */
export function requestedHost(c: Context, trustProxy: number = trustedProxies(c)): string {
  const forwarded = trustProxy > 0 ? fromRight(c.req.header('X-Forwarded-Host'), 1) : undefined;
  return (forwarded || c.req.header('Host') || new URL(c.req.url).host).toLowerCase();
}
