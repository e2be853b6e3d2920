// Accounts through app.request(): log-in, same message for unknown user and wrong password, throttling, expiry, log-out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../src/core/demo/users';
import { hashToken } from '../../../src/server/auth/sessions';
import { tempApp, type TempApp } from '../../support/temp-app';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let t: TempApp;

const login = (username: string, password: string) =>
  t.app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
const me = (token: string) => t.app.request('/api/session', { headers: { Authorization: `Bearer ${token}` } });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

beforeEach(async () => {
  t = await tempApp({ demo: true });
});
afterEach(() => t.close());

describe('log-in', () => {
  it('returns a 256-bit token and the user; the database keeps only its SHA-256', async () => {
    const res = await login('inspektor', 'demo');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: unknown };
    expect(body.user).toEqual(DEMO_USERS.find((u) => u.username === 'inspektor'));
    expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
    const stored = t.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored).toEqual([{ token_hash: hashToken(body.token) }]);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM sessions').all())).not.toContain(body.token);
  });

  it('accepts the username in any case and with spaces around it', async () => {
    expect((await login(' Inspektor ', 'demo')).status).toBe(200);
  });

  it('stores passwords as salted scrypt hashes', () => {
    const rows = t.db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$65536\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(4);
  });

  it('answers 401 with the same message for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody', 'demo');
    const wrong = await login('inspektor', 'not-demo');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    const [a, b] = [await errorOf(unknown), await errorOf(wrong)];
    expect(a).toEqual(b);
    expect(a.message).toBe('Feil brukernavn eller passord / Wrong username or password');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('refuses a disabled account with the same 401, and its open sessions', async () => {
    const token = await t.login('boveileder');
    t.db.prepare("UPDATE users SET disabled = 1 WHERE username = 'boveileder'").run();
    const res = await login('boveileder', 'demo');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('wrong_login');
    expect((await errorOf(await me(token))).code).toBe('session_expired');
  });
});

describe('throttling', () => {
  it('after 10 failures within 15 minutes answers 429 with Retry-After, even to the right password, then lets in again', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await login('inspektor', `wrong-${i}`)).status).toBe(401);
      t.advance(30_000);
    }
    // The first failure was 5 minutes ago, so the username is free again in 10 minutes.
    const blocked = await login('inspektor', 'demo');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBe(10 * 60);
    expect((await errorOf(blocked)).code).toBe('too_many_attempts');
    // Other usernames are not affected.
    expect((await login('admin', 'demo')).status).toBe(200);
    t.advance(10 * MINUTE - 1000);
    expect((await login('inspektor', 'demo')).status).toBe(429);
    t.advance(1000);
    expect((await login('inspektor', 'demo')).status).toBe(200);
  });

  it('parallel guesses cannot get past the limit while passwords are being hashed', async () => {
    const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => login('admin', `guess-${i}`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(4).fill(429)]);
  });

  it('counts unknown usernames the same way, so throttling does not reveal which exist', async () => {
    for (let i = 0; i < 10; i++) expect((await login('ghost', 'x')).status).toBe(401);
    const res = await login('ghost', 'x');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBe(15 * 60);
  });

  it('failures spread wider than 15 minutes never lock; a success clears the count', async () => {
    // 12 failures, 2 minutes apart: never more than 8 inside one 15-minute window.
    for (let i = 0; i < 12; i++) {
      expect((await login('inntak', 'wrong')).status).toBe(401);
      t.advance(2 * MINUTE);
    }
    for (let i = 0; i < 9; i++) expect((await login('admin', 'wrong')).status).toBe(401);
    expect((await login('admin', 'demo')).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await login('admin', 'wrong')).status).toBe(401);
    expect((await login('admin', 'demo')).status).toBe(200);
  });
});

describe('session', () => {
  it('GET /api/session returns the user; DELETE revokes the token for good', async () => {
    const token = await t.login('admin');
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: DEMO_USERS[0] });
    const del = await t.app.request('/api/session', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    const after = await me(token);
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('session_expired');
    // Revoking one device's session leaves the others signed in.
    const other = await t.login('admin');
    expect((await me(other)).status).toBe(200);
  });

  it('expires after 30 days unused; use slides the expiry forward', async () => {
    // The idle rule alone: the lifetime since log-in (12 hours by default) is set out of the way here.
    t.deps.security = { sessionMaxAgeMs: 365 * DAY };
    const used = await t.login('inspektor');
    const idle = await t.login('admin');
    t.advance(20 * DAY);
    expect((await me(used)).status).toBe(200);
    t.advance(10 * DAY);
    // 30 days since the idle one was last used; 10 since the other.
    const expired = await me(idle);
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).code).toBe('session_expired');
    expect((await me(used)).status).toBe(200);
    t.advance(30 * DAY - 1);
    expect((await me(used)).status).toBe(200);
    t.advance(30 * DAY);
    expect((await me(used)).status).toBe(401);
  });

  it('ends 12 hours after log-in however busy it is, or after EGNET_SESSION_HOURS', async () => {
    const token = await t.login('inspektor');
    for (let h = 0; h < 11; h++) {
      t.advance(60 * MINUTE);
      expect((await me(token)).status).toBe(200);
    }
    t.advance(60 * MINUTE - 1);
    expect((await me(token)).status).toBe(200);
    t.advance(1);
    const ended = await me(token);
    expect(ended.status).toBe(401);
    expect((await errorOf(ended)).code).toBe('session_expired');
    // A new log-in starts a new lifetime.
    expect((await me(await t.login('inspektor'))).status).toBe(200);
    t.deps.security = { sessionMaxAgeMs: 2 * 60 * MINUTE };
    const short = await t.login('admin');
    t.advance(2 * 60 * MINUTE);
    expect((await me(short)).status).toBe(401);
  });

  it('a request that fails does not slide the expiry (nothing is written)', async () => {
    const token = await t.login('inspektor');
    const lastUsed = () => (t.db.prepare('SELECT last_used_at FROM sessions').get() as { last_used_at: string }).last_used_at;
    const before = lastUsed();
    t.advance(2 * 60 * MINUTE);
    const res = await t.app.request('/api/nowhere', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(lastUsed()).toBe(before);
    expect((await me(token)).status).toBe(200);
    expect(lastUsed()).toBe(t.deps.now().toISOString());
  });
});
