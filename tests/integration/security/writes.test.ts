// Abuse cases on the write side, through the real server process: a write is allowed only if the writer may write
// every record the old and the new version link to, whatever else the op carries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAll, push, realProcessApi, type PrivacyApi } from '../privacy/api';
import { COLLEAGUE_ID, COUNSELLOR_ID, followUpData, homeVisitData, householdData, planData, taskData } from '../privacy/fixtures';
import { sampleDwelling } from '../sync/sample-records';

let api: PrivacyApi;
/** Another counsellor's household (the demo counsellor does not follow it) and a plan the demo counsellor coordinates. */
let othersHousehold: string;
let ownHousehold: string;
let ownPlan: string;
let dwelling: string;

const op = (entity: string, id: string, baseRev: number, set: Record<string, unknown>) => ({ opId: crypto.randomUUID(), entity, id, baseRev, set });

const remove = (entity: string, id: string, baseRev: number) => ({ opId: crypto.randomUUID(), entity, id, baseRev, delete: true });

/** The record's newest change as an administrator pulls it (undefined when the server never sent one). */
async function lastChange(id: string) {
  const { changes } = await pullAll(api, 'admin');
  return changes.filter((c) => c.id === id).at(-1);
}

/** The record as an administrator pulls it now (null when the server holds no live version). */
async function stored(id: string): Promise<Record<string, unknown> | null> {
  const { changes } = await pullAll(api, 'admin');
  const change = changes.find((c) => c.id === id);
  return change && !change.deleted ? (change.data as Record<string, unknown>) : null;
}

beforeAll(async () => {
  api = await realProcessApi();
  const now = api.now();
  othersHousehold = crypto.randomUUID();
  ownHousehold = crypto.randomUUID();
  dwelling = crypto.randomUUID();
  const setup = await push(api, 'admin', [
    op('household', othersHousehold, 0, householdData('others', now)),
    op('household', ownHousehold, 0, householdData('own', now)),
    op('dwelling', dwelling, 0, sampleDwelling(3)),
  ]);
  expect(setup.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  ownPlan = crypto.randomUUID();
  const [plan] = await push(api, 'boveileder', [op('plan', ownPlan, 0, planData(COUNSELLOR_ID, now))]);
  expect(plan!.status).toBe('applied');
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe('writing into records one may not write', () => {
  it('refuses a checklist created on one\'s own plan that names another counsellor\'s household', async () => {
    const id = crypto.randomUUID();
    const forged = { ...homeVisitData(othersHousehold, COUNSELLOR_ID, api.now()), planId: ownPlan };
    const [r] = await push(api, 'boveileder', [op('inspection', id, 0, forged)]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(r!.error!.message).toContain('The record does not exist, or you may not change it');
    expect(await stored(id)).toBeNull();
  });

  it('refuses moving one\'s own plan checklist into another counsellor\'s household', async () => {
    const id = crypto.randomUUID();
    const [created] = await push(api, 'boveileder', [op('inspection', id, 0, followUpData(ownPlan, COUNSELLOR_ID, api.now()))]);
    expect(created!.status).toBe('applied');
    const [moved] = await push(api, 'boveileder', [op('inspection', id, created!.rev!, { planId: null, householdId: othersHousehold })]);
    expect(moved).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await stored(id)).toMatchObject({ planId: ownPlan });
    expect((await stored(id))!.householdId ?? null).toBeNull();
  });

  it('refuses moving another coordinator\'s follow-up into one\'s own household', async () => {
    const now = api.now();
    const theirPlan = crypto.randomUUID();
    const id = crypto.randomUUID();
    const setup = await push(api, 'admin', [op('plan', theirPlan, 0, planData(COLLEAGUE_ID, now)), op('inspection', id, 0, followUpData(theirPlan, COLLEAGUE_ID, now))]);
    expect(setup.map((r) => r.status)).toEqual(['applied', 'applied']);
    const [moved] = await push(api, 'boveileder', [op('inspection', id, 1, { planId: null, householdId: ownHousehold })]);
    expect(moved).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await stored(id)).toMatchObject({ planId: theirPlan });
  });

  it('refuses a home-visit checklist of one\'s own household that also names a dwelling', async () => {
    const id = crypto.randomUUID();
    const [r] = await push(api, 'boveileder', [op('inspection', id, 0, { ...homeVisitData(ownHousehold, COUNSELLOR_ID, api.now()), dwellingId: dwelling })]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await stored(id)).toBeNull();
  });

  it('still lets a counsellor write checklists of their own household and plan', async () => {
    const now = api.now();
    const results = await push(api, 'boveileder', [
      op('inspection', crypto.randomUUID(), 0, homeVisitData(ownHousehold, COUNSELLOR_ID, now)),
      op('inspection', crypto.randomUUID(), 0, { ...homeVisitData(ownHousehold, COUNSELLOR_ID, now), planId: ownPlan }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});

describe('deleting', () => {
  it('refuses to delete an id the server never held, and writes no deletion marker for it', async () => {
    const id = crypto.randomUUID();
    for (const who of ['admin', 'boveileder', 'inntak']) {
      const [r] = await push(api, who, [remove('task', id, 0)]);
      // The same refusal as for a record one may not change, so it does not tell which ids exist.
      expect([who, r!.status, r!.error?.code]).toEqual([who, 'rejected', 'forbidden']);
      expect(r!.error!.message).toContain(' / ');
    }
    expect(await lastChange(id)).toBeUndefined();
  });

  it('needs the right to write the record even once it is deleted: the intake team cannot delete a removed task again', async () => {
    const id = crypto.randomUUID();
    const [created, removed] = await push(api, 'boveileder', [op('task', id, 0, taskData(ownHousehold, api.now())), remove('task', id, 1)]);
    expect([created!.status, removed!.status]).toEqual(['applied', 'applied']);
    const [again] = await push(api, 'inntak', [remove('task', id, 2)]);
    expect(again).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await lastChange(id)).toMatchObject({ rev: 2, deleted: true });
    // The one who may write it gets the delete confirmed, and nothing more is written.
    const [twice] = await push(api, 'boveileder', [remove('task', id, 2)]);
    expect(twice).toMatchObject({ status: 'applied', rev: 2 });
    expect(await lastChange(id)).toMatchObject({ rev: 2, deleted: true });
  });

  it('refuses deleting a checklist in a household one does not follow', async () => {
    const id = crypto.randomUUID();
    const [created] = await push(api, 'admin', [op('inspection', id, 0, homeVisitData(othersHousehold, COLLEAGUE_ID, api.now()))]);
    expect(created!.status).toBe('applied');
    const [r] = await push(api, 'boveileder', [remove('inspection', id, 1)]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await stored(id)).not.toBeNull();
  });
});

describe('refuse first, validate after', () => {
  const days = (n: number) => new Date(api.now().getTime() + n * 24 * 60 * 60 * 1000).toISOString();

  it('gives one refusal for a household one may not write, whatever the value and whether it exists', async () => {
    // The other household's consent runs out in 180 days: a date after that would make it invalid, one before not.
    const probes = [days(-20), days(200), 'not a date'];
    const before = ((await stored(othersHousehold))!.consent as { givenAt: string }).givenAt;
    const answers = [];
    for (const givenAt of probes) {
      const [existing] = await push(api, 'boveileder', [op('household', othersHousehold, 1, { 'consent.givenAt': givenAt })]);
      const [unknown] = await push(api, 'boveileder', [op('household', crypto.randomUUID(), 0, { 'consent.givenAt': givenAt })]);
      answers.push(existing, unknown);
    }
    for (const r of answers) expect({ status: r!.status, error: r!.error }).toEqual({ status: 'rejected', error: answers[0]!.error });
    expect(answers[0]!.error).toMatchObject({ code: 'forbidden' });
    expect(answers[0]!.error).not.toHaveProperty('issues');
    expect(await stored(othersHousehold)).toMatchObject({ consent: { givenAt: before } });
  });

  it('still explains what is invalid to someone who may write the record', async () => {
    const [r] = await push(api, 'boveileder', [op('household', ownHousehold, 1, { 'consent.givenAt': days(200) })]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid' } });
    expect(r!.error!.issues?.length).toBeGreaterThan(0);
  });
});

describe('conflicts and fields one may not write', () => {
  const INTAKE_DEVICE = '0c0c0c0c-0000-4000-8000-0000000000d1';

  it('refuses the intake team a write to a task field it may not write, instead of a conflict that shows the stored value', async () => {
    const now = api.now();
    const id = crypto.randomUUID();
    const hidden = crypto.randomUUID();
    const [created] = await push(api, 'boveileder', [op('task', id, 0, taskData(ownHousehold, now))]);
    expect(created!.status).toBe('applied');
    const [changed] = await push(api, 'boveileder', [op('task', id, 1, { sourceVisitId: hidden })]);
    expect(changed!.status).toBe('applied');
    // From the intake team's own device, so the counsellor's later write is someone else's: the old answer was a conflict.
    const [r] = await push(api, 'inntak', [op('task', id, 1, { sourceVisitId: crypto.randomUUID() })], INTAKE_DEVICE);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(JSON.stringify(r)).not.toContain(hidden);
    // No new revision was written.
    expect(await lastChange(id)).toMatchObject({ rev: 2 });
  });

  it('still lets the intake team mark its task done, and a conflict there shows the stored value it may read', async () => {
    const now = api.now();
    const id = crypto.randomUUID();
    const [created] = await push(api, 'boveileder', [op('task', id, 0, taskData(ownHousehold, now, crypto.randomUUID()))]);
    expect(created!.status).toBe('applied');
    const first = new Date(now.getTime() - 60_000).toISOString();
    const [byCounsellor] = await push(api, 'boveileder', [op('task', id, 1, { status: 'done', doneAt: first })]);
    expect(byCounsellor!.status).toBe('applied');
    const [r] = await push(api, 'inntak', [op('task', id, 1, { status: 'done', doneAt: now.toISOString() })], INTAKE_DEVICE);
    expect(r).toMatchObject({ status: 'conflict', conflicts: [{ path: 'doneAt', server: first, mine: now.toISOString() }] });
  });
});

describe('scheduled inspections', () => {
  const plan = (inspectorId: string) => ({
    dwellingId: dwelling,
    templateIds: ['dwelling-inspection'],
    inspectorId,
    date: '2027-01-18',
    byWeek: true,
    status: 'planned',
    plannedAt: api.now().toISOString(),
  });
  const IVAR = '00000000-0000-4000-8000-000000000002';

  it('lets administrators plan and the inspector reschedule, and refuses counsellors and the intake team', async () => {
    const id = crypto.randomUUID();
    const [created] = await push(api, 'admin', [op('scheduledInspection', id, 0, plan(IVAR))]);
    expect(created!.status).toBe('applied');
    const [moved] = await push(api, 'inspektor', [op('scheduledInspection', id, 1, { date: '2027-01-25' })]);
    expect(moved!.status).toBe('applied');
    for (const who of ['boveileder', 'inntak']) {
      const [r] = await push(api, who, [op('scheduledInspection', crypto.randomUUID(), 0, plan(IVAR))]);
      expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      const [edit] = await push(api, who, [op('scheduledInspection', id, 2, { inspectorId: COUNSELLOR_ID })]);
      expect(edit).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    }
    expect(await stored(id)).toMatchObject({ date: '2027-01-25', inspectorId: IVAR });
    // Not sent to those who may not read it.
    const { changes } = await pullAll(api, 'boveileder');
    expect(changes.find((c) => c.id === id)?.deleted ?? true).toBe(true);
  });

  it('refuses a plan without a checklist, saying what to fix', async () => {
    const [r] = await push(api, 'admin', [op('scheduledInspection', crypto.randomUUID(), 0, { ...plan(IVAR), templateIds: [] })]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid' } });
    expect(JSON.stringify(r!.error)).toContain('Velg minst én sjekkliste');
  });
});
