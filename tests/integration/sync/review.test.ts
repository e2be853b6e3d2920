// What a person does with sync results, on a real device database against the app: settle a conflict, retry a
// refused change, export what is unsynced, log out on a shared device, fetch a photo another device took.
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { addLogoutCleanup, logOut } from '../../../src/app/logout';
import { setSession } from '../../../src/app/session';
import { savePhoto } from '../../../src/app/store/savePhoto';
import { collectUnsynced } from '../../../src/app/sync/exportUnsynced';
import { fetchPhoto } from '../../../src/app/sync/fetchPhoto';
import { installSyncLogoutRules } from '../../../src/app/sync/logoutGuard';
import { discardRejected, resolveConflict, retryRejected } from '../../../src/app/sync/reviewActions';
import { memoryStorage } from '../../support/memory-storage';
import type { Device } from './device';
import { sampleDwelling } from './sample-records';
import { appWithDevices } from './sync-app';

const env = appWithDevices();
const device = env.device;
const serverData = (id: string) =>
  JSON.parse((env.app.db.prepare("SELECT data FROM records WHERE entity = 'dwelling' AND id = ?").get(id) as { data: string }).data) as Record<string, unknown>;

async function conflictOnFloor(): Promise<{ a: Device; b: Device; id: string }> {
  const a = device('a', 'inspektor');
  const b = device('b', 'admin');
  const id = await a.repo('dwelling').create(sampleDwelling(1));
  await a.client.sync();
  await b.client.sync();
  await a.repo('dwelling').put(id, { floor: 2 });
  await b.repo('dwelling').put(id, { floor: 3 });
  await a.client.sync();
  await b.client.sync();
  return { a, b, id };
}

describe('settling conflicts', () => {
  it('"use my value" becomes a new op that applies', async () => {
    const { b, id } = await conflictOnFloor();
    const [c] = await b.db.conflicts.toArray();
    await resolveConflict(c!, 'mine', b.db);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(1);
    expect(await b.client.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(serverData(id).floor).toBe(3);
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it('"keep the server’s" writes nothing', async () => {
    const { b, id } = await conflictOnFloor();
    const [c] = await b.db.conflicts.toArray();
    await resolveConflict(c!, 'server', b.db);
    expect(await b.db.outbox.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(serverData(id).floor).toBe(2);
  });
});

describe('refused changes', () => {
  it('retries a fixed change as a new op, and discards on request', async () => {
    const a = device('a', 'inspektor');
    const id = await a.repo('dwelling').create(sampleDwelling(1));
    await a.client.sync();
    await a.repo('dwelling').put(id, { rooms: 1 });
    await a.repo('dwelling').put(id, { notes: 'x'.repeat(6000) });
    await a.client.sync();
    const refused = await a.db.rejected.toArray();
    expect(refused).toHaveLength(2);
    // Rooms 1 with 2 approved bedrooms is refused; after fixing the bedrooms the same change goes in.
    await a.repo('dwelling').put(id, { approvedBedrooms: 1 });
    const rooms = refused.find((r) => r.op.set?.rooms === 1)!;
    await retryRejected(rooms, a.db);
    await discardRejected(refused.find((r) => r !== rooms)!, a.db);
    await a.client.sync();
    expect(await a.db.rejected.count()).toBe(0);
    expect(serverData(id)).toMatchObject({ rooms: 1, approvedBedrooms: 1 });
    expect(serverData(id).notes).toBeUndefined();
  });
});

describe('export and log-out', () => {
  it('exports waiting and refused changes, conflicts and photos not uploaded', async () => {
    const a = device('a', 'inspektor');
    await a.repo('dwelling').create({ ...sampleDwelling(1), postcode: 'x' });
    await a.client.sync();
    const id = await a.repo('dwelling').create(sampleDwelling(2));
    const photo = await savePhoto(new Uint8Array([1, 2, 3]), 'image/png', { db: a.db });
    const out = await collectUnsynced({ id: 'u', name: 'Ivar' }, a.db);
    expect(out.pending).toHaveLength(1);
    expect(out.rejected).toHaveLength(1);
    expect(out.records.map((r) => (r as { id: string }).id)).toContain(id);
    expect(out.photos).toEqual([{ sha256: photo.sha256, mime: 'image/png', base64: 'AQID' }]);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('refuses log-out while changes wait, and wipes the device after', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    try {
      setSession({ token: env.app.token('inspektor'), user: env.app.user('inspektor') });
      const a = device('a', 'inspektor');
      installSyncLogoutRules(() => a.db);
      const wiped: string[] = [];
      const off = addLogoutCleanup((u) => void wiped.push(u.id));
      await a.repo('dwelling').create(sampleDwelling(1));
      const refused = await logOut();
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused)).toContain('Endringer som ikke er på serveren ennå: 1.');
      await a.client.sync();
      expect(await logOut()).toEqual({ ok: true });
      off();
      expect(wiped).toEqual([env.app.user('inspektor').id]);
      expect(await a.db.records.count()).toBe(0);
      expect((await a.db.meta.get('clientId'))?.value).toBeTruthy();
      expect(await a.db.meta.get('cursor')).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('photos from other devices', () => {
  it('fetches a photo by hash and keeps it only when the bytes match', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    try {
      setSession({ token: env.app.token('admin'), user: env.app.user('admin') });
      // A WebP's first bytes (RIFF, size, WEBP): the server checks them against the declared type.
      const bytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
      const sha = createHash('sha256').update(bytes).digest('hex');
      await env.app.request(`/api/blobs/${sha}`, { method: 'PUT', as: 'inspektor', body: bytes, headers: { 'Content-Type': 'image/webp' } });
      // Another person reads a photo through a record pointing to it: a dwelling's action with the finding's photo.
      const photo = { sha256: sha, mime: 'image/webp', takenAt: '2026-12-01T10:00:00.000Z' };
      const set = { title: 'Tett sluk', ownerUnit: 'buildingsAndProperty', dwellingId: crypto.randomUUID(), severity: 'TG3', dueDate: '2027-01-15', status: 'open', photos: [photo] };
      const pushed = await env.app.request('/api/sync/push', {
        method: 'POST',
        as: 'inspektor',
        json: { clientId: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), entity: 'task', id: crypto.randomUUID(), baseRev: 0, set }] },
      });
      expect(await pushed.json()).toMatchObject({ results: [{ status: 'applied' }] });
      const b = device('b', 'admin');
      expect(await fetchPhoto(sha, { db: b.db, fetch: env.app.fetch, baseUrl: 'http://egnet.test' })).toBe(true);
      expect(await b.db.photos.get(sha)).toMatchObject({ mime: 'image/webp', size: 12, uploaded: 1 });
      expect(await fetchPhoto('0'.repeat(64), { db: b.db, fetch: env.app.fetch, baseUrl: 'http://egnet.test' })).toBe(false);
      const liar: typeof fetch = async () => new Response(new Uint8Array([1]), { headers: { 'Content-Type': 'image/png' } });
      expect(await fetchPhoto('1'.repeat(64), { db: b.db, fetch: liar })).toBe(false);
      expect(await b.db.photos.count()).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
