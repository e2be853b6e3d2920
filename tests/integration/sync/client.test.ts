// The real sync client (Dexie on fake-indexeddb) against the app in-process on a real SQLite file.
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { savePhoto } from '../../../src/app/store/savePhoto';
import { SyncClient } from '../../../src/app/sync/syncClient';
import { sampleDwelling, sampleInspection } from './sample-records';
import { appWithDevices } from './sync-app';

const env = appWithDevices();
const device = env.device;

const serverRecord = (entity: string, id: string) =>
  env.app.db.prepare('SELECT rev, data, deleted FROM records WHERE entity = ? AND id = ?').get(entity, id) as
    | { rev: number; data: string; deleted: number }
    | undefined;

describe('sync client', () => {
  it('pushes a record made and edited offline, then another device pulls it', async () => {
    const a = device('a', 'inspektor');
    const b = device('b', 'inspektor');
    const dwellings = a.repo('dwelling');
    const id = await dwellings.create(sampleDwelling(1));
    await dwellings.put(id, { floor: 2 });
    await dwellings.put(id, { rooms: 5 });
    const out = await a.client.sync();
    expect(out).toEqual({ ok: true, pushed: 3, pulled: 1 });
    expect(await a.db.outbox.count()).toBe(0);
    expect(serverRecord('dwelling', id)?.rev).toBe(3);
    const local = await a.db.records.get(['dwelling', id]);
    expect(local).toMatchObject({ rev: 3, base: { floor: 2, rooms: 5 }, data: { floor: 2, rooms: 5 } });

    expect(await b.client.sync()).toMatchObject({ ok: true, pulled: 1 });
    expect((await b.repo('dwelling').get(id))?.data).toEqual(JSON.parse(serverRecord('dwelling', id)!.data));
  });

  it('keeps pending changes on top of a pulled server version', async () => {
    const a = device('a', 'inspektor');
    const b = device('b', 'admin');
    const id = await a.repo('dwelling').create(sampleDwelling(1));
    await a.client.sync();
    await b.client.sync();
    await b.repo('dwelling').put(id, { rooms: 6 });
    await b.client.sync();
    // A edits another field before it has seen B’s change: both survive.
    await a.repo('dwelling').put(id, { floor: 3 });
    const pending = await a.db.outbox.toArray();
    expect(pending).toHaveLength(1);
    await a.client.sync();
    const view = await a.repo('dwelling').get(id);
    expect(view?.data).toMatchObject({ rooms: 6, floor: 3 });
    expect(JSON.parse(serverRecord('dwelling', id)!.data)).toMatchObject({ rooms: 6, floor: 3 });
  });

  it('shows a conflict on the same field, with both values, and the person’s choice becomes a new op', async () => {
    const a = device('a', 'inspektor');
    const b = device('b', 'admin');
    const id = await a.repo('dwelling').create(sampleDwelling(1));
    await a.client.sync();
    await b.client.sync();
    await a.repo('dwelling').put(id, { floor: 2 });
    await b.repo('dwelling').put(id, { floor: 3, rooms: 4 });
    await a.client.sync();
    await b.client.sync();
    const conflicts = await b.db.conflicts.toArray();
    expect(conflicts).toEqual([
      expect.objectContaining({ entity: 'dwelling', id, path: 'floor', mine: 3, server: 2, byName: 'Ivar Inspektør' }),
    ]);
    // The record shows the server's value; rooms merged silently.
    expect((await b.repo('dwelling').get(id))?.data).toMatchObject({ floor: 2, rooms: 4 });
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('moves a rejected op to the visible list and undoes it on screen', async () => {
    const a = device('a', 'inspektor');
    const id = await a.repo('dwelling').create(sampleDwelling(1));
    await a.client.sync();
    await a.repo('dwelling').put(id, { postcode: 'abc' });
    const bad = await a.repo('task').create({ title: 'not mine to write' });
    await a.client.sync();
    const rejected = await a.db.rejected.toArray();
    expect(rejected.map((r) => [r.entity, r.error.code]).sort()).toEqual([
      ['dwelling', 'invalid'],
      ['task', 'forbidden'],
    ]);
    expect((await a.repo('dwelling').get(id))?.data).toMatchObject({ postcode: '7224' });
    expect(await a.repo('task').get(bad)).toBeUndefined();
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('uploads a photo before the op that points to it; the server’s blob hashes to its name', async () => {
    const a = device('a', 'inspektor');
    const dwellingId = await a.repo('dwelling').create(sampleDwelling(1));
    const inspectionId = await a.repo('inspection').create(sampleInspection(dwellingId, env.app.user('inspektor').id));
    // A JPEG's first bytes, then filler: the server checks the first bytes against the declared type.
    const bytes = new Uint8Array(50_000).map((_, i) => [0xff, 0xd8, 0xff][i] ?? (i * 31) % 256);
    const ref = await savePhoto(bytes, 'image/jpeg', { db: a.db });
    await a.repo('inspection').setPath(inspectionId, 'answers.roof.grade', { value: 'TG2', photos: [ref] });
    expect(await a.client.sync()).toMatchObject({ ok: true, pushed: 3 });
    expect((await a.db.photos.get(ref.sha256))?.uploaded).toBe(1);
    const res = await env.app.request(`/api/blobs/${ref.sha256}`, { as: 'admin' });
    expect(createHash('sha256').update(new Uint8Array(await res.arrayBuffer())).digest('hex')).toBe(ref.sha256);
  });

  it('keeps a photo the server has no room for (507), syncs the changes before it, says so, and sends it later', async () => {
    const a = device('a', 'inspektor');
    const dwellingId = await a.repo('dwelling').create(sampleDwelling(1));
    const inspectionId = await a.repo('inspection').create(sampleInspection(dwellingId, env.app.user('inspektor').id));
    const ref = await savePhoto(new Uint8Array(5_000).map((_, i) => [0xff, 0xd8, 0xff][i] ?? i % 251), 'image/jpeg', { db: a.db });
    await a.repo('inspection').setPath(inspectionId, 'answers.roof.grade', { value: 'TG2', photos: [ref] });
    env.app.deps.photoLimits = { perUserBytes: 1 };
    try {
      expect(await a.client.sync()).toMatchObject({ ok: false });
      expect((await a.db.meta.get('lastError'))?.value).toMatchObject({ code: 'storage_full', text: { nb: expect.stringMatching(/ikke plass til flere bilder/) } });
      // The dwelling and the checklist went through; the change with the photo waits on the device, photo and all.
      expect(serverRecord('dwelling', dwellingId)?.rev).toBe(1);
      expect(serverRecord('inspection', inspectionId)?.rev).toBe(1);
      expect(await a.db.outbox.count()).toBe(1);
      expect((await a.db.photos.get(ref.sha256))?.uploaded).toBe(0);
    } finally {
      delete env.app.deps.photoLimits;
    }
    expect(await a.client.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect((await a.db.photos.get(ref.sha256))?.uploaded).toBe(1);
  });

  it('drops a record that becomes unreadable, and a deleted one', async () => {
    const a = device('a', 'inspektor');
    const c = device('c', 'boveileder');
    const id = await a.repo('dwelling').create(sampleDwelling(1));
    const dwelling2 = await a.repo('dwelling').create(sampleDwelling(2));
    const insp = await a.repo('inspection').create(sampleInspection(id, env.app.user('inspektor').id));
    await a.client.sync();
    await c.client.sync();
    expect((await c.repo('dwelling').list()).length).toBe(2);
    expect(await c.repo('inspection').get(insp)).toBeUndefined();
    await a.repo('dwelling').delete(dwelling2);
    await a.client.sync();
    await c.client.sync();
    expect((await c.repo('dwelling').list()).map((r) => r.id)).toEqual([id]);
    expect(await c.db.records.get(['dwelling', dwelling2])).toBeUndefined();
  });

  it('ignores device clocks hours apart: what a device had seen decides, not its clock', async () => {
    const a = device('a', 'inspektor');
    const b = device('b', 'admin');
    const real = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(real + 6 * 3600_000);
      const id = await a.repo('dwelling').create(sampleDwelling(1));
      await a.client.sync();
      vi.setSystemTime(real - 6 * 3600_000);
      await b.client.sync();
      // B's clock says this edit is twelve hours older than A's; it was made after seeing A's value, so it wins.
      await b.repo('dwelling').put(id, { floor: 3 });
      await b.client.sync();
      vi.setSystemTime(real);
      await a.client.sync();
      expect((await a.repo('dwelling').get(id))?.data).toMatchObject({ floor: 3 });
      expect(await b.db.conflicts.count()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('pauses on 401 with the outbox kept', async () => {
    let expired = 0;
    const a = device('a', 'inspektor', { token: () => 'x'.repeat(43), onUnauthorized: () => (expired += 1) });
    await a.repo('dwelling').create(sampleDwelling(1));
    const out = await a.client.sync();
    expect(out).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(expired).toBe(1);
    expect(await a.db.outbox.count()).toBe(1);
    expect((await a.db.meta.get('lastError'))?.value).toMatchObject({ code: 'unauthorized' });
  });
  it('pulls everything again once for a cursor stored without a generation (an app from before generations)', async () => {
    const a = device('a', 'inspektor');
    const ids = [await a.repo('dwelling').create(sampleDwelling(1)), await a.repo('dwelling').create(sampleDwelling(2))];
    expect(await a.client.sync()).toMatchObject({ ok: true });
    expect((await a.db.meta.get('generation'))?.value).toMatch(/^[0-9a-f]{32}$/);
    expect(await a.client.sync()).toMatchObject({ ok: true, pulled: 0 });
    // As an older app left it: a cursor, no generation.
    await a.db.meta.delete('generation');
    expect(await a.client.sync()).toMatchObject({ ok: true, pulled: 2 });
    expect(await a.client.sync()).toMatchObject({ ok: true, pulled: 0 });
    for (const id of ids) expect(await a.repo('dwelling').get(id)).toBeTruthy();
  });

  it('pulls page after page, asking for the next while writing this one; two tabs pulling at once apply each page once', async () => {
    const a = device('a', 'admin');
    const ids: string[] = [];
    for (let i = 1; i <= 25; i++) ids.push(await a.repo('dwelling').create(sampleDwelling(i)));
    expect(await a.client.sync()).toMatchObject({ ok: true, pushed: 25 });

    const b = device('b', 'admin');
    const tab = () => new SyncClient({ db: b.db, getToken: () => env.app.token('admin'), fetch: env.app.fetch, baseUrl: 'http://egnet.test', pullLimit: 4 });
    const [one, two] = await Promise.all([tab().sync(), tab().sync()]);
    expect(one.ok && two.ok).toBe(true);
    // Every page is written by one tab only: the other finds the cursor moved and goes on from there.
    expect((one.ok ? one.pulled : 0) + (two.ok ? two.pulled : 0)).toBe(25);
    const held = await b.db.records.where('entity').equals('dwelling').primaryKeys();
    expect(held.map(([, id]) => id).sort()).toEqual([...ids].sort());
    expect((await b.db.meta.get('cursor'))?.value).toBe((await a.db.meta.get('cursor'))?.value);
    expect(await tab().sync()).toMatchObject({ ok: true, pulled: 0 });
  });
});
