// Safe defaults of a running server: the data folder private to the server's user and the database, WAL and
// shared-memory files 0600; a Permissions-Policy giving the page the camera only; HSTS never over plain HTTP, and not
// when a client merely claims HTTPS by a header. Against the real server process.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process';

describe('safe defaults', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // On SQLite under npm run test:postgres too: these tests look at the SQLite file itself.
    server = await startServer({ demo: true, postgres: false });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('keeps the data folder 0700 and the database files 0600', async () => {
    // A log-in writes (a session), so the WAL and shared-memory files exist.
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    expect(res.status).toBe(200);
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
    expect(mode(server.dataDir)).toBe('700');
    for (const file of ['egnet.sqlite', 'egnet.sqlite-wal', 'egnet.sqlite-shm']) expect([file, mode(join(server.dataDir, file))]).toEqual([file, '600']);
  });

  it('gives the page the camera from its own origin and no location, and sends no HSTS over plain HTTP', async () => {
    for (const path of ['/', '/api/health']) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'X-Forwarded-Proto': 'https' } });
      const policy = res.headers.get('permissions-policy') ?? '';
      expect(policy).toContain('camera=(self)');
      expect(policy).toContain('geolocation=()');
      // Not behind a trusted proxy, so the claimed HTTPS does not count.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });
});
