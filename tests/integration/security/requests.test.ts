// Hostile request bodies against the real server process: JSON nested far deeper than any real body is refused with
// 400 before it reaches a parser or schema check (200,000 levels once overflowed the stack and answered 500), and
// the server goes on answering.
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
});
