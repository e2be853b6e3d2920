// Temporary passwords through the real server process: an administrator's password marks the account, every route but
// the session and the password change answers 403 while marked (sync push included, and the sync client waits), and
// PUT /api/session/password checks like a log-in, clears the mark, logs the fact and ends the person's other sessions.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/core/entities';
import type { Account, AccountLogEntry } from '../../../src/core/schemas/account';
import { startServer, type ServerProcess } from '../../support/server-process';
import { makeDevice } from '../sync/device';
import { sampleDwelling } from '../sync/sample-records';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let server: ServerProcess;
let admin: string;

type ErrorBody = { error: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } };

function call(path: string, init: { token?: string; method?: string; json?: unknown; body?: BodyInit; type?: string } = {}): Promise<Response> {
  const headers = new Headers();
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  else if (init.type) headers.set('Content-Type', init.type);
  return fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
  });
}

async function login(username: string, password: string): Promise<{ token: string; user: SessionUser }> {
  const res = await call('/api/session', { method: 'POST', json: { username, password } });
  expect(res.status, `log-in as ${username}`).toBe(200);
  return (await res.json()) as { token: string; user: SessionUser };
}

const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

async function createUser(username: string, password: string, roles = ['inspector']): Promise<Account> {
  const res = await call('/api/users', { token: admin, method: 'POST', json: { username, name: `Test ${username}`, roles, password } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { user: Account }).user;
}

function changePassword(token: string, currentPassword: string, newPassword: string): Promise<Response> {
  return call('/api/session/password', { token, method: 'PUT', json: { currentPassword, newPassword } });
}

function readDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(server.dataDir, 'egnet.sqlite'), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const failures = (username: string) =>
  readDb((db) => (db.prepare('SELECT COUNT(*) AS n FROM login_failures WHERE username = ?').get(username) as { n: number }).n);

beforeAll(async () => {
  server = await startServer({ demo: true });
  admin = (await login('admin', 'demo')).token;
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

describe('a temporary password', () => {
  it('marks the account created by an administrator: the log-in answer and GET /api/session say so', async () => {
    const account = await createUser('tina', 'midlertidig-1');
    expect(account.mustChangePassword).toBe(true);
    const { token, user } = await login('tina', 'midlertidig-1');
    expect(user.mustChangePassword).toBe(true);
    const res = await call('/api/session', { token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: SessionUser }).user).toMatchObject({ username: 'tina', mustChangePassword: true });
  });

  it('gets 403 password_change_required on every other route, sync push included, and nothing is stored', async () => {
    const { token } = await login('tina', 'midlertidig-1');
    const blob = 'a'.repeat(64);
    const household = '00000000-0000-4000-8000-0000000000aa';
    const me = readDb((db) => (db.prepare("SELECT id FROM users WHERE username = 'tina'").get() as { id: string }).id);
    const routes: { method: string; path: string; json?: unknown; body?: BodyInit; type?: string }[] = [
      {
        method: 'POST',
        path: '/api/sync/push',
        json: {
          clientId: crypto.randomUUID(),
          ops: [{ opId: crypto.randomUUID(), entity: 'dwelling', id: crypto.randomUUID(), baseRev: 0, set: sampleDwelling(1) }],
        },
      },
      { method: 'GET', path: '/api/sync/pull?cursor=0' },
      { method: 'HEAD', path: `/api/blobs/${blob}` },
      { method: 'GET', path: `/api/blobs/${blob}` },
      { method: 'PUT', path: `/api/blobs/${blob}`, body: new Uint8Array([1, 2, 3]), type: 'image/jpeg' },
      { method: 'GET', path: `/api/households/${household}` },
      { method: 'GET', path: `/api/users/${me}/units` },
      { method: 'GET', path: '/api/figures' },
      { method: 'GET', path: '/api/users' },
      { method: 'GET', path: '/api/counsellors' },
    ];
    for (const r of routes) {
      const res = await call(r.path, { token, method: r.method, json: r.json, body: r.body, type: r.type });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      if (r.method === 'HEAD') continue;
      const error = await errorOf(res);
      expect(error.code, `${r.method} ${r.path}`).toBe('password_change_required');
      expect(error.message).toMatch(/midlertidige passordet.* \/ You must change the temporary password/);
    }
    expect(readDb((db) => db.prepare("SELECT COUNT(*) AS n FROM records WHERE entity = 'dwelling' AND json_extract(data, '$.address') = 'Testvegen 1'").get())).toEqual({ n: 0 });
  });

  it('makes the sync client wait with its changes queued, never marking them rejected', async () => {
    const { token } = await login('tina', 'midlertidig-1');
    const device = makeDevice('tina-tablet', { getToken: () => token, baseUrl: server.url });
    try {
      await device.repo('dwelling').create(sampleDwelling(2));
      const out = await device.client.sync();
      expect(out).toMatchObject({ ok: false, code: 'password_change' });
      expect(await device.db.outbox.count()).toBe(1);
      expect(await device.db.rejected.count()).toBe(0);
      expect(await device.db.conflicts.count()).toBe(0);
    } finally {
      device.close();
    }
  });
});

describe('PUT /api/session/password', () => {
  it('refuses a wrong current password (counted like a failed log-in), a weak one and the same one, keeping the mark', async () => {
    const { token } = await login('tina', 'midlertidig-1');
    const before = failures('tina');
    const wrong = await changePassword(token, 'ikke-dette', 'mitt-eget-passord');
    expect(wrong.status).toBe(400);
    const wrongError = await errorOf(wrong);
    expect(wrongError.code).toBe('wrong_password');
    expect(wrongError.issues?.map((i) => i.path.join('.'))).toEqual(['currentPassword']);
    expect(wrongError.message).toMatch(/Passordet du har nå er feil \/ The password you have now is wrong/);
    expect(failures('tina')).toBe(before + 1);

    const weak = await changePassword(token, 'midlertidig-1', 'kort');
    expect(weak.status).toBe(400);
    const weakError = await errorOf(weak);
    expect(weakError.issues?.map((i) => i.path.join('.'))).toEqual(['newPassword']);
    expect(weakError.issues?.[0]?.message).toMatch(/minst 12 tegn \/ The password needs at least 12 characters/);
    // Long enough but on the common list (with digits added): refused by the server, on the same field.
    const common = await changePassword(token, 'midlertidig-1', 'Password2024');
    expect(common.status).toBe(400);
    expect((await errorOf(common)).issues).toEqual([expect.objectContaining({ path: ['newPassword'], message: expect.stringMatching(/for vanlig og lett å gjette/) })]);

    const same = await changePassword(token, 'midlertidig-1', 'midlertidig-1');
    expect(same.status).toBe(400);
    expect((await errorOf(same)).issues?.[0]).toMatchObject({ path: ['newPassword'], message: expect.stringMatching(/et annet enn/) });

    // The session is not ended by a mistake, and the mark stays.
    const session = await call('/api/session', { token });
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: SessionUser }).user.mustChangePassword).toBe(true);
    expect((await call('/api/sync/pull?cursor=0', { token })).status).toBe(403);
  });

  it('on success clears the mark, keeps this session, ends the others and logs the fact only', async () => {
    const here = await login('tina', 'midlertidig-1');
    const elsewhere = await login('tina', 'midlertidig-1');
    const res = await changePassword(here.token, 'midlertidig-1', 'mitt-eget-passord');
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as { user: SessionUser };
    expect(user.username).toBe('tina');
    expect(user.mustChangePassword).toBeUndefined();
    expect(failures('tina')).toBe(0);

    expect((await call('/api/sync/pull?cursor=0', { token: here.token })).status).toBe(200);
    const session = await call('/api/session', { token: here.token });
    expect(((await session.json()) as { user: SessionUser }).user.mustChangePassword).toBeUndefined();
    const other = await call('/api/session', { token: elsewhere.token });
    expect(other.status).toBe(401);
    expect((await errorOf(other)).code).toBe('session_expired');

    expect((await call('/api/session', { method: 'POST', json: { username: 'tina', password: 'midlertidig-1' } })).status).toBe(401);
    expect((await login('tina', 'mitt-eget-passord')).user.mustChangePassword).toBeUndefined();

    const logRes = await call(`/api/users/${user.id}/log`, { token: admin });
    const entries = ((await logRes.json()) as { entries: AccountLogEntry[] }).entries;
    expect(entries[0]).toMatchObject({ action: 'password', actorId: user.id, changes: {} });
    const stored = readDb((db) => db.prepare('SELECT changes FROM account_audit WHERE user_id = ?').all(user.id) as { changes: string }[]);
    expect(stored.map((r) => r.changes).join(' ')).not.toMatch(/mitt-eget|midlertidig|scrypt/);
  });

  it('lets anyone without a mark change their own password too', async () => {
    const { token } = await login('inspektor', 'demo');
    expect((await changePassword(token, 'demo', 'inspektorens-eget')).status).toBe(200);
    expect((await login('inspektor', 'inspektorens-eget')).user.mustChangePassword).toBeUndefined();
  });

  it('stops guessing through it with the log-in limit: after 10 wrong current passwords, 429 here and at log-in', async () => {
    await createUser('gjett', 'midlertidig-2');
    const { token } = await login('gjett', 'midlertidig-2');
    for (let i = 0; i < 10; i++) expect((await changePassword(token, `feil-${i}`, 'mitt-eget-passord')).status).toBe(400);
    const limited = await changePassword(token, 'midlertidig-2', 'mitt-eget-passord');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await call('/api/session', { method: 'POST', json: { username: 'gjett', password: 'midlertidig-2' } })).status).toBe(429);
  });

  it('needs a session', async () => {
    const res = await call('/api/session/password', { method: 'PUT', json: { currentPassword: 'demo', newPassword: 'langt-passord' } });
    expect(res.status).toBe(401);
  });
});

describe('who gets the mark', () => {
  it('a person whose password an administrator sets, not the administrator setting their own', async () => {
    const account = await createUser('per', 'midlertidig-3');
    const { token } = await login('per', 'midlertidig-3');
    expect((await changePassword(token, 'midlertidig-3', 'pers-eget-passord')).status).toBe(200);
    expect((await login('per', 'pers-eget-passord')).user.mustChangePassword).toBeUndefined();
    expect((await call(`/api/users/${account.id}/password`, { token: admin, method: 'PUT', json: { password: 'nytt-midlertidig' } })).status).toBe(204);
    expect((await login('per', 'nytt-midlertidig')).user.mustChangePassword).toBe(true);

    const me = (await login('admin', 'demo')).user;
    expect((await call(`/api/users/${me.id}/password`, { token: admin, method: 'PUT', json: { password: 'admins-eget-passord' } })).status).toBe(204);
    const again = await login('admin', 'admins-eget-passord');
    expect(again.user.mustChangePassword).toBeUndefined();
    admin = again.token;
    expect((await call('/api/users', { token: admin })).status).toBe(200);
  });

  it('not an account made with npm run user:add', async () => {
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/userAdd.ts', 'forste', 'admin'], {
        cwd: ROOT,
        env: { ...process.env, EGNET_DATA_DIR: server.dataDir },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => resolve({ code, out }));
      child.stdin.end('den-første-dagen\n');
    });
    expect(result.code, result.out).toBe(0);
    const { token, user } = await login('forste', 'den-første-dagen');
    expect(user.mustChangePassword).toBeUndefined();
    expect((await call('/api/users', { token })).status).toBe(200);
  });
});
