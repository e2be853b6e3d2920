// Abuse cases on the write side, through the real server process: a write is allowed only if the writer may write
// every record the old and the new version link to, whatever else the op carries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAll, push, realProcessApi, type PrivacyApi } from '../privacy/api';
import { COLLEAGUE_ID, COUNSELLOR_ID, followUpData, homeVisitData, householdData, planData } from '../privacy/fixtures';
import { sampleDwelling } from '../sync/sample-records';

let api: PrivacyApi;
/** Another counsellor's household (the demo counsellor does not follow it) and a plan the demo counsellor coordinates. */
let othersHousehold: string;
let ownHousehold: string;
let ownPlan: string;
let dwelling: string;

const op = (entity: string, id: string, baseRev: number, set: Record<string, unknown>) => ({ opId: crypto.randomUUID(), entity, id, baseRev, set });

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
    expect(r!.error!.message).toContain('Only the counsellors following the household');
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
