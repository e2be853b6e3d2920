// Hostile requests against the real server process: JSON nested far deeper than any real body is refused with 400
// before it reaches a parser or schema check (200,000 levels once overflowed the stack and answered 500); JSON routes
// take application/json only (415), and a state-changing request another site made a browser send is refused (403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process';

describe('hostile request bodies', () => {
  let server: ServerProcess;
  let token: string;
  beforeAll(async () => {
    server = await startServer({ demo: true });
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    token = ((await res.json()) as { token: string }).token;
  }, 60_000);
  afterAll(async () => server?.stop());

  const post = (path: string, body: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });

  it('refuses JSON nested 200,000 levels deep in a push with 400 too_deep, and keeps serving', async () => {
    const deep = `{"clientId":"0c0c0c0c-0000-4000-8000-0000000000c0","ops":[{"opId":"0c0c0c0c-0000-4000-8000-0000000000c1","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`;
    const res = await post('/api/sync/push', deep);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('too_deep');
    expect(error.message).toContain('32');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('counts nesting from the first level on every JSON route, and not brackets inside strings', async () => {
    const tooDeep = await post('/api/session', `{"username":${'['.repeat(33)}${']'.repeat(33)},"password":"x"}`);
    expect(tooDeep.status).toBe(400);
    expect(((await tooDeep.json()) as { error: { code: string } }).error.code).toBe('too_deep');
    // Brackets inside a string are text: this body is shallow and gets the ordinary answer for a wrong password.
    const inString = await post('/api/session', JSON.stringify({ username: 'admin', password: '['.repeat(100) }));
    expect(inString.status).toBe(401);
  });

  it('takes JSON routes only as application/json: a text/plain log-in from another site’s form is 415', async () => {
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ username: 'admin', password: 'feil' }) });
    expect(res.status).toBe(415);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('application/json') });
  });

  it('refuses a state-changing request sent from another site (Origin or Sec-Fetch-Site), and lets its own pages through', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username: 'admin', password: 'feil' }) });
    const evil = await login({ Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe('cross_site');
    expect((await login({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await login({ 'Sec-Fetch-Site': 'same-site', Origin: 'https://other.kommune.example' })).status).toBe(403);
    // The app's own page: same origin. A wrong password is then the ordinary 401, not a refusal for the site.
    expect((await login({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(401);
    // A reading request from anywhere is not a change and is not refused for its origin.
    expect((await fetch(`${server.url}/api/health`, { headers: { Origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('checks every state-changing method, and an opaque Origin (a sandboxed frame, a file) counts as another site', async () => {
    const logout = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' } });
    expect(logout.status).toBe(403);
    const push = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Origin: 'null' },
      body: JSON.stringify({ clientId: '0c0c0c0c-0000-4000-8000-0000000000c0', ops: [] }),
    });
    expect(push.status).toBe(403);
    // The session survived the refused log-out.
    expect((await fetch(`${server.url}/api/session`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('trusts the browser’s Sec-Fetch-Site: same-origin over a proxy’s rewritten Host; lets through what no browser sent', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username: 'admin', password: 'feil' }) });
    // The development server proxies /api and rewrites Host; the browser still says same-origin.
    expect((await login({ Origin: 'http://localhost:5173', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(401);
    // An older browser sends Origin only: the same host passes.
    expect((await login({ Origin: server.url })).status).toBe(401);
    // Neither header: the command line, a script, a test. It carries no visitor's credentials (the token is no cookie).
    expect((await login({})).status).toBe(401);
  });
});
