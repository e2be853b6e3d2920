// The API's contract through app.request() on a temp SQLite file: health, every error code and its JSON shape.
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireUser } from '../../../src/server/auth/requireUser';
import { CONTENT_SECURITY_POLICY } from '../../../src/server/http/securityHeaders';
import { readJson } from '../../../src/server/http/readJson';
import { z } from 'zod';
import { tempApp, type TempApp } from '../../support/temp-app';

let t: TempApp;
const count = (table: string) => (t.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  t.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string; issues?: unknown[] } };
  expect(body.error.code).toBe(code);
  // Every message a person may see is Bokmål first, then English.
  expect(body.error.message).toMatch(/ \/ /);
  expectSecurityHeaders(res);
  return body.error;
}

beforeAll(async () => {
  t = await tempApp({ demo: true });
  // Routes added after createApp, the way other features add theirs, to reach 403/500 paths.
  t.app.get('/api/test/admin-only', requireUser('admin'), (c) => c.json({ user: c.get('user').username }));
  t.app.get('/api/test/any-role', requireUser('admin', 'inspector'), (c) => c.json({ ok: true }));
  t.app.get('/api/test/crash', () => {
    throw new Error('SQLITE_CORRUPT at /srv/secret/path');
  });
  t.app.get('/api/test/teapot', () => {
    throw new HTTPException(418, { message: 'teapot' });
  });
  t.app.post('/api/test/big', async (c) => c.json(await readJson(c, z.object({ s: z.string() }), 200_000)));
});
afterAll(() => t.close());

describe('health', () => {
  it('reports ok, the version and the database kind', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: '0.0.0-test', db: 'sqlite' });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expectSecurityHeaders(res);
  });
});

describe('errors', () => {
  it('400 bad_json for malformed JSON, and nothing is written', async () => {
    const before = { sessions: count('sessions'), failures: count('login_failures') };
    await expectError(await post('/api/session', '{"username": "admin", "password": '), 400, 'bad_json');
    await expectError(await post('/api/session', ''), 400, 'bad_json');
    expect({ sessions: count('sessions'), failures: count('login_failures') }).toEqual(before);
  });

  it('400 invalid with zod issues when the JSON has the wrong shape, and nothing is written', async () => {
    const before = count('login_failures');
    const err = await expectError(await post('/api/session', JSON.stringify({ username: 'admin' })), 400, 'invalid');
    expect(err.issues).toEqual([expect.objectContaining({ path: ['password'], code: 'invalid_type' })]);
    expect(count('login_failures')).toBe(before);
  });

  it('413 too_large over the default 64 KiB JSON limit, by Content-Length and by bytes actually sent', async () => {
    const before = count('login_failures');
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(70 * 1024) });
    await expectError(await post('/api/session', big), 413, 'too_large');
    // No Content-Length: a streamed body is counted as it arrives.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const res = await t.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    await expectError(res, 413, 'too_large');
    expect(count('login_failures')).toBe(before);
  });

  it('a route can take a larger body than the default', async () => {
    const res = await post('/api/test/big', JSON.stringify({ s: 'y'.repeat(100_000) }));
    expect(res.status).toBe(200);
    await expectError(await post('/api/test/big', JSON.stringify({ s: 'y'.repeat(210_000) })), 413, 'too_large');
  });

  it('404 JSON for unknown API routes, any method', async () => {
    await expectError(await t.app.request('/api/nothing-here'), 404, 'not_found');
    await expectError(await t.app.request('/api'), 404, 'not_found');
    await expectError(await post('/api/nothing/here', '{}'), 404, 'not_found');
  });

  it('401 without a token, with a malformed token and with an unknown token', async () => {
    await expectError(await t.app.request('/api/session'), 401, 'unauthenticated');
    await expectError(await t.app.request('/api/session', { headers: { Authorization: 'Bearer nope' } }), 401, 'unauthenticated');
    const unknown = 'A'.repeat(43);
    const res = await t.app.request('/api/session', { headers: { Authorization: `Bearer ${unknown}` } });
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    await expectError(res, 401, 'unauthenticated');
  });

  it('403 for a signed-in user without the role; the role passes', async () => {
    const inspector = await t.login('inspektor');
    await expectError(
      await t.app.request('/api/test/admin-only', { headers: { Authorization: `Bearer ${inspector}` } }),
      403,
      'forbidden',
    );
    const ok = await t.app.request('/api/test/any-role', { headers: { Authorization: `Bearer ${inspector}` } });
    expect(ok.status).toBe(200);
    const admin = await t.login('admin');
    const res = await t.app.request('/api/test/admin-only', { headers: { Authorization: `Bearer ${admin}` } });
    expect(await res.json()).toEqual({ user: 'admin' });
  });

  it('500 JSON without internals for an unexpected error, naming the request id the log line has', async () => {
    const res = await t.app.request('/api/test/crash');
    const text = await res.clone().text();
    expect(text).not.toMatch(/SQLITE|secret|Error/);
    await expectError(res, 500, 'internal');
    // The details go to the server log under this id (tests/integration/server/logs.test.ts reads that line).
    const id = res.headers.get('X-Request-Id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).toContain(id);
  });

  it('other HTTP errors keep their status in the same JSON shape', async () => {
    await expectError(await t.app.request('/api/test/teapot'), 418, 'http_418');
  });
});
