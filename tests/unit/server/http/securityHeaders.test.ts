// HSTS is sent only on responses that went out over HTTPS: the URL the server saw, or behind a trusted proxy its
// X-Forwarded-Proto. A header from a client that is not behind the trusted proxy counts for nothing.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cameOverHttps, securityHeaders } from '../../../../src/server/http/securityHeaders';

function appWith(trustProxy: boolean) {
  const app = new Hono();
  app.use(securityHeaders());
  app.get('/', (c) => c.text(String(cameOverHttps(c, trustProxy))));
  return app;
}

describe('security headers', () => {
  it('sends HSTS over HTTPS and never over plain HTTP', async () => {
    const app = appWith(false);
    expect((await app.request('https://egnet.example/')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await app.request('http://egnet.example/')).headers.get('strict-transport-security')).toBeNull();
  });

  it('believes X-Forwarded-Proto only behind a trusted proxy', async () => {
    const claimed = { headers: { 'X-Forwarded-Proto': 'https' } };
    expect(await (await appWith(false).request('http://egnet.example/', claimed)).text()).toBe('false');
    expect(await (await appWith(true).request('http://egnet.example/', claimed)).text()).toBe('true');
    expect(await (await appWith(true).request('http://egnet.example/', { headers: { 'X-Forwarded-Proto': 'http' } })).text()).toBe('false');
  });
});
