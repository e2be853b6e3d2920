// The server's logs and metrics, against the real process: one JSON line per request with the route pattern and no
// personal data, an error logged once with the request id its answer names, and /metrics only with its token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process';
import { tempApp } from '../../support/temp-app';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';

describe('logs and metrics of the running server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // A built app is served as in production, so its catch-all GET routes are mounted beside the API.
    const app = mkdtempSync(join(tmpdir(), 'egnet-app-'));
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>Egnet</title>');
    server = await startServer({ demo: true, env: { EGNET_LOG_LEVEL: 'info', EGNET_METRICS_TOKEN: METRICS_TOKEN, EGNET_STATIC_DIR: app } });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('logs every request as JSON with its route pattern, and nothing personal: no names, notes, tokens or ids in paths', async () => {
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'boveileder', password: 'demo' }),
    });
    const { token, user } = (await session.json()) as { token: string; user: { id: string } };
    const auth = { Authorization: `Bearer ${token}` };
    const pull = (await (await fetch(`${server.url}/api/sync/pull?limit=1000`, { headers: auth })).json()) as {
      changes: { entity: string; id: string; rev: number; data: Record<string, unknown>; deleted: boolean }[];
    };
    const households = pull.changes.filter((c) => c.entity === 'household' && !c.deleted);
    const names = households.map((h) => String(h.data.displayName));
    expect(names.length).toBeGreaterThan(0);
    const household = households[0]!;
    const note = 'Fortrolig merknad som aldri skal i loggen';
    const push = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), entity: 'household', id: household.id, baseRev: household.rev, set: { notes: note } }] }),
    });
    expect(((await push.json()) as { results: { status: string }[] }).results[0]!.status).toBe('applied');
    expect((await fetch(`${server.url}/api/privacy/households/${household.id}/log`, { headers: auth })).status).toBeLessThan(500);
    expect((await fetch(`${server.url}/api/finnes-ikke`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${server.url}/dwellings`)).status).toBe(200);

    // The app page was the last request: once its line is out, so are the lines before it.
    await expect.poll(() => server.output().includes('"route":"static"')).toBe(true);
    const lines = server.output().split('\n').filter((l) => l.startsWith('{'));
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(5);
    for (const r of requests) {
      expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(['event', 'id', 'level', 'method', 'ms', 'route', 'status', 'time']));
      expect(r.route, 'a pattern, never a path with ids').not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
    expect(requests.find((r) => r.route === '/api/sync/push')).toMatchObject({ method: 'POST', status: 200, user: user.id, level: 'info' });
    expect(requests.find((r) => r.route === '/api/sync/pull')).toMatchObject({ method: 'GET', status: 200 });
    expect(requests.find((r) => r.status === 404)).toMatchObject({ route: 'unmatched' });
    expect(requests.filter((r) => r.route === 'static')).toEqual([expect.objectContaining({ method: 'GET', status: 200 })]);
    const all = server.output();
    for (const name of names) expect(all, name).not.toContain(name);
    expect(all).not.toContain(note);
    expect(all).not.toContain(token);
    expect(all).not.toContain(household.id);
  });

  it('logs an unexpected error once, as one JSON line with the stack, under the id its 500 answer and header name', async () => {
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'inspektor', password: 'demo' }),
    });
    const { token } = (await session.json()) as { token: string };
    // The photo folder replaced by a file: storing a photo fails in a way nobody planned for.
    rmSync(join(server.dataDir, 'blobs'), { recursive: true, force: true });
    writeFileSync(join(server.dataDir, 'blobs'), '');
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3, 4]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const res = await fetch(`${server.url}/api/blobs/${sha}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' }, body: bytes });
    expect(res.status).toBe(500);
    const id = res.headers.get('X-Request-Id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(id);
    await expect.poll(() => server.output().includes('"event":"error"')).toBe(true);
    const errors = server
      .output()
      .split('\n')
      .filter((l) => l.includes('"event":"error"'))
      .map((l) => JSON.parse(l) as { id: string; level: string; route: string; err: { stack: string } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ id, level: 'error', route: '/api/blobs/:sha256' });
    expect(errors[0]!.err.stack).toContain('\n');
  });

  it('serves Prometheus metrics only with the token: requests by route and status, push ops, pull latency, sizes', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^egnet_http_requests_total\{method="POST",route="\/api\/sync\/push",status="200"\} [1-9]/m);
    expect(text).toMatch(/^egnet_push_ops_total\{result="applied"\} [1-9]/m);
    expect(text).toMatch(/^egnet_pull_duration_seconds_count [1-9]/m);
    expect(text).toMatch(/^egnet_database_bytes [1-9]/m);
    expect(text).toMatch(/^egnet_blob_bytes \d+/m);
  });
});

describe('metrics without a token', () => {
  it('do not exist: /metrics answers 404', async () => {
    const t = await tempApp({ demo: false });
    try {
      expect((await t.app.request('/metrics')).status).toBe(404);
    } finally {
      t.close();
    }
  });
});
