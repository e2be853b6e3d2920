// Account defaults against the real server process: a new password must not be a common one, and a session ends a
// fixed time after log-in however busy it is (its start moved back in the server's own database file, as 13 hours of
// work would have).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process';

let server: ServerProcess;
beforeAll(async () => {
  // On SQLite under npm run test:postgres too: these tests read the SQLite file itself.
  server = await startServer({ demo: true, postgres: false });
}, 60_000);
afterAll(async () => server?.stop());

async function login(username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe('account defaults', () => {
  it('refuses a common password for a new account, on the password field, and takes a sentence', async () => {
    const token = await login('admin');
    const create = (password: string) =>
      fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'ny.inspektor', name: 'Ny Inspektør', roles: ['inspector'], password }),
      });
    for (const weak of ['password', 'Password2024', 'Sommer2024!!']) {
      const res = await create(weak);
      expect([weak, res.status]).toEqual([weak, 400]);
      const { error } = (await res.json()) as { error: { issues: { path: string[]; message: string }[] } };
      expect(error.issues.map((i) => i.path.join('.'))).toEqual(['password']);
    }
    expect((await create('blå sykkel i regnvær')).status).toBe(201);
  });

  it('ends a session 12 hours after log-in, even one in use all the time', async () => {
    const token = await login('inspektor');
    const me = () => fetch(`${server.url}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    const db = new Database(join(server.dataDir, 'egnet.sqlite'));
    const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000).toISOString();
    // Used a minute ago, started 11 h 59 min ago: still valid.
    db.prepare('UPDATE sessions SET created_at = ?, last_used_at = ? WHERE revoked_at IS NULL').run(hoursAgo(11.98), hoursAgo(0.01));
    expect((await me()).status).toBe(200);
    db.prepare('UPDATE sessions SET created_at = ?, last_used_at = ? WHERE revoked_at IS NULL').run(hoursAgo(12.01), hoursAgo(0.01));
    db.close();
    const ended = await me();
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as { error: { code: string } }).error.code).toBe('session_expired');
  });
});
