// Who may read a photo, against the real server process (on PostgreSQL too under EGNET_TEST_ENGINE=postgres): the
// person who sent its bytes, or a person whose own view of a record pointing to it (the view the pull gives them)
// still holds it. Everyone else gets 404 on GET and HEAD, as for a photo the server never had, and cannot open the
// photo by naming its hash in a record of their own (docs/decisions/022-photo-reads-checked-against-records.md).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPhotoHashes } from '../../../src/core/sync/photoRefs';
import { startServer, type ServerProcess } from '../../support/server-process';
import { sampleDwelling } from '../sync/sample-records';

type Photo = { bytes: Uint8Array<ArrayBuffer>; sha: string };
type Result = { status: string; error?: { code: string; issues?: unknown[] } };

const USERS = ['admin', 'inspektor', 'boveileder', 'inntak'] as const;
type User = (typeof USERS)[number];

/** A JPEG of random bytes: every one has its own hash. */
function jpeg(): Photo {
  const bytes = new Uint8Array(800);
  bytes.set(randomBytes(bytes.length));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return { bytes, sha: createHash('sha256').update(bytes).digest('hex') };
}

const ref = (photo: Photo) => ({ sha256: photo.sha, mime: 'image/jpeg', takenAt: '2026-12-01T10:00:00.000Z' });

describe('photo reads follow the records a person may read', () => {
  let server: ServerProcess;
  const tokens = new Map<User, string>();
  const dwellingId = randomUUID();

  const call = (as: User, method: string, photo: Photo, body?: Uint8Array<ArrayBuffer>) =>
    fetch(`${server.url}/api/blobs/${photo.sha}`, {
      method,
      headers: { Authorization: `Bearer ${tokens.get(as)}`, ...(body ? { 'Content-Type': 'image/jpeg' } : {}) },
      ...(body ? { body } : {}),
    });
  /** GET and HEAD as `as`: both statuses, and the bytes must be the photo's when served. */
  async function reads(as: User, photo: Photo): Promise<[number, number]> {
    const get = await call(as, 'GET', photo);
    if (get.status === 200) expect(new Uint8Array(await get.arrayBuffer())).toEqual(photo.bytes);
    else await get.body?.cancel();
    const head = await call(as, 'HEAD', photo);
    return [get.status, head.status];
  }
  async function push(as: User, ops: unknown[]): Promise<Result[]> {
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.get(as)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: randomUUID(), ops }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: Result[] }).results;
  }
  /** A dwelling's follow-up action owned by `ownerUnit`, its finding shown by `photo`; written by the inspector. */
  async function action(ownerUnit: string, photo: Photo): Promise<string> {
    const id = randomUUID();
    const set = { title: 'Tett sluk', ownerUnit, dwellingId, severity: 'TG3', dueDate: '2027-01-15', status: 'open', finding: 'Lekkasje under vasken', photos: [ref(photo)] };
    expect(await push('inspektor', [{ opId: randomUUID(), entity: 'task', id, baseRev: 0, set }])).toMatchObject([{ status: 'applied' }]);
    return id;
  }
  async function uploaded(as: User, photo: Photo): Promise<void> {
    expect((await call(as, 'PUT', photo, photo.bytes)).status).toBe(201);
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    for (const u of USERS) {
      const res = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: u, password: 'demo' }),
      });
      expect(res.status).toBe(200);
      tokens.set(u, ((await res.json()) as { token: string }).token);
    }
    expect(await push('inspektor', [{ opId: randomUUID(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: sampleDwelling(7) }])).toMatchObject([
      { status: 'applied' },
    ]);
  }, 60_000);
  afterAll(async () => server?.stop());

  it('the uploader reads back their own photo before any record points to it; nobody else does, not even an administrator', async () => {
    const photo = jpeg();
    await uploaded('inspektor', photo);
    expect(await reads('inspektor', photo)).toEqual([200, 200]);
    for (const other of ['boveileder', 'inntak', 'admin'] as const) expect(await reads(other, photo), other).toEqual([404, 404]);
    // The same answer as for a photo the server never had.
    expect(await reads('boveileder', jpeg())).toEqual([404, 404]);
  });

  it('an action’s finding photo: read by its owning unit, inspectors and administrators, not by the intake team outside the unit nor by a counsellor', async () => {
    const navPhoto = jpeg();
    const refugeePhoto = jpeg();
    await uploaded('inspektor', navPhoto);
    await uploaded('inspektor', refugeePhoto);
    await action('nav', navPhoto);
    await action('refugeeUnit', refugeePhoto);
    // The intake member works for NAV: NAV's action is hers whole; the refugee unit's reaches her without its photos.
    expect(await reads('inntak', navPhoto)).toEqual([200, 200]);
    expect(await reads('inntak', refugeePhoto)).toEqual([404, 404]);
    // The counsellor works for property services and sees neither action.
    expect(await reads('boveileder', navPhoto)).toEqual([404, 404]);
    expect(await reads('boveileder', refugeePhoto)).toEqual([404, 404]);
    expect(await reads('admin', navPhoto)).toEqual([200, 200]);
    expect(await reads('admin', refugeePhoto)).toEqual([200, 200]);
  });

  it('gives each person exactly the photos their pull holds: a finding photo is read through the dwelling’s checklist too, which the intake team reads whole', async () => {
    const onlyOnAction = jpeg();
    const alsoOnChecklist = jpeg();
    const navs = jpeg();
    for (const photo of [onlyOnAction, alsoOnChecklist, navs]) await uploaded('inspektor', photo);
    await action('refugeeUnit', onlyOnAction);
    await action('refugeeUnit', alsoOnChecklist);
    await action('nav', navs);
    const checklist = {
      templateId: 'dwelling-inspection',
      templateVersion: 1,
      dwellingId,
      status: 'draft',
      answers: { 'condition.roof': { value: 'TG3', photos: [ref(alsoOnChecklist)] } },
      startedAt: '2026-12-01T08:00:00.000Z',
      inspectorId: '00000000-0000-4000-8000-000000000002',
    };
    expect(await push('inspektor', [{ opId: randomUUID(), entity: 'inspection', id: randomUUID(), baseRev: 0, set: checklist }])).toMatchObject([{ status: 'applied' }]);
    expect(await reads('inntak', onlyOnAction)).toEqual([404, 404]);
    expect(await reads('inntak', alsoOnChecklist)).toEqual([200, 200]);
    for (const as of ['admin', 'boveileder', 'inntak'] as const) {
      const pulled = new Set<string>();
      for (let cursor = 0, more = true; more; ) {
        const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${tokens.get(as)}` } });
        const page = (await res.json()) as { changes: { data: unknown }[]; cursor: number; hasMore: boolean };
        for (const ch of page.changes) for (const sha of findPhotoHashes(ch.data)) pulled.add(sha);
        [cursor, more] = [page.cursor, page.hasMore];
      }
      for (const photo of [onlyOnAction, alsoOnChecklist, navs]) {
        const expected = pulled.has(photo.sha) ? 200 : 404;
        expect(await reads(as, photo), `${as} ${photo.sha}`).toEqual([expected, expected]);
      }
    }
  });

  it('a counsellor reads the photo once their own view includes it: an action of their unit', async () => {
    const photo = jpeg();
    await uploaded('inspektor', photo);
    expect(await reads('boveileder', photo)).toEqual([404, 404]);
    await action('buildingsAndProperty', photo);
    expect(await reads('boveileder', photo)).toEqual([200, 200]);
    expect(await reads('inntak', photo)).toEqual([404, 404]);
  });

  it('a deleted record gives no right any more; its uploader keeps theirs', async () => {
    const photo = jpeg();
    await uploaded('inspektor', photo);
    const id = await action('nav', photo);
    expect(await reads('inntak', photo)).toEqual([200, 200]);
    expect(await push('inspektor', [{ opId: randomUUID(), entity: 'task', id, baseRev: 1, delete: true }])).toMatchObject([{ status: 'applied' }]);
    expect(await reads('inntak', photo)).toEqual([404, 404]);
    expect(await reads('admin', photo)).toEqual([404, 404]);
    expect(await reads('inspektor', photo)).toEqual([200, 200]);
  });

  it('sending bytes the server has already makes them the sender’s to read, as a device that got 404 on HEAD does', async () => {
    const photo = jpeg();
    await uploaded('inspektor', photo);
    expect(await reads('boveileder', photo)).toEqual([404, 404]);
    const again = await call('boveileder', 'PUT', photo, photo.bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ sha256: photo.sha, stored: false });
    expect(await reads('boveileder', photo)).toEqual([200, 200]);
  });

  it('naming someone else’s photo in one’s own record does not open it: the push waits for the bytes as for a missing photo', async () => {
    const photo = jpeg();
    await uploaded('inspektor', photo);
    const set = { title: 'Ring huseier', ownerUnit: 'buildingsAndProperty', dueDate: '2027-01-15', status: 'open', closePhotos: [ref(photo)] };
    const [result] = await push('boveileder', [{ opId: randomUUID(), entity: 'task', id: randomUUID(), baseRev: 0, set }]);
    expect(result).toMatchObject({ status: 'retry', error: { code: 'missing_blob', issues: [photo.sha] } });
    expect(await reads('boveileder', photo)).toEqual([404, 404]);
    // With the bytes sent, the same change goes through.
    expect((await call('boveileder', 'PUT', photo, photo.bytes)).status).toBe(200);
    expect(await push('boveileder', [{ opId: randomUUID(), entity: 'task', id: randomUUID(), baseRev: 0, set }])).toMatchObject([{ status: 'applied' }]);
  });
});
