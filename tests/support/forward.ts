/** Passes a request a test proxy received on to the real server, as the browser sent it. */
import type { IncomingMessage } from 'node:http';

const DROPPED_HEADERS = ['host', 'connection', 'accept-encoding', 'content-length'];

/** Reads the request's body, then fetches `target + req.url` with its method, headers (hop-by-hop ones dropped) and body; redirects come back unfollowed. */
export async function forward(req: IncomingMessage, target: string): Promise<Response> {
  const body = await new Promise<Buffer>((ok) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c)).on('end', () => ok(Buffer.concat(parts)));
  });
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string' && !DROPPED_HEADERS.includes(k)) headers.set(k, v);
  }
  return fetch(target + req.url, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
    redirect: 'manual',
  });
}
