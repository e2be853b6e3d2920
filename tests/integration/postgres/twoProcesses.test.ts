// Two Egnet server processes on one PostgreSQL database (EGNET_DATABASE_URL) and one shared photo folder behave as
// one: a session made on either works on both, a push to one is pulled from the other, a photo stored through one is
// served by the other, and log-in throttling counts the failures made on both.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process';
import { createPostgresDatabase, type TestDatabase } from '../../support/postgres';
import { sampleDwelling } from '../sync/sample-records';

let db: TestDatabase;
let shared: string;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  db = await createPostgresDatabase();
  shared = mkdtempSync(join(tmpdir(), 'egnet-shared-'));
  const env = { EGNET_DATABASE_URL: db.url, EGNET_TRUST_PROXY: '1' };
  // Both start at once: migrations and the demo seed run once between them.
  [a, b] = await Promise.all([startServer({ demo: true, dataDir: shared, env }), startServer({ demo: true, dataDir: shared, env })]);
}, 120_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await db?.drop();
  rmSync(shared, { recursive: true, force: true });
});

async function logIn(server: ServerProcess, username: string, password = 'demo', address = '203.0.113.1'): Promise<Response> {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ username, password }),
  });
}

async function token(server: ServerProcess, username: string): Promise<string> {
  const res = await logIn(server, username);
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

describe('two server processes on one PostgreSQL database', () => {
  it('both run on PostgreSQL (EGNET_DATABASE_URL), not on a SQLite file in the shared folder', async () => {
    for (const server of [a, b]) expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ ok: true, db: 'postgres' });
  });

  it('share sessions: made on one, valid on the other; ended on one, ended on both', async () => {
    const t = await token(a, 'inspektor');
    expect((await fetch(`${b.url}/api/session`, { headers: auth(t) })).status).toBe(200);
    expect((await fetch(`${b.url}/api/session`, { method: 'DELETE', headers: auth(t) })).status).toBeLessThan(300);
    expect((await fetch(`${a.url}/api/session`, { headers: auth(t) })).status).toBe(401);
  });

  it('a push to one is pulled from the other, once, and the demo data was seeded once', async () => {
    const t = await token(a, 'inspektor');
    const before = (await (await fetch(`${b.url}/api/sync/pull?cursor=0&limit=1000`, { headers: auth(t) })).json()) as { cursor: number; changes: { id: string }[] };
    expect(new Set(before.changes.map((c) => c.id)).size).toBe(before.changes.length);
    const id = randomUUID();
    const push = await fetch(`${a.url}/api/sync/push`, {
      method: 'POST',
      headers: { ...auth(t), 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: randomUUID(), ops: [{ opId: randomUUID(), entity: 'dwelling', id, baseRev: 0, set: sampleDwelling(1) }] }),
    });
    expect(push.status).toBe(200);
    const after = (await (await fetch(`${b.url}/api/sync/pull?cursor=${before.cursor}&limit=1000`, { headers: auth(t) })).json()) as {
      changes: { id: string; rev: number }[];
    };
    expect(after.changes.map((c) => [c.id, c.rev])).toEqual([[id, 1]]);
  });

  it('a photo stored through one is served by the other', async () => {
    const t = await token(a, 'inspektor');
    const bytes = new Uint8Array(3000).map((_, j) => [0xff, 0xd8, 0xff][j] ?? (j * 7) % 256);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const put = await fetch(`${a.url}/api/blobs/${sha}`, { method: 'PUT', headers: { ...auth(t), 'Content-Type': 'image/jpeg' }, body: bytes });
    expect(put.status).toBe(201);
    const got = await fetch(`${b.url}/api/blobs/${sha}`, { headers: auth(t) });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    // The second upload through the other process finds it stored.
    const again = await fetch(`${b.url}/api/blobs/${sha}`, { method: 'PUT', headers: { ...auth(t), 'Content-Type': 'image/jpeg' }, body: bytes });
    expect(again.status).toBe(200);
  });

  it('throttles log-ins on failures made through both processes together', async () => {
    const address = '198.51.100.9';
    // Ten failures from one address, split between the two processes, lock that address out of the name on both.
    for (let i = 0; i < 10; i++) expect((await logIn(i % 2 ? a : b, 'boveileder', `feil-${i}`, address)).status).toBe(401);
    expect((await logIn(a, 'boveileder', 'demo', address)).status).toBe(429);
    expect((await logIn(b, 'boveileder', 'demo', address)).status).toBe(429);
    // Another address still gets in.
    expect((await logIn(b, 'boveileder', 'demo', '203.0.113.50')).status).toBe(200);
  });
});
