// Account administration through the real server process: list, create, change, disable, temporary password, the log;
// 401/403 for everyone but administrators, 400 saying what to fix, 409 for a taken username and for self-lockout.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../src/core/demo/users';
import type { Account, AccountLogEntry } from '../../../src/core/schemas/account';
import type { PullResponse } from '../../../src/core/sync/protocol';
import { startServer, type ServerProcess } from '../../support/server-process';

let server: ServerProcess;
const tokens = new Map<string, string>();
const ADMIN_ID = DEMO_USERS.find((u) => u.username === 'admin')!.id;
const INTAKE_ID = DEMO_USERS.find((u) => u.username === 'inntak')!.id;
const COUNSELLOR_ID = DEMO_USERS.find((u) => u.username === 'boveileder')!.id;

type ErrorBody = { error: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } };

async function login(username: string, password = 'demo'): Promise<Response> {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

async function tokenFor(username: string, password = 'demo'): Promise<string> {
  const res = await login(username, password);
  expect(res.status, `log-in as ${username}`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function call(path: string, init: { as?: string; token?: string; method?: string; json?: unknown; body?: string } = {}): Promise<Response> {
  const headers = new Headers();
  const token = init.token ?? (init.as ? tokens.get(init.as) : undefined);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.json !== undefined || init.body !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
  });
}

const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const issuePaths = async (res: Response) => (await errorOf(res)).issues?.map((i) => i.path.join('.')) ?? [];

async function createUser(body: Record<string, unknown>): Promise<Account> {
  const res = await call('/api/users', { as: 'admin', method: 'POST', json: body });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { user: Account }).user;
}

async function logOf(id: string): Promise<AccountLogEntry[]> {
  const res = await call(`/api/users/${id}/log`, { as: 'admin' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: AccountLogEntry[] }).entries;
}

async function pullAll(token: string, cursor = 0): Promise<PullResponse> {
  const changes: PullResponse['changes'] = [];
  for (;;) {
    const res = await call(`/api/sync/pull?cursor=${cursor}&limit=1000`, { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, generation: page.generation, hasMore: false };
  }
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  for (const u of ['admin', 'inspektor', 'boveileder', 'inntak']) tokens.set(u, await tokenFor(u));
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

describe('who may', () => {
  const someone = COUNSELLOR_ID;
  const endpoints = [
    { method: 'GET', path: '/api/users' },
    { method: 'POST', path: '/api/users', json: { username: 'x-user', name: 'X', roles: ['intake'], password: 'langt-passord' } },
    { method: 'GET', path: `/api/users/${someone}` },
    { method: 'PATCH', path: `/api/users/${someone}`, json: { name: 'Ny' } },
    { method: 'PUT', path: `/api/users/${someone}/password`, json: { password: 'langt-passord' } },
    { method: 'GET', path: `/api/users/${someone}/log` },
  ];

  it('answers 401 without a session and 403 to every role but administrator, changing nothing', async () => {
    for (const e of endpoints) {
      expect((await call(e.path, { method: e.method, json: e.json })).status, `${e.method} ${e.path} anonymous`).toBe(401);
      for (const as of ['inspektor', 'boveileder', 'inntak']) {
        const res = await call(e.path, { as, method: e.method, json: e.json });
        expect(res.status, `${e.method} ${e.path} as ${as}`).toBe(403);
        expect((await errorOf(res)).code).toBe('forbidden');
      }
    }
    const db = new Database(join(server.dataDir, 'egnet.sqlite'), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM users WHERE username = 'x-user'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM users WHERE id = ?').get(someone)).toEqual({ name: 'Berit Boveileder' });
    db.close();
    // Everyone still reads their own units through the older route.
    expect((await call(`/api/users/${INTAKE_ID}/units`, { as: 'inntak' })).status).toBe(200);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const path of ['/api/users/00000000-0000-4000-8000-0000000000ff', '/api/users/nope', '/api/users/nope/log']) {
      const res = await call(path, { as: 'admin' });
      expect(res.status, path).toBe(404);
      expect((await errorOf(res)).code).toBe('not_found');
    }
    expect((await call('/api/users/00000000-0000-4000-8000-0000000000ff', { as: 'admin', method: 'PATCH', json: { name: 'X' } })).status).toBe(404);
  });
});

describe('GET /api/users', () => {
  it('lists every account with roles, units and status, and never a password hash', async () => {
    const res = await call('/api/users', { as: 'admin' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/scrypt|password/);
    const { users } = JSON.parse(text) as { users: Account[] };
    const inntak = users.find((u) => u.username === 'inntak')!;
    expect(inntak).toMatchObject({ id: INTAKE_ID, name: 'Ingrid Inntak', roles: ['intake'], units: ['nav'], disabled: false });
    expect(users.find((u) => u.username === 'admin')).toMatchObject({ roles: ['admin'], units: [] });
  });
});

describe('POST /api/users', () => {
  it('creates an account who can log in at once, with units, and logs who created it', async () => {
    const user = await createUser({ username: ' Kari.Nordmann ', name: ' Kari Nordmann ', roles: ['counsellor', 'admin', 'counsellor'], units: ['refugeeUnit'], password: 'midlertidig-1' });
    expect(user).toMatchObject({ username: 'kari.nordmann', name: 'Kari Nordmann', roles: ['admin', 'counsellor'], units: ['refugeeUnit'], disabled: false });
    const res = await login('kari.nordmann', 'midlertidig-1');
    expect(res.status).toBe(200);
    // The first password is temporary: the session says the person must change it.
    expect(((await res.json()) as { user: unknown }).user).toEqual({ id: user.id, username: 'kari.nordmann', name: 'Kari Nordmann', roles: ['admin', 'counsellor'], mustChangePassword: true });
    const log = await logOf(user.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'create', actorId: ADMIN_ID, actorName: 'Ada Administrator' });
    expect(log[0]!.changes.roles).toEqual({ from: null, to: ['admin', 'counsellor'] });
    expect(JSON.stringify(log)).not.toContain('midlertidig');
  });

  it('answers 409 for a taken username in any case, next to the username', async () => {
    const res = await call('/api/users', { as: 'admin', method: 'POST', json: { username: 'ADMIN', name: 'Ny', roles: ['intake'], password: 'langt-passord' } });
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe('username_taken');
    expect(error.message).toMatch(/Brukernavnet «admin» er tatt \/ The username "admin" is taken/);
    expect(error.issues?.[0]?.path).toEqual(['username']);
  });

  it('answers 400 saying what to fix, field by field, in Bokmål and English', async () => {
    const res = await call('/api/users', { as: 'admin', method: 'POST', json: { username: 'Å', name: '  ', roles: [], units: ['Mars!'], password: 'kort' } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid');
    const byPath = Object.fromEntries(error.issues!.map((i) => [i.path.join('.'), i.message]));
    expect(byPath.username).toMatch(/2–64 tegn.*\/ The username needs 2–64/);
    expect(byPath.name).toBe('Skriv navnet / Enter the name');
    expect(byPath.roles).toBe('Velg minst én rolle / Choose at least one role');
    expect(byPath['units.0']).toMatch(/^Ugyldig enhets-ID.* \/ Invalid unit id/);
    expect(byPath.password).toBe('Passordet må ha minst 12 tegn / The password needs at least 12 characters');

    const unknownRole = await call('/api/users', { as: 'admin', method: 'POST', json: { username: 'per', name: 'Per', roles: ['boss'], password: 'langt-passord' } });
    expect(await issuePaths(unknownRole)).toEqual(['roles.0']);
    const extra = await call('/api/users', { as: 'admin', method: 'POST', json: { username: 'per', name: 'Per', roles: ['intake'], password: 'langt-passord', disabled: true } });
    expect(extra.status).toBe(400);
    expect((await errorOf(extra)).issues?.[0]).toMatchObject({ path: [] });
    const missing = await call('/api/users', { as: 'admin', method: 'POST', json: {} });
    expect((await issuePaths(missing)).sort()).toEqual(['name', 'password', 'roles', 'username']);
    const notJson = await call('/api/users', { as: 'admin', method: 'POST', body: '{"username": ' });
    expect([notJson.status, (await errorOf(notJson)).code]).toEqual([400, 'bad_json']);
    expect((await login('per', 'langt-passord')).status).toBe(401);
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes name, roles and units, logs only what changed, and a no-op logs nothing', async () => {
    const user = await createUser({ username: 'endre', name: 'Endre Endring', roles: ['inspector'], password: 'langt-passord' });
    const res = await call(`/api/users/${user.id}`, { as: 'admin', method: 'PATCH', json: { name: 'Endre Ny', roles: ['intake'], units: ['nav', 'husbanken'] } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: Account }).user).toMatchObject({ name: 'Endre Ny', roles: ['intake'], units: ['nav', 'husbanken'] });
    expect((await call(`/api/users/${user.id}`, { as: 'admin', method: 'PATCH', json: { name: 'Endre Ny', roles: ['intake'] } })).status).toBe(200);
    const log = await logOf(user.id);
    expect(log.map((e) => e.action)).toEqual(['update', 'create']);
    expect(log[0]!.changes).toEqual({
      name: { from: 'Endre Endring', to: 'Endre Ny' },
      roles: { from: ['inspector'], to: ['intake'] },
      // Units are kept in the list's order, whatever order they were sent in.
      units: { from: [], to: ['nav', 'husbanken'] },
    });
    // The person's session now carries the new roles.
    const me = await call('/api/session', { token: await tokenFor('endre', 'langt-passord') });
    expect(((await me.json()) as { user: { roles: string[] } }).user.roles).toEqual(['intake']);
    const bad = await call(`/api/users/${user.id}`, { as: 'admin', method: 'PATCH', json: { roles: 'admin', username: 'nytt' } });
    expect(bad.status).toBe(400);
    expect((await issuePaths(bad)).sort()).toEqual(['', 'roles']);
  });

  it('refuses an administrator removing their own administrator role or disabling themselves (409), changing nothing', async () => {
    const demote = await call(`/api/users/${ADMIN_ID}`, { as: 'admin', method: 'PATCH', json: { roles: ['counsellor'] } });
    expect(demote.status).toBe(409);
    const e1 = await errorOf(demote);
    expect(e1.code).toBe('self_lockout');
    expect(e1.issues?.[0]).toMatchObject({ path: ['roles'], message: 'Du kan ikke ta bort din egen administratorrolle / You cannot remove your own administrator role' });
    const disable = await call(`/api/users/${ADMIN_ID}`, { as: 'admin', method: 'PATCH', json: { disabled: true, name: 'Borte' } });
    expect(disable.status).toBe(409);
    expect((await errorOf(disable)).issues?.[0]?.path).toEqual(['disabled']);
    const me = await call(`/api/users/${ADMIN_ID}`, { as: 'admin' });
    expect(((await me.json()) as { user: Account }).user).toMatchObject({ name: 'Ada Administrator', roles: ['admin'], disabled: false });
    // Adding a role to oneself, or changing one's own name, is fine.
    const more = await call(`/api/users/${ADMIN_ID}`, { as: 'admin', method: 'PATCH', json: { roles: ['admin', 'counsellor'] } });
    expect(more.status).toBe(200);
    expect((await call(`/api/users/${ADMIN_ID}`, { as: 'admin', method: 'PATCH', json: { roles: ['admin'] } })).status).toBe(200);
  });

  it('disabling ends the person’s sessions (401 session_expired) and log-in; enabling lets them log in again, old tokens stay dead', async () => {
    const user = await createUser({ username: 'slutter', name: 'Sissel Slutter', roles: ['counsellor'], password: 'langt-passord' });
    const token = await tokenFor('slutter', 'langt-passord');
    expect((await call('/api/session', { token })).status).toBe(200);
    const off = await call(`/api/users/${user.id}`, { as: 'admin', method: 'PATCH', json: { disabled: true } });
    expect(((await off.json()) as { user: Account }).user.disabled).toBe(true);
    const refused = await call('/api/sync/pull?cursor=0', { token });
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe('session_expired');
    expect((await login('slutter', 'langt-passord')).status).toBe(401);

    expect((await call(`/api/users/${user.id}`, { as: 'admin', method: 'PATCH', json: { disabled: false } })).status).toBe(200);
    expect((await call('/api/session', { token })).status).toBe(401);
    expect((await login('slutter', 'langt-passord')).status).toBe(200);
    expect((await logOf(user.id))[1]!.changes).toEqual({ disabled: { from: false, to: true } });
  });
});

describe('PUT /api/users/:id/password', () => {
  it('sets a temporary password: the old one stops working, open sessions end, the log says when but not what', async () => {
    const user = await createUser({ username: 'glemsk', name: 'Gunnar Glemsk', roles: ['inspector'], password: 'gammelt-passord' });
    const token = await tokenFor('glemsk', 'gammelt-passord');
    const short = await call(`/api/users/${user.id}/password`, { as: 'admin', method: 'PUT', json: { password: 'kort' } });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).issues?.[0]).toMatchObject({ path: ['password'], message: 'Passordet må ha minst 12 tegn / The password needs at least 12 characters' });
    const common = await call(`/api/users/${user.id}/password`, { as: 'admin', method: 'PUT', json: { password: 'velkommen123' } });
    expect(common.status).toBe(400);
    expect((await errorOf(common)).issues?.[0]).toMatchObject({ path: ['password'], message: expect.stringMatching(/for vanlig og lett å gjette/) });

    const res = await call(`/api/users/${user.id}/password`, { as: 'admin', method: 'PUT', json: { password: 'nytt-midlertidig' } });
    expect(res.status).toBe(204);
    expect((await call('/api/session', { token })).status).toBe(401);
    expect((await login('glemsk', 'gammelt-passord')).status).toBe(401);
    expect((await login('glemsk', 'nytt-midlertidig')).status).toBe(200);
    const log = await logOf(user.id);
    expect(log[0]).toMatchObject({ action: 'password', changes: {}, actorId: ADMIN_ID });
    expect(JSON.stringify(log)).not.toContain('midlertidig');
  });

  it('keeps the administrator’s own session when they set their own password', async () => {
    const own = await tokenFor('admin');
    expect((await call(`/api/users/${ADMIN_ID}/password`, { token: own, method: 'PUT', json: { password: 'demo-demo-demo' } })).status).toBe(204);
    expect((await call('/api/users', { token: own })).status).toBe(200);
    expect((await call('/api/users', { as: 'admin' })).status).toBe(401);
    // Put back, so the rest of the file signs in as before.
    expect((await call(`/api/users/${ADMIN_ID}/password`, { token: own, method: 'PUT', json: { password: 'nok-et-nytt-passord' } })).status).toBe(204);
    tokens.set('admin', own);
  });
});

describe('units decide what reaches the person’s devices', () => {
  it('a unit taken away sends the shared households as deleted at the next sync; given back, they return', async () => {
    const token = await tokenFor('inntak');
    const first = await pullAll(token);
    const seen = first.changes.filter((c) => c.entity === 'household' && !c.deleted).map((c) => c.id);
    expect(seen.length).toBeGreaterThan(0);

    const res = await call(`/api/users/${INTAKE_ID}`, { as: 'admin', method: 'PATCH', json: { units: [] } });
    expect(res.status).toBe(200);
    const after = await pullAll(token, first.cursor);
    const dropped = after.changes.filter((c) => c.entity === 'household');
    expect(dropped.map((c) => c.id).sort()).toEqual(expect.arrayContaining(seen.sort()));
    expect(dropped.every((c) => c.deleted)).toBe(true);

    // The older units route goes through the same change: logged, and the households come back.
    const put = await call(`/api/users/${INTAKE_ID}/units`, { as: 'admin', method: 'PUT', json: { units: ['nav'] } });
    expect(((await put.json()) as { units: string[] }).units).toEqual(['nav']);
    const back = await pullAll(token, after.cursor);
    expect(back.changes.filter((c) => c.entity === 'household' && !c.deleted).map((c) => c.id).sort()).toEqual(seen.sort());
    const log = await logOf(INTAKE_ID);
    expect(log.slice(0, 2).map((e) => e.changes.units)).toEqual([{ from: [], to: ['nav'] }, { from: ['nav'], to: [] }]);
  });
});
