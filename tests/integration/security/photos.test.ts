// Photos against the real server process: the bytes must be the type they claim; a person's quota, the total and the
// disk's free-space reserve refuse a photo with 507 and a clear message while log-in, push and other people's uploads
// go on; and a stored photo is served with a long private cache, since its name is its content.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process';
import { sampleDwelling } from '../sync/sample-records';

const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** An image of `size` bytes: the type's first bytes, then random bytes, so every one has its own hash. */
function image(magic: number[], size: number): { bytes: Uint8Array<ArrayBuffer>; sha: string } {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set(magic);
  return { bytes, sha: createHash('sha256').update(bytes).digest('hex') };
}

async function login(server: ServerProcess, username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function upload(server: ServerProcess, token: string, photo: { bytes: Uint8Array<ArrayBuffer>; sha: string }, type = 'image/jpeg') {
  return fetch(`${server.url}/api/blobs/${photo.sha}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body: photo.bytes,
  });
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

/** An ordinary change without a photo (a new dwelling): its push must still be answered, and applied where allowed. */
async function pushSomething(server: ServerProcess, token: string): Promise<string> {
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), entity: 'dwelling', id: crypto.randomUUID(), baseRev: 0, set: sampleDwelling(1) }] }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { status: string }[] }).results[0]!.status;
}

describe('photos with quotas', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // One person may upload 1 MB, all photos together 2 MB.
    server = await startServer({ demo: true, env: { EGNET_PHOTO_QUOTA_MB: '1', EGNET_PHOTO_TOTAL_MB: '2' } });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('refuses bytes that are not the declared type (415), and takes them under the right type', async () => {
    const token = await login(server, 'inspektor');
    const text = { bytes: new TextEncoder().encode('<script>alert(1)</script>'), sha: '' };
    text.sha = createHash('sha256').update(text.bytes).digest('hex');
    const refused = await upload(server, token, text);
    expect(refused.status).toBe(415);
    expect(await errorOf(refused)).toMatchObject({ code: 'type_mismatch', message: expect.stringMatching(/ikke et JPEG-bilde/) });
    const png = image(PNG, 1000);
    expect((await upload(server, token, png, 'image/jpeg')).status).toBe(415);
    expect((await upload(server, token, png, 'image/png')).status).toBe(201);
  });

  it('refuses a photo past the person’s quota with 507, while others, log-in and push go on', async () => {
    const token = await login(server, 'inspektor');
    expect((await upload(server, token, image(JPEG, 600_000))).status).toBe(201);
    const over = await upload(server, token, image(JPEG, 600_000));
    expect(over.status).toBe(507);
    expect(await errorOf(over)).toMatchObject({ code: 'quota_exceeded', message: expect.stringMatching(/grensen per person er 1 GB|grensen per person/) });
    // A photo the server has already costs nothing.
    const known = image(JPEG, 1000);
    const other = await login(server, 'boveileder');
    expect((await upload(server, other, known)).status).toBe(201);
    expect((await upload(server, token, known)).status).toBe(200);
    expect(await pushSomething(server, token)).toBe('applied');
  });

  it('refuses a photo past the total with 507 storage_full, and log-in and push still work', async () => {
    const a = await login(server, 'boveileder');
    expect((await upload(server, a, image(JPEG, 700_000))).status).toBe(201);
    const b = await login(server, 'admin');
    const full = await upload(server, b, image(JPEG, 900_000));
    expect(full.status).toBe(507);
    expect(await errorOf(full)).toMatchObject({ code: 'storage_full', message: expect.stringMatching(/ikke plass til flere bilder/) });
    expect(await pushSomething(server, await login(server, 'admin'))).toBe('applied');
  });

  it('serves a stored photo with a long private cache: its name is its content', async () => {
    const token = await login(server, 'inntak');
    const photo = image(JPEG, 500);
    expect((await upload(server, token, photo)).status).toBe(201);
    const res = await fetch(`${server.url}/api/blobs/${photo.sha}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    // Kept per session: another person's request on the same device is asked of the server, which checks their right.
    expect(res.headers.get('vary')).toMatch(/(^|,\s*)Authorization(\s*,|$)/i);
    // Errors and everything else under /api stay uncached.
    expect((await fetch(`${server.url}/api/blobs/${'0'.repeat(64)}`, { headers: { Authorization: `Bearer ${token}` } })).headers.get('cache-control')).toBe('no-store');
  });
});

describe('photos when the disk is nearly full', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // A free-space reserve larger than any disk: every new photo would eat into it.
    server = await startServer({ demo: true, env: { EGNET_MIN_FREE_MB: String(1024 * 1024 * 1024) } });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('refuses new photos with 507 before writing, and keeps log-in and push working for everyone', async () => {
    const token = await login(server, 'inspektor');
    const res = await upload(server, token, image(JPEG, 1000));
    expect(res.status).toBe(507);
    expect(await errorOf(res)).toMatchObject({ code: 'storage_full' });
    for (const who of ['admin', 'inspektor']) expect(await pushSomething(server, await login(server, who))).toBe('applied');
  });
});
