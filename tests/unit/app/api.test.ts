// apiFetch: bearer token, JSON bodies, the server's error shape as ApiError, 401 expiring the session, no answer = status 0.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch } from '../../../src/app/api';
import { getSession, setSession } from '../../../src/app/session';
import { memoryStorage } from '../../support/memory-storage';

const USER = { id: 'u1', username: 'inspektor', name: 'Ivar Inspektør', roles: ['inspector' as const] };

let calls: { url: string; init: RequestInit }[];

function answer(res: Response | Error) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (res instanceof Error) throw res;
      return res;
    }),
  );
}

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  setSession({ token: 'tok', user: USER });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends the bearer token and a JSON body, and returns the parsed answer', async () => {
    answer(Response.json({ ok: true }));
    const got = await apiFetch<{ ok: boolean }>('/api/x', { method: 'POST', json: { a: 1 } });
    expect(got).toEqual({ ok: true });
    const headers = new Headers(calls[0]!.init.headers);
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"a":1}');
  });

  it('sends no token when anonymous, and returns undefined for 204', async () => {
    answer(new Response(null, { status: 204 }));
    expect(await apiFetch('/api/session', { method: 'DELETE', anonymous: true })).toBeUndefined();
    expect(new Headers(calls[0]!.init.headers).has('Authorization')).toBe(false);
  });

  it('turns the server error shape into an ApiError with code, message, issues and Retry-After', async () => {
    const body = { error: { code: 'too_many_attempts', message: 'Vent', issues: [{ path: ['x'] }] } };
    answer(Response.json(body, { status: 429, headers: { 'Retry-After': '840' } }));
    const err = await apiFetch('/api/session').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'too_many_attempts', message: 'Vent', retryAfterSeconds: 840 });
    expect((err as ApiError).issues).toEqual([{ path: ['x'] }]);
    expect((err as ApiError).isNetwork).toBe(false);
  });

  it('keeps the status when the error body is not JSON', async () => {
    answer(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('marks the session expired on 401 to a call that carried the token, and keeps it', async () => {
    answer(Response.json({ error: { code: 'unauthorized', message: 'x' } }, { status: 401 }));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ status: 401 });
    expect(getSession()).toMatchObject({ token: 'tok', user: USER, expired: true });
  });

  it('does not expire the session on a 401 to an anonymous call (a wrong password at log-in)', async () => {
    answer(Response.json({ error: { code: 'wrong_login', message: 'x' } }, { status: 401 }));
    await expect(apiFetch('/api/session', { method: 'POST', anonymous: true, json: {} })).rejects.toMatchObject({
      status: 401,
    });
    expect(getSession()?.expired).toBeUndefined();
  });

  it('reports no answer as status 0, code network', async () => {
    answer(new TypeError('Failed to fetch'));
    const err = (await apiFetch('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.isNetwork).toBe(true);
    expect(err.code).toBe('network');
  });
});
