// Log-in abuse against the real server process: nobody can lock another person out by guessing from elsewhere; a
// name hammered from many addresses is throttled except from the person's own devices; one address cannot flood
// log-ins; password checks are bounded (503 when too many wait); failed log-ins are logged as JSON without the
// password. Addresses come from X-Forwarded-For with EGNET_TRUST_PROXY=1, as behind the municipality's proxy.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process';

function login(server: ServerProcess, username: string, password: string, address: string): Promise<Response> {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ username, password }),
  });
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('log-in limits', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // On SQLite under npm run test:postgres too: a test here reads the SQLite file itself.
    server = await startServer({ demo: true, postgres: false, env: { EGNET_TRUST_PROXY: '1', EGNET_LOG_LEVEL: 'info' } });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('does not let someone elsewhere lock a person out: the right password from another address still works', async () => {
    const attacker = '198.51.100.7';
    for (let i = 0; i < 10; i++) expect((await login(server, 'admin', `gjetning-${i}`, attacker)).status).toBe(401);
    const blocked = await login(server, 'admin', 'demo', attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await codeOf(blocked)).toBe('too_many_attempts');
    // The administrator's own office, and a new place with no failures: both get in.
    expect((await login(server, 'admin', 'demo', '203.0.113.10')).status).toBe(200);
    expect((await login(server, 'admin', 'demo', '203.0.113.11')).status).toBe(200);
  });

  it('throttles a name hammered from many addresses, except from the addresses the person signed in from', async () => {
    const own = '203.0.113.20';
    expect((await login(server, 'inspektor', 'demo', own)).status).toBe(200);
    // 100 failures from 25 addresses, 4 each, under the per-address limit everywhere: 96 written straight into the
    // server's database (as 96 checked guesses would have), the last 4 through the real log-in.
    const db = new Database(join(server.dataDir, 'egnet.sqlite'));
    const at = new Date().toISOString();
    const insert = db.prepare("INSERT INTO login_failures (username, address, at) VALUES ('inspektor', ?, ?)");
    for (let a = 0; a < 24; a++) for (let i = 0; i < 4; i++) insert.run(`192.0.2.${a + 1}`, at);
    db.close();
    const last = await Promise.all(Array.from({ length: 4 }, (_, i) => login(server, 'inspektor', `feil-${i}`, '192.0.2.25')));
    expect(last.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const stranger = await login(server, 'inspektor', 'demo', '192.0.2.200');
    expect(stranger.status).toBe(429);
    expect(await codeOf(stranger)).toBe('too_many_attempts');
    expect((await login(server, 'inspektor', 'demo', own)).status).toBe(200);
  });

  it('logs each failed log-in as one JSON line with the address and without the password', async () => {
    expect((await login(server, 'boveileder', 'et-hemmelig-feilpassord', '198.51.100.99')).status).toBe(401);
    await expect
      .poll(() => server.output().split('\n').some((l) => l.includes('"login_failed"') && l.includes('198.51.100.99')))
      .toBe(true);
    const line = server.output().split('\n').find((l) => l.includes('"login_failed"') && l.includes('198.51.100.99'))!;
    expect(JSON.parse(line)).toMatchObject({ level: 'warn', event: 'login_failed', username: 'boveileder', address: '198.51.100.99' });
    expect(server.output()).not.toContain('et-hemmelig-feilpassord');
  });
});

describe('log-in floods', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({
      demo: true,
      env: { EGNET_TRUST_PROXY: '1', EGNET_LOGIN_PER_MINUTE: '5', EGNET_PASSWORD_CHECKS: '1', EGNET_PASSWORD_QUEUE: '1' },
    });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('limits the log-ins one address may make a minute (429 with Retry-After), whatever the usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(server, `ukjent-${i}`, 'x', '198.51.100.50')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const res = await login(server, 'ukjent-7', 'x', '198.51.100.50');
    expect(await codeOf(res)).toBe('too_many_requests');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await login(server, 'admin', 'demo', '198.51.100.51')).status).toBe(200);
  });

  it('bounds the password checks running at once: beyond the queue, 503 busy with Retry-After at once', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => login(server, `flom-${i}`, 'x', `192.0.2.${100 + i}`)));
    const statuses = answers.map((r) => r.status);
    // One check running and one waiting: the rest are refused without hashing.
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(2);
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(await codeOf(busy[0]!)).toBe('busy');
    expect(busy[0]!.headers.get('Retry-After')).toBe('2');
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
  });
});
