// The authorisation matrix through the real server: every role × every entity × own / someone else's / no consent /
// consent withdrawn × read (pull and GET, field by field) and write (push), once in-process on a real SQLite file and
// once through the real server process.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src/core/sync/protocol';
import { inProcessApi, pullAll, push, realProcessApi, type PrivacyApi } from './api';
import {
  COLLEAGUE_ID,
  COUNSELLOR_ID,
  SITUATIONS,
  allocationData,
  followUpData,
  homeVisitData,
  householdData,
  planData,
  taskData,
  visitData,
  type Situation,
} from './fixtures';
import { sampleDwelling, sampleInspection } from '../sync/sample-records';

const ROLES = ['admin', 'inspektor', 'boveileder', 'inntak'] as const;
type Username = (typeof ROLES)[number];
const LINKED = ['household', 'visit', 'homeVisit', 'task'] as const;
const PLAN_SITUATIONS = ['own', 'others'] as const;
type Shared = 'dwelling' | 'dwellingInspection' | 'allocation' | 'dwellingAction';
type Kind = (typeof LINKED)[number] | 'plan' | 'followUp' | Shared;

const F = 'full';
const N = 'none';
type Seen = typeof F | typeof N | readonly string[];
// What NAV's intake member sees: `own` grants composition + housing + tasks, `others` composition only.
const HOUSEHOLD_OWN = ['adults', 'childBirthYears', 'counsellorIds', 'displayName', 'dwellingId', 'languageNeeds', 'needs', 'priorityFamily'];
const HOUSEHOLD_OTHERS = ['adults', 'childBirthYears', 'counsellorIds', 'displayName', 'languageNeeds'];
const TASK_FOR_UNIT = ['doneAt', 'dueDate', 'householdId', 'ownerUnit', 'status', 'title'];
// What intake outside the owning unit sees of a dwelling's action: what the dwelling's verdict reads, not the finding.
const ACTION_FOR_INTAKE = ['doneAt', 'dueDate', 'dwellingId', 'householdId', 'ownerUnit', 'severity', 'status', 'title'];

// A dwelling's follow-up action owned by Bygg og eiendom: the demo counsellor works for that unit, the intake member
// for NAV only.
/** Expected reads, written out by hand: [own, others, noConsent, withdrawn] (plans and their follow-ups: [own, others]). */
const READ: Record<Username, Record<Kind, Seen | readonly Seen[]>> = {
  admin: { household: [F, F, F, F], visit: [F, F, F, F], homeVisit: [F, F, F, F], task: [F, F, F, F], plan: [F, F], followUp: [F, F], dwelling: F, dwellingInspection: F, allocation: F, dwellingAction: F },
  inspektor: { household: [N, N, N, N], visit: [N, N, N, N], homeVisit: [N, N, N, N], task: [N, N, N, N], plan: [N, N], followUp: [N, N], dwelling: F, dwellingInspection: F, allocation: F, dwellingAction: F },
  boveileder: { household: [F, N, F, F], visit: [F, N, F, F], homeVisit: [F, N, F, F], task: [F, N, F, F], plan: [F, N], followUp: [F, N], dwelling: F, dwellingInspection: N, allocation: N, dwellingAction: F },
  inntak: { household: [HOUSEHOLD_OWN, HOUSEHOLD_OTHERS, N, N], visit: [N, N, N, N], homeVisit: [N, N, N, N], task: [TASK_FOR_UNIT, N, N, N], plan: [N, N], followUp: [N, N], dwelling: F, dwellingInspection: F, allocation: F, dwellingAction: ACTION_FOR_INTAKE },
};

const A = 'allow';
const D = 'deny';
type Verdict = typeof A | typeof D;
/** Expected writes (an edit of a field that does not change who may see the record), same order as READ. */
const WRITE: Record<Username, Record<Kind, Verdict | readonly Verdict[]>> = {
  admin: { household: [A, A, A, A], visit: [A, A, A, A], homeVisit: [A, A, A, A], task: [A, A, A, A], plan: [A, A], followUp: [A, A], dwelling: A, dwellingInspection: A, allocation: A, dwellingAction: A },
  inspektor: { household: [D, D, D, D], visit: [D, D, D, D], homeVisit: [D, D, D, D], task: [D, D, D, D], plan: [D, D], followUp: [D, D], dwelling: A, dwellingInspection: A, allocation: D, dwellingAction: A },
  boveileder: { household: [A, D, A, A], visit: [A, D, A, A], homeVisit: [A, D, A, A], task: [A, D, A, A], plan: [A, D], followUp: [A, D], dwelling: D, dwellingInspection: D, allocation: D, dwellingAction: A },
  // The intake team writes a task only to mark its own unit's task done, and only while consent covers tasks.
  inntak: { household: [D, D, D, D], visit: [D, D, D, D], homeVisit: [D, D, D, D], task: [A, D, D, D], plan: [D, D], followUp: [D, D], dwelling: D, dwellingInspection: D, allocation: A, dwellingAction: D },
};

type RecordRef = { kind: Kind; label: string; entity: string; id: string; data: Record<string, unknown> };

/** Builds the world as an administrator: per situation a household with a visit, a home-visit checklist and a task. */
async function buildWorld(api: PrivacyApi): Promise<RecordRef[]> {
  const now = api.now();
  const refs: RecordRef[] = [];
  const add = (kind: Kind, label: string, entity: string, data: Record<string, unknown>) => {
    const ref = { kind, label, entity, id: crypto.randomUUID(), data };
    refs.push(ref);
    return ref;
  };
  for (const s of SITUATIONS) {
    const counsellor = s === 'others' ? COLLEAGUE_ID : COUNSELLOR_ID;
    const h = add('household', s, 'household', householdData(s, now));
    const v = add('visit', s, 'visit', visitData(h.id, counsellor, now));
    add('homeVisit', s, 'inspection', homeVisitData(h.id, counsellor, now));
    add('task', s, 'task', taskData(h.id, now, v.id));
  }
  for (const [label, coordinator] of [['own', COUNSELLOR_ID], ['others', COLLEAGUE_ID]] as const) {
    const plan = add('plan', label, 'plan', planData(coordinator, now));
    add('followUp', label, 'inspection', followUpData(plan.id, coordinator, now));
  }
  const d = add('dwelling', '-', 'dwelling', sampleDwelling(7));
  add('dwellingInspection', '-', 'inspection', sampleInspection(d.id, '00000000-0000-4000-8000-000000000002'));
  add('allocation', '-', 'allocation', allocationData(d.id, now));
  add('dwellingAction', '-', 'task', { ...taskData(null, now), title: 'Tett sluk', ownerUnit: 'buildingsAndProperty', dwellingId: d.id, severity: 'TG3' });
  const results = await push(api, 'admin', refs.map((r) => ({ opId: crypto.randomUUID(), entity: r.entity, id: r.id, baseRev: 0, set: r.data })));
  expect(results.map((r) => r.status), JSON.stringify(results)).toEqual(refs.map(() => 'applied'));
  return refs;
}

function expectedRead(user: Username, ref: RecordRef): Seen {
  const cell = READ[user][ref.kind];
  if (ref.kind === 'plan' || ref.kind === 'followUp') return (cell as readonly Seen[])[PLAN_SITUATIONS.indexOf(ref.label as 'own')]!;
  if ((LINKED as readonly string[]).includes(ref.kind)) return (cell as readonly Seen[])[SITUATIONS.indexOf(ref.label as Situation)]!;
  return cell as Seen;
}

function expectedWrite(user: Username, ref: RecordRef): Verdict {
  const cell = WRITE[user][ref.kind];
  if (ref.kind === 'plan' || ref.kind === 'followUp') return (cell as readonly Verdict[])[PLAN_SITUATIONS.indexOf(ref.label as 'own')]!;
  if ((LINKED as readonly string[]).includes(ref.kind)) return (cell as readonly Verdict[])[SITUATIONS.indexOf(ref.label as Situation)]!;
  return cell as Verdict;
}

/** A harmless edit of each kind: it changes a value but not who may see the record. */
function edit(ref: RecordRef, now: Date): Record<string, unknown> {
  switch (ref.kind) {
    case 'household':
      return { languageNeeds: 'tolk: arabisk (bekreftet)' };
    case 'visit':
      return { date: new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10) };
    case 'homeVisit':
      return { 'answers.visit.purpose': { value: 'Endret formål' } };
    case 'task':
      return { status: 'done', doneAt: now.toISOString() };
    case 'plan':
      return { referringService: 'Flyktningeenheten' };
    case 'followUp':
      return { 'answers.meeting.threeWayHeld': { value: true } };
    case 'dwelling':
      return { vacant: true };
    case 'dwellingInspection':
      return { 'answers.fire.smokeDetectors': { value: 2 } };
    case 'allocation':
      return { childrenCount: 3 };
    case 'dwellingAction':
      return { status: 'done', doneAt: now.toISOString(), closeNote: 'Nytt sluk lagt' };
  }
}

const cellName = (user: string, ref: RecordRef) => `${user} × ${ref.kind} × ${ref.label}`;

/** How much of the record came back: all of it, none, or the names of the fields sent. */
function seen(ref: RecordRef, data: Record<string, unknown> | null): Seen {
  if (!data) return N;
  return isDeepStrictEqual(data, ref.data) ? F : Object.keys(data).sort();
}

describe.each([
  ['in process', () => inProcessApi(new Date('2026-03-02T09:00:00Z'))],
  ['real process', () => realProcessApi()],
  ['real process on PostgreSQL', () => realProcessApi(true)],
] as const)('authorisation matrix (%s)', (_name, open) => {
  let api: PrivacyApi;
  let world: RecordRef[];
  const pulls = new Map<Username, PullResponse>();

  beforeAll(async () => {
    api = await open();
    world = await buildWorld(api);
    for (const u of ROLES) pulls.set(u, await pullAll(api, u));
  });
  afterAll(async () => api?.close());

  it('pull returns each record whole, in part (only the consented fields) or as deleted, per role and situation', () => {
    const failures: string[] = [];
    for (const user of ROLES) {
      for (const ref of world) {
        const change = pulls.get(user)!.changes.findLast((c) => c.id === ref.id);
        const expected = expectedRead(user, ref);
        const got = seen(ref, !change || change.deleted ? null : change.data);
        if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${cellName(user, ref)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
        if (change?.deleted && Object.keys(change.data).length > 0) failures.push(`${cellName(user, ref)}: a deletion carried data`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never sends the intake team notes, visit notes, the consent record or where a task was agreed', () => {
    const sent = JSON.stringify(pulls.get('inntak')!.changes);
    expect(sent).not.toContain('Fortrolig');
    expect(sent).not.toContain('"consent"');
    expect(sent).not.toContain('sourceVisitId');
    expect(sent).toContain('Familie own');
    expect(sent).not.toContain('Familie noConsent');
    expect(sent).not.toContain('Familie withdrawn');
    expect(JSON.stringify(pulls.get('inspektor')!.changes)).not.toContain('Familie');
  });

  it('GET /api/households/:id answers with the same view as pull, and 404 alike for "not yours" and "no such household"', async () => {
    const failures: string[] = [];
    for (const user of ROLES) {
      for (const ref of world.filter((r) => r.kind === 'household')) {
        const res = await api.request(`/api/households/${ref.id}`, { as: user });
        expect([200, 404]).toContain(res.status);
        const got = seen(ref, res.status === 200 ? ((await res.json()) as { data: Record<string, unknown> }).data : null);
        const expected = expectedRead(user, ref);
        if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${cellName(user, ref)}: GET gave ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
      }
    }
    expect(failures).toEqual([]);
    const counsellors = await api.request('/api/counsellors', { as: 'boveileder' });
    expect(((await counsellors.json()) as { counsellors: { name: string }[] }).counsellors.map((c) => c.name)).toEqual(['Berit Boveileder']);
    expect((await api.request('/api/counsellors', { as: 'inntak' })).status).toBe(403);
    const inspectors = await api.request('/api/inspectors', { as: 'admin' });
    expect(((await inspectors.json()) as { inspectors: { name: string }[] }).inspectors.map((c) => c.name)).toEqual(['Ivar Inspektør']);
    expect((await api.request('/api/inspectors', { as: 'boveileder' })).status).toBe(403);
    const unknown = await api.request(`/api/households/${crypto.randomUUID()}`, { as: 'admin' });
    expect(unknown.status).toBe(404);
    expect((await api.request(`/api/households/${world[0]!.id}`)).status).toBe(401);
  });

  it('push applies or refuses each edit per role and situation, and a refusal says why in both languages', async () => {
    const failures: string[] = [];
    const now = api.now();
    for (const user of ROLES) {
      const results = await push(api, user, world.map((ref) => ({ opId: crypto.randomUUID(), entity: ref.entity, id: ref.id, baseRev: 1, set: edit(ref, now) })));
      world.forEach((ref, i) => {
        const r = results[i]!;
        const got: Verdict = r.status === 'applied' || r.status === 'conflict' ? A : D;
        if (got !== expectedWrite(user, ref)) failures.push(`${cellName(user, ref)}: expected ${expectedWrite(user, ref)}, got ${r.status} ${JSON.stringify(r.error ?? '')}`);
        if (got === D && (r.status !== 'rejected' || r.error?.code !== 'forbidden' || !/ \/ /.test(r.error.message))) {
          failures.push(`${cellName(user, ref)}: refusal should be rejected/forbidden with a two-language message, got ${JSON.stringify(r)}`);
        }
      });
    }
    expect(failures).toEqual([]);
  });

  it('lets the intake team change only the status of its task, never its title or due date', async () => {
    const task = world.find((r) => r.kind === 'task' && r.label === 'own')!;
    const [title, due] = await push(api, 'inntak', [
      { opId: crypto.randomUUID(), entity: 'task', id: task.id, baseRev: 0, set: { title: 'Noe annet' } },
      { opId: crypto.randomUUID(), entity: 'task', id: task.id, baseRev: 0, set: { dueDate: '2030-01-01' } },
    ]);
    expect(title).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(due).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(title!.error!.message).toContain("You can only mark your unit's tasks as done");
  });

  it('decides creates by who the new record would belong to', async () => {
    const now = api.now();
    const own = world.find((r) => r.kind === 'household' && r.label === 'own')!;
    const others = world.find((r) => r.kind === 'household' && r.label === 'others')!;
    const create = (entity: string, data: Record<string, unknown>) => ({ opId: crypto.randomUUID(), entity, id: crypto.randomUUID(), baseRev: 0, set: data });
    const cases: [Username, ReturnType<typeof create>, Verdict][] = [
      ['boveileder', create('household', householdData('own', now)), A],
      ['boveileder', create('household', householdData('others', now)), D],
      ['inntak', create('household', { ...householdData('own', now), counsellorIds: [] }), D],
      ['inspektor', create('household', householdData('own', now)), D],
      ['boveileder', create('visit', visitData(own.id, COUNSELLOR_ID, now)), A],
      ['boveileder', create('visit', visitData(others.id, COUNSELLOR_ID, now)), D],
      ['boveileder', create('visit', visitData(crypto.randomUUID(), COUNSELLOR_ID, now)), D],
      ['boveileder', create('inspection', homeVisitData(others.id, COUNSELLOR_ID, now)), D],
      ['boveileder', create('task', taskData(own.id, now)), A],
      ['boveileder', create('task', taskData(others.id, now)), D],
      ['boveileder', create('task', taskData(null, now)), A],
      ['inntak', create('task', taskData(own.id, now)), D],
      ['boveileder', create('plan', planData(COUNSELLOR_ID, now)), A],
      ['boveileder', create('plan', planData(COLLEAGUE_ID, now)), D],
      ['inntak', create('plan', planData(COUNSELLOR_ID, now)), D],
    ];
    const failures: string[] = [];
    for (const [user, op, verdict] of cases) {
      const [r] = await push(api, user, [op]);
      const got: Verdict = r!.status === 'applied' ? A : D;
      if (got !== verdict) failures.push(`${user} creates ${op.entity} ${JSON.stringify(op.set).slice(0, 60)}: expected ${verdict}, got ${JSON.stringify(r)}`);
    }
    expect(failures).toEqual([]);
  });

  it('logs every household read and write for administrators only: who, what, when, through which door', async () => {
    const own = world.find((r) => r.kind === 'household' && r.label === 'own')!;
    const res = await api.request(`/api/households/${own.id}/audit?limit=500`, { as: 'admin' });
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: { userName: string; action: string; via: string; entity: string; fields: string[]; at: string }[] };
    const intakeReads = entries.filter((e) => e.userName === 'Ingrid Inntak' && e.action === 'read');
    expect(intakeReads.map((e) => `${e.via}:${e.entity}`)).toEqual(expect.arrayContaining(['pull:household', 'pull:task', 'api:household']));
    expect(intakeReads.find((e) => e.entity === 'household')!.fields).toEqual(HOUSEHOLD_OWN);
    expect(intakeReads.every((e) => !e.fields.includes('notes'))).toBe(true);
    const writes = entries.filter((e) => e.action === 'write' && e.userName === 'Berit Boveileder');
    expect(writes.map((e) => `${e.entity}:${e.fields.join(',')}`)).toEqual(expect.arrayContaining(['household:languageNeeds', 'task:doneAt,status']));
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    // Someone else's household is logged under that household, not this one.
    expect(entries.some((e) => e.userName === 'Berit Boveileder' && e.action === 'read' && e.entity === 'visit')).toBe(true);
    for (const user of ['boveileder', 'inntak', 'inspektor'] as const) {
      expect((await api.request(`/api/households/${own.id}/audit`, { as: user })).status).toBe(403);
    }
  });

  it('stops sharing at the next pull after consent is withdrawn, and hands a household over with everything that points to it', async () => {
    const own = world.find((r) => r.kind === 'household' && r.label === 'own')!;
    const ownTask = world.find((r) => r.kind === 'task' && r.label === 'own')!;
    const intakeCursor = pulls.get('inntak')!.cursor;
    const [w] = await push(api, 'boveileder', [
      { opId: crypto.randomUUID(), entity: 'household', id: own.id, baseRev: 0, set: { consent: { ...(own.data.consent as object), withdrawnAt: api.now().toISOString() } } },
    ]);
    expect(w!.status).toBe('applied');
    const after = await pullAll(api, 'inntak', intakeCursor);
    expect(after.changes.find((c) => c.id === own.id)).toMatchObject({ deleted: true, data: {} });
    expect(after.changes.find((c) => c.id === ownTask.id)).toMatchObject({ deleted: true, data: {} });
    expect((await api.request(`/api/households/${own.id}`, { as: 'inntak' })).status).toBe(404);

    const noConsent = world.filter((r) => r.label === 'noConsent');
    const counsellorCursor = (await pullAll(api, 'boveileder')).cursor;
    const [h] = await push(api, 'boveileder', [
      { opId: crypto.randomUUID(), entity: 'household', id: noConsent[0]!.id, baseRev: 0, set: { counsellorIds: [COLLEAGUE_ID] } },
    ]);
    expect(h!.status).toBe('applied');
    const handedOver = await pullAll(api, 'boveileder', counsellorCursor);
    for (const ref of noConsent) expect(handedOver.changes.find((c) => c.id === ref.id), ref.kind).toMatchObject({ deleted: true });
  });
});

describe('consent that runs out with nobody editing it', () => {
  let api: PrivacyApi;
  beforeAll(async () => {
    api = await inProcessApi(new Date('2026-03-02T09:00:00Z'));
  });
  afterAll(async () => api?.close());

  it('is sent as deleted to the intake team at the first pull after the expiry day, and logged no further', async () => {
    const now = api.now();
    const id = crypto.randomUUID();
    const taskId = crypto.randomUUID();
    const own = householdData('own', now);
    const household: Record<string, unknown> = { ...own, consent: { ...(own.consent as object), expiresAt: '2026-03-05' } };
    await push(api, 'boveileder', [
      { opId: crypto.randomUUID(), entity: 'household', id, baseRev: 0, set: household },
      { opId: crypto.randomUUID(), entity: 'task', id: taskId, baseRev: 0, set: taskData(id, now) },
    ]);
    const first = await pullAll(api, 'inntak');
    expect(first.changes.find((c) => c.id === id)).toMatchObject({ deleted: false });
    expect(first.changes.find((c) => c.id === taskId)).toMatchObject({ deleted: false });

    // 5 March 23:00 UTC is 6 March in Oslo: the consent held through the 5th.
    api.advance!(Date.parse('2026-03-05T22:30:00Z') - now.getTime());
    const onLastDay = await pullAll(api, 'inntak', first.cursor);
    expect(onLastDay.changes).toEqual([]);
    api.advance!(60 * 60 * 1000);
    const afterExpiry = await pullAll(api, 'inntak', first.cursor);
    expect(afterExpiry.changes.find((c) => c.id === id)).toMatchObject({ deleted: true, data: {} });
    expect(afterExpiry.changes.find((c) => c.id === taskId)).toMatchObject({ deleted: true, data: {} });
    // The counsellor still follows the family: the same changes reach them whole.
    const counsellor = await pullAll(api, 'boveileder');
    expect(counsellor.changes.find((c) => c.id === id)).toMatchObject({ deleted: false, data: { notes: household.notes } });
    // Only once: the next pull has nothing new.
    expect((await pullAll(api, 'inntak', afterExpiry.cursor)).changes).toEqual([]);

    const audit = (await (await api.request(`/api/households/${id}/audit`, { as: 'admin' })).json()) as {
      entries: { userName: string; action: string; entity: string; at: string }[];
    };
    const intakeReads = audit.entries.filter((e) => e.userName === 'Ingrid Inntak' && e.entity === 'household');
    expect(intakeReads.length).toBe(1);
    expect(intakeReads[0]!.at).toBe(now.toISOString());
  });
});
