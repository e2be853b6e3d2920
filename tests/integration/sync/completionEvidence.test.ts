// Evidence when an answer fails, on the server: against the real server process, a push that completes a checklist
// whose template asks for a photo or a note on a failed answer that is not there is refused, naming the item and what
// it needs in Bokmål and English, and the checklist stays a draft; with the evidence it is applied. The writer's right
// is judged before any value, and a template version without evidence rules completes as before.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/core/demo/users';
import type { OpResult, PullResponse } from '../../../src/core/sync/protocol';
import { startServer, type ServerProcess } from '../../support/server-process';
import { sampleDwelling, sampleInspection } from './sample-records';

let server: ServerProcess;
const tokens: Record<string, string> = {};
const uuid = () => crypto.randomUUID();
const IVAR = '00000000-0000-4000-8000-000000000002';
const dwellingId = uuid();

beforeAll(async () => {
  server = await startServer({ demo: true });
  for (const username of ['admin', 'inspektor', 'boveileder']) {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    tokens[username] = ((await res.json()) as { token: string }).token;
  }
  const [made] = await push('admin', [{ opId: uuid(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: sampleDwelling(5) }]);
  expect(made!.status).toBe('applied');
}, 90_000);
afterAll(() => server?.stop());

async function push(as: string, ops: unknown[]): Promise<OpResult[]> {
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[as]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: uuid(), ops }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { results: OpResult[] }).results;
}

/** The inspection as the inspector's device pulls it. */
async function pulled(id: string): Promise<Record<string, unknown> | undefined> {
  let found: Record<string, unknown> | undefined;
  for (let cursor = 0; ; ) {
    const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${tokens.inspektor}` } });
    const page = (await res.json()) as PullResponse;
    for (const c of page.changes) if (c.entity === 'inspection' && c.id === id) found = c.deleted ? undefined : c.data;
    cursor = page.cursor;
    if (!page.hasMore) return found;
  }
}

/** A JPEG on the server, as the app uploads a photo before the push that names it. */
async function uploadedPhoto(): Promise<{ sha256: string; mime: 'image/jpeg'; takenAt: string }> {
  const bytes = new Uint8Array(2048);
  bytes.set(randomBytes(bytes.length));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const res = await fetch(`${server.url}/api/blobs/${sha256}`, { method: 'PUT', headers: { Authorization: `Bearer ${tokens.inspektor}`, 'Content-Type': 'image/jpeg' }, body: bytes });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return { sha256, mime: 'image/jpeg', takenAt: new Date().toISOString() };
}

/** A version 2 dwelling inspection draft with one bedroom graded TG2 and a "no" on its smoke detector. */
async function draftV2(): Promise<string> {
  const id = uuid();
  const room = { name: { value: 'Soverom mot hagen' }, type: { value: 'bedroom' }, grade: { value: 'TG2' }, smokeDetector: { value: false } };
  const set = { ...sampleInspection(dwellingId, IVAR), templateVersion: 2, answers: { 'rooms.list': { entries: [{ id: 'r1', answers: room }] } } };
  const [r] = await push('inspektor', [{ opId: uuid(), entity: 'inspection', id, baseRev: 0, set }]);
  expect(r!.status).toBe('applied');
  return id;
}

const completing = (id: string, baseRev: number, more: Record<string, unknown> = {}) => ({
  opId: uuid(),
  entity: 'inspection',
  id,
  baseRev,
  set: { status: 'completed', completedAt: new Date().toISOString(), ...more },
});

describe('completion evidence on the server', () => {
  it('refuses completing a checklist whose failed answers lack their photo and note, naming each item and what it needs', async () => {
    const id = await draftV2();
    const [r] = await push('inspektor', [completing(id, 1)]);
    expect([r!.status, r!.error?.code]).toEqual(['rejected', 'evidence_missing']);
    const message = r!.error!.message;
    expect(message).toContain('«Soverom mot hagen: Tilstandsgrad»: Svaret krever bilde');
    expect(message).toContain('«Soverom mot hagen: Røykvarsler dekker rommet»: Svaret krever merknad');
    expect(message).toContain('"Soverom mot hagen: Condition grade": This answer needs a photo');
    expect(message).toContain('"Soverom mot hagen: A smoke detector covers the room": This answer needs a note');
    expect(r!.error!.issues).toEqual([
      { itemId: 'rooms.list', entryId: 'r1', entryItemId: 'smokeDetector', needs: ['note'] },
      { itemId: 'rooms.list', entryId: 'r1', entryItemId: 'grade', needs: ['photo'] },
    ]);
    expect((await pulled(id))?.status).toBe('draft');
  });

  it('completes it once the photo and the note are there', async () => {
    const id = await draftV2();
    const photo = await uploadedPhoto();
    const room = {
      name: { value: 'Soverom mot hagen' },
      type: { value: 'bedroom' },
      grade: { value: 'TG2', photos: [photo] },
      smokeDetector: { value: false, note: 'Varsleren i gangen når ikke inn hit' },
    };
    const [r] = await push('inspektor', [completing(id, 1, { 'answers.rooms.list': { entries: [{ id: 'r1', answers: room }] } })]);
    expect(r!.error ?? null).toBeNull();
    expect(r!.status).toBe('applied');
    expect((await pulled(id))?.status).toBe('completed');
  });

  it('judges the right first: a counsellor completing the inspector’s checklist gets the refusal any record gets', async () => {
    const id = await draftV2();
    const [r] = await push('boveileder', [completing(id, 1)]);
    expect([r!.status, r!.error?.code]).toEqual(['rejected', 'forbidden']);
    expect(r!.error!.message).not.toContain('Soverom');
    expect(r!.error!.issues).toBeUndefined();
  });

  it('leaves a template version without evidence rules as it was: version 1 completes with a TG3 and no photo', async () => {
    const id = uuid();
    const set = { ...sampleInspection(dwellingId, IVAR), answers: { 'condition.roof': { value: 'TG3' } } };
    const [made] = await push('inspektor', [{ opId: uuid(), entity: 'inspection', id, baseRev: 0, set }]);
    expect(made!.status).toBe('applied');
    const [r] = await push('inspektor', [completing(id, 1)]);
    expect(r!.status).toBe('applied');
  });
});
