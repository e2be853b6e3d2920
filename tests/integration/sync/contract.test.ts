// The server side of the sync contract (docs/sync-contract.md), in-process on a real SQLite file and on PostgreSQL: push results, exactly-once, conflicts,
// rejection, per-client order, pull with cursor and visibility, blobs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpResult, PullResponse } from '../../../src/core/sync/protocol';
import { sampleDwelling, sampleInspection } from './sample-records';
import { checkInvariants } from './invariants';
import { startSyncApp, type SyncApp } from './sync-app';

let app: SyncApp;

const uuid = () => crypto.randomUUID();
const CLIENT_A = '0a0a0a0a-0000-4000-8000-00000000000a';
const CLIENT_B = '0b0b0b0b-0000-4000-8000-00000000000b';

async function push(as: string, clientId: string, ops: unknown[]): Promise<OpResult[]> {
  const res = await app.request('/api/sync/push', { method: 'POST', as, json: { clientId, ops } });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { results: OpResult[] }).results;
}

async function pull(as: string, cursor = 0, limit = 1000): Promise<PullResponse> {
  const res = await app.request(`/api/sync/pull?cursor=${cursor}&limit=${limit}`, { as });
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
}

const rev = async (entity: string, id: string) => (await app.query<{ rev: number }>('SELECT rev FROM records WHERE entity = ? AND id = ?', [entity, id]))[0]?.rev;
const countChanges = async () => (await app.query<{ n: number }>('SELECT COUNT(*) AS n FROM changes'))[0]!.n;

// Every test runs on both engines: the SQLite file and a PostgreSQL database of the test cluster.
describe.each(['sqlite', 'postgres'] as const)('on %s', (engine) => {
  beforeEach(async () => {
    app = await startSyncApp(undefined, engine);
  });
  afterEach(() => app.close());

  describe('push', () => {
    it('applies a create and edits made offline on baseRev 0, each once', async () => {
      const id = uuid();
      const ops = [
        { opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: sampleDwelling(1) },
        { opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: { floor: 2 } },
        { opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: { floor: 3, rooms: 4 } },
      ];
      const first = await push('inspektor', CLIENT_A, ops);
      expect(first.map((r) => [r.status, r.rev])).toEqual([['applied', 1], ['applied', 2], ['applied', 3]]);
      const again = await push('inspektor', CLIENT_A, ops);
      expect(again.map((r) => [r.status, r.original, r.rev])).toEqual([
        ['duplicate', 'applied', 1],
        ['duplicate', 'applied', 2],
        ['duplicate', 'applied', 3],
      ]);
      expect(await rev('dwelling', id)).toBe(3);
      const [n] = await app.query<{ n: number }>('SELECT COUNT(*) AS n FROM applied_ops WHERE id = ?', [id]);
      expect(n!.n).toBe(3);
      const { changes } = await pull('inspektor');
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ entity: 'dwelling', id, rev: 3, deleted: false, updatedByName: 'Ivar Inspektør' });
      expect(changes[0]!.data).toMatchObject({ floor: 3, rooms: 4, address: 'Testvegen 1' });
    });

    it('reports a conflict on the same field from another client, merges different fields', async () => {
      const id = uuid();
      await push('inspektor', CLIENT_A, [{ opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: sampleDwelling(1) }]);
      // Both edit on rev 1. A changes floor; B changes floor differently and rooms.
      const a = await push('inspektor', CLIENT_A, [{ opId: uuid(), entity: 'dwelling', id, baseRev: 1, set: { floor: 2 } }]);
      expect(a[0]).toMatchObject({ status: 'applied', rev: 2 });
      const b = await push('admin', CLIENT_B, [{ opId: uuid(), entity: 'dwelling', id, baseRev: 1, set: { floor: 3, rooms: 5 } }]);
      expect(b[0]).toMatchObject({ status: 'conflict', rev: 3 });
      expect(b[0]!.conflicts).toEqual([
        { path: 'floor', server: 2, mine: 3, by: app.user('inspektor').id, byName: 'Ivar Inspektør', at: expect.any(String) },
      ]);
      const { changes } = await pull('admin');
      expect(changes[0]!.data).toMatchObject({ floor: 2, rooms: 5 });
      // Equal values are not a conflict.
      const c = await push('admin', CLIENT_B, [{ opId: uuid(), entity: 'dwelling', id, baseRev: 1, set: { floor: 2 } }]);
      expect(c[0]!.status).toBe('applied');
      // The person's choice is a new op on the current revision: it applies.
      const d = await push('admin', CLIENT_B, [{ opId: uuid(), entity: 'dwelling', id, baseRev: 4, set: { floor: 3 } }]);
      expect(d[0]).toMatchObject({ status: 'applied', rev: 5 });
    });

    it('lets two people answer different items of one inspection without conflict', async () => {
      const dwellingId = uuid();
      const id = uuid();
      const inspector = app.user('inspektor').id;
      await push('inspektor', CLIENT_A, [
        { opId: uuid(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: sampleDwelling(2) },
        { opId: uuid(), entity: 'inspection', id, baseRev: 0, set: sampleInspection(dwellingId, inspector) },
      ]);
      const a = await push('inspektor', CLIENT_A, [{ opId: uuid(), entity: 'inspection', id, baseRev: 1, set: { 'answers.fire.smokeDetectors': { value: 2 } } }]);
      const b = await push('admin', CLIENT_B, [{ opId: uuid(), entity: 'inspection', id, baseRev: 1, set: { 'answers.radon.documented': { value: true } } }]);
      expect([a[0]!.status, b[0]!.status]).toEqual(['applied', 'applied']);
      const c = await push('admin', CLIENT_B, [{ opId: uuid(), entity: 'inspection', id, baseRev: 1, set: { 'answers.fire.smokeDetectors': { value: 1 } } }]);
      expect(c[0]!.status).toBe('conflict');
      const { changes } = await pull('inspektor');
      expect(changes.find((ch) => ch.id === id)!.data.answers).toEqual({
        'fire.smokeDetectors': { value: 2 },
        'radon.documented': { value: true },
      });
    });

    it('rejects schema failures, unknown entities, forbidden writes and malformed ops, one by one, and remembers it', async () => {
      const id = uuid();
      const ops = [
        { opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: { ...sampleDwelling(1), postcode: '12' } },
        { opId: uuid(), entity: 'spaceship', id: uuid(), baseRev: 0, set: { a: 1 } },
        { opId: uuid(), entity: 'household', id: uuid(), baseRev: 0, set: { a: 1 } },
        { opId: uuid(), entity: 'dwelling', id: uuid(), baseRev: -1, set: {} },
        { opId: uuid(), entity: 'dwelling', id: uuid(), baseRev: 0, set: sampleDwelling(3) },
      ];
      const before = await app.fingerprint(['applied_ops', 'sessions']);
      const r = await push('inspektor', CLIENT_A, ops.slice(0, 4));
      expect(r.map((x) => [x.status, x.error?.code])).toEqual([
        ['rejected', 'invalid'],
        ['rejected', 'unknown_entity'],
        ['rejected', 'forbidden'],
        ['rejected', 'invalid'],
      ]);
      expect(JSON.stringify(r[0]!.error!.issues)).toContain('postcode');
      expect(await app.fingerprint(['applied_ops', 'sessions'])).toBe(before);
      const again = await push('inspektor', CLIENT_A, ops);
      expect(again.map((x) => [x.status, x.original])).toEqual([
        ['duplicate', 'rejected'],
        ['duplicate', 'rejected'],
        ['duplicate', 'rejected'],
        ['duplicate', 'rejected'],
        ['applied', undefined],
      ]);
    });

    it('never hands another user the stored result of an op id', async () => {
      const op = { opId: uuid(), entity: 'dwelling', id: uuid(), baseRev: 0, set: sampleDwelling(1) };
      await push('inspektor', CLIENT_A, [op]);
      const r = await push('admin', CLIENT_B, [op]);
      expect(r[0]).toMatchObject({ status: 'rejected', error: { code: 'op_id_taken' } });
    });

    it('asks again for an op whose photo is missing, and holds back the ops after it', async () => {
      const dwellingId = uuid();
      const id = uuid();
      const inspector = app.user('inspektor').id;
      // A JPEG's first bytes: the server checks them against the declared type.
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const photo = { sha256: sha, mime: 'image/jpeg', takenAt: '2026-11-27T10:00:00Z' };
      const ops = [
        { opId: uuid(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: sampleDwelling(2) },
        { opId: uuid(), entity: 'inspection', id, baseRev: 0, set: sampleInspection(dwellingId, inspector) },
        { opId: uuid(), entity: 'inspection', id, baseRev: 0, set: { 'answers.roof.grade': { value: 'TG2', photos: [photo] } } },
        { opId: uuid(), entity: 'inspection', id, baseRev: 0, set: { 'answers.roof.grade': { value: 'TG3', photos: [photo] } } },
        { opId: uuid(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: { floor: 3 } },
      ];
      const r = await push('inspektor', CLIENT_A, ops);
      expect(r.map((x) => [x.status, x.error?.code])).toEqual([
        ['applied', undefined],
        ['applied', undefined],
        ['retry', 'missing_blob'],
        ['retry', 'waiting'],
        ['retry', 'waiting'],
      ]);
      expect(r[2]!.error!.issues).toEqual([sha]);
      const put = await app.request(`/api/blobs/${sha}`, { method: 'PUT', as: 'inspektor', body: bytes, headers: { 'Content-Type': 'image/jpeg' } });
      expect(put.status).toBe(201);
      const r2 = await push('inspektor', CLIENT_A, ops);
      expect(r2.map((x) => x.status)).toEqual(['duplicate', 'duplicate', 'applied', 'applied', 'applied']);
      const { changes } = await pull('inspektor');
      expect((changes.find((c) => c.id === id)!.data.answers as Record<string, { value: string }>)['roof.grade']!.value).toBe('TG3');
    });

    it('stores a marked-up copy only with its original, serves both blobs and keeps the link', async () => {
      const dwellingId = uuid();
      const id = uuid();
      const inspector = app.user('inspektor').id;
      const blob = (n: number) => {
        const bytes = new Uint8Array([0xff, 0xd8, 0xff, n, n + 1]);
        return { bytes, sha: createHash('sha256').update(bytes).digest('hex') };
      };
      const original = blob(10);
      const marked = blob(20);
      const ref = { sha256: marked.sha, mime: 'image/jpeg', takenAt: '2026-11-27T10:00:00Z', caption: 'Pil mot fuktflekken', markupOf: original.sha };
      const ops = [
        { opId: uuid(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: sampleDwelling(3) },
        { opId: uuid(), entity: 'inspection', id, baseRev: 0, set: sampleInspection(dwellingId, inspector) },
        // Only the copy is in the answer: the original it links to is needed all the same.
        { opId: uuid(), entity: 'inspection', id, baseRev: 0, set: { 'answers.roof.grade': { value: 'TG2', photos: [ref] } } },
      ];
      const put = (b: { bytes: Uint8Array<ArrayBuffer>; sha: string }) =>
        app.request(`/api/blobs/${b.sha}`, { method: 'PUT', as: 'inspektor', body: b.bytes, headers: { 'Content-Type': 'image/jpeg' } });
      expect((await put(marked)).status).toBe(201);
      const r = await push('inspektor', CLIENT_A, ops);
      expect(r.map((x) => [x.status, x.error?.code])).toEqual([
        ['applied', undefined],
        ['applied', undefined],
        ['retry', 'missing_blob'],
      ]);
      expect(r[2]!.error!.issues).toEqual([original.sha]);

      expect((await put(original)).status).toBe(201);
      expect((await push('inspektor', CLIENT_A, ops)).map((x) => x.status)).toEqual(['duplicate', 'duplicate', 'applied']);
      const { changes } = await pull('inspektor');
      const answer = (changes.find((c) => c.id === id)!.data.answers as Record<string, { photos: unknown[] }>)['roof.grade']!;
      expect(answer.photos).toEqual([ref]);
      for (const b of [original, marked]) {
        const get = await app.request(`/api/blobs/${b.sha}`, { as: 'inspektor' });
        expect(get.status).toBe(200);
        expect(new Uint8Array(await get.arrayBuffer())).toEqual(b.bytes);
      }
    });

    it('refuses malformed, unauthenticated and oversized pushes as a whole, changing nothing', async () => {
      const before = await app.fingerprint();
      const bad = [
        { as: 'inspektor', body: '{' },
        { as: 'inspektor', body: JSON.stringify({ clientId: 'x', ops: [] }) },
        { as: 'inspektor', body: JSON.stringify({ clientId: CLIENT_A, ops: [] }) },
        { as: 'inspektor', body: JSON.stringify({ clientId: CLIENT_A, ops: Array.from({ length: 201 }, () => ({ opId: uuid() })) }) },
        { as: 'inspektor', body: JSON.stringify({ clientId: CLIENT_A, ops: [{ opId: 'nope' }] }) },
        { as: undefined, body: JSON.stringify({ clientId: CLIENT_A, ops: [{ opId: uuid(), entity: 'dwelling', id: uuid(), baseRev: 0, set: {} }] }) },
        { as: 'inspektor', body: JSON.stringify({ clientId: CLIENT_A, ops: [{ opId: uuid(), entity: 'dwelling', id: uuid(), baseRev: 0, set: { notes: 'x'.repeat(6 * 1024 * 1024) } }] }) },
      ];
      const statuses = [];
      for (const b of bad) {
        const res = await app.request('/api/sync/push', { method: 'POST', as: b.as, body: b.body, headers: { 'Content-Type': 'application/json' } });
        statuses.push(res.status);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.message.length).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 401, 413]);
      expect(await app.fingerprint()).toBe(before);
    });

    it('deletes: the record goes out as deleted, later edits are rejected', async () => {
      const id = uuid();
      await push('inspektor', CLIENT_A, [
        { opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: sampleDwelling(1) },
        { opId: uuid(), entity: 'dwelling', id, baseRev: 1, delete: true },
      ]);
      expect(await rev('dwelling', id)).toBe(2);
      const { changes } = await pull('inspektor');
      expect(changes[0]).toMatchObject({ id, deleted: true, data: {}, rev: 2 });
      const r = await push('admin', CLIENT_B, [{ opId: uuid(), entity: 'dwelling', id, baseRev: 1, set: { floor: 1 } }]);
      expect(r[0]).toMatchObject({ status: 'rejected', error: { code: 'deleted' } });
    });

    it('applies a second device’s delete of a deleted record with the existing rev, writing nothing, and I2 holds', async () => {
      const id = uuid();
      await push('inspektor', CLIENT_A, [
        { opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: sampleDwelling(1) },
        { opId: uuid(), entity: 'dwelling', id, baseRev: 1, delete: true },
      ]);
      const changesBefore = await countChanges();
      const again = await push('admin', CLIENT_B, [{ opId: uuid(), entity: 'dwelling', id, baseRev: 1, delete: true }]);
      expect(again[0]).toMatchObject({ status: 'applied', rev: 2 });
      expect(await rev('dwelling', id)).toBe(2);
      expect(await countChanges()).toBe(changesBefore);
      expect(await checkInvariants(app.dataDir, [], app.databaseUrl)).toEqual([]);
    });
  });

  describe('pull', () => {
    it('pages through changes in order with a cursor that only moves forward', async () => {
      const ids = Array.from({ length: 25 }, () => uuid());
      await push('inspektor', CLIENT_A, ids.map((id, i) => ({ opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: sampleDwelling(i) })));
      // Change the first five again: they move to the end of the change order.
      await push('inspektor', CLIENT_A, ids.slice(0, 5).map((id) => ({ opId: uuid(), entity: 'dwelling', id, baseRev: 1, set: { floor: 9 } })));
      const seen: string[] = [];
      let cursor = 0;
      const cursors: number[] = [];
      for (;;) {
        const page = await pull('inspektor', cursor, 7);
        seen.push(...page.changes.map((c) => c.id));
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        cursor = page.cursor;
        cursors.push(cursor);
        if (!page.hasMore) break;
      }
      expect(seen).toEqual([...ids.slice(5), ...ids.slice(0, 5)]);
      expect(cursor).toBe(30);
      expect((await pull('inspektor', cursor)).changes).toEqual([]);
    });

    it('starts again at 0 for a cursor of another generation; a cursor without a generation keeps the old rule', async () => {
      const ids = Array.from({ length: 4 }, () => uuid());
      await push('inspektor', CLIENT_A, ids.map((id, i) => ({ opId: uuid(), entity: 'dwelling', id, baseRev: 0, set: sampleDwelling(i) })));
      const first = await pull('inspektor');
      expect(first.generation).toMatch(/^[0-9a-f]{32}$/);
      const at = async (query: string) => {
        const res = await app.request(`/api/sync/pull?${query}`, { as: 'inspektor' });
        expect(res.status).toBe(200);
        return (await res.json()) as PullResponse;
      };
      expect((await at(`cursor=2&generation=${first.generation}`)).changes.map((c) => c.id)).toEqual(ids.slice(2));
      const other = 'f'.repeat(32);
      const restarted = await at(`cursor=2&generation=${other}`);
      expect(restarted.changes.map((c) => c.id)).toEqual(ids);
      expect(restarted.generation).toBe(first.generation);
      // An app from before generations: its cursor still works as it did.
      expect((await at('cursor=2')).changes.map((c) => c.id)).toEqual(ids.slice(2));
      expect((await at('cursor=99')).changes.map((c) => c.id)).toEqual(ids);
      expect((await app.request('/api/sync/pull?cursor=0&generation=nope', { as: 'inspektor' })).status).toBe(400);
    });

    it('sends only what the role may read; an unreadable record goes out as deleted with no data', async () => {
      const dwellingId = uuid();
      const inspection = uuid();
      const household = uuid();
      await push('inspektor', CLIENT_A, [
        { opId: uuid(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: sampleDwelling(1) },
        { opId: uuid(), entity: 'inspection', id: inspection, baseRev: 0, set: sampleInspection(dwellingId, app.user('inspektor').id) },
      ]);
      // A household made directly in the database: its schema belongs to another feature. Only its counsellor reads it.
      await app.store.writeRecord({
        entity: 'household',
        id: household,
        rev: 1,
        dataJson: JSON.stringify({ secret: 'confidential', counsellorIds: [app.user('boveileder').id] }),
        deleted: false,
        at: 'now',
        userId: 'x',
        opId: null,
      });
      const inspector = await pull('inspektor');
      const hh = inspector.changes.find((c) => c.id === household)!;
      expect(hh).toMatchObject({ deleted: true, data: {} });
      expect(JSON.stringify(inspector)).not.toContain('confidential');
      const counsellor = await pull('boveileder');
      expect(counsellor.changes.find((c) => c.id === household)).toMatchObject({ deleted: false, data: { secret: 'confidential' } });
      // A counsellor does not read dwelling inspections; intake does.
      expect(counsellor.changes.find((c) => c.id === inspection)).toMatchObject({ deleted: true });
      expect((await pull('inntak')).changes.find((c) => c.id === inspection)).toMatchObject({ deleted: false });
    });

    it('answers 400 to a bad cursor or limit and 401 without a session', async () => {
      for (const q of ['cursor=-1', 'cursor=abc', 'limit=0', 'limit=1001', 'cursor=1.5', 'extra=1']) {
        expect((await app.request(`/api/sync/pull?${q}`, { as: 'inspektor' })).status, q).toBe(400);
      }
      expect((await app.request('/api/sync/pull')).status).toBe(401);
    });
  });

  describe('blobs', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const put = (body: BodyInit, type = 'image/jpeg', name = sha) =>
      app.request(`/api/blobs/${name}`, { method: 'PUT', as: 'inspektor', body, headers: { 'Content-Type': type } });

    it('stores by hash: 201, then 200; HEAD and GET find it for its sender, not yet for others; the file on disk hashes to its name', async () => {
      expect((await app.request(`/api/blobs/${sha}`, { method: 'HEAD', as: 'inspektor' })).status).toBe(404);
      expect((await put(bytes)).status).toBe(201);
      expect((await put(bytes)).status).toBe(200);
      // No record anyone else may read points to it yet (tests/integration/security/photoRights.test.ts).
      expect((await app.request(`/api/blobs/${sha}`, { method: 'HEAD', as: 'boveileder' })).status).toBe(404);
      const head = await app.request(`/api/blobs/${sha}`, { method: 'HEAD', as: 'inspektor' });
      expect(head.status).toBe(200);
      const get = await app.request(`/api/blobs/${sha}`, { as: 'inspektor' });
      expect(get.headers.get('Content-Type')).toBe('image/jpeg');
      expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);
      const file = join(app.dataDir, 'blobs', sha);
      expect(existsSync(file)).toBe(true);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(sha);
    });

    it('refuses wrong hashes (400), wrong types (415), too large (413), bad names (400), no session (401)', async () => {
      const before = await app.fingerprint();
      expect((await put(new Uint8Array([1]))).status).toBe(400);
      expect((await put(bytes, 'image/gif')).status).toBe(415);
      expect((await put(bytes, 'image/jpeg', 'ABC')).status).toBe(400);
      expect((await put(new Uint8Array(10 * 1024 * 1024 + 1))).status).toBe(413);
      expect((await app.request(`/api/blobs/${sha}`, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(401);
      expect(await app.fingerprint()).toBe(before);
    });
  });
});
