// Deletion markers say nothing to someone who may not read the record: an inspector pulling after a counsellor's home
// visit learns that some record is gone for them (entity, id, rev, deleted), not who made the visit or when. Against
// the real server process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAll, push, realProcessApi, type PrivacyApi } from '../privacy/api';
import { COUNSELLOR_ID, householdData, visitData } from '../privacy/fixtures';

describe('deletion markers', () => {
  let api: PrivacyApi;
  const householdId = crypto.randomUUID();
  const visitId = crypto.randomUUID();

  beforeAll(async () => {
    api = await realProcessApi();
    const now = api.now();
    const results = await push(api, 'boveileder', [
      { opId: crypto.randomUUID(), entity: 'household', id: householdId, baseRev: 0, set: householdData('own', now) },
      { opId: crypto.randomUUID(), entity: 'visit', id: visitId, baseRev: 0, set: visitData(householdId, COUNSELLOR_ID, now) },
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
  }, 60_000);
  afterAll(async () => api?.close());

  it('carry entity, id, rev and deleted only for a record the puller may not read', async () => {
    const { changes } = await pullAll(api, 'inspektor');
    const marker = changes.find((c) => c.id === visitId);
    expect(marker).toBeDefined();
    expect(marker).toEqual({ entity: 'visit', id: visitId, rev: 1, data: {}, deleted: true });
    // No marker anywhere in the pull names a person or a time.
    const leaking = changes.filter((c) => c.deleted && ('updatedBy' in c || 'updatedAt' in c || 'updatedByName' in c));
    expect(leaking).toEqual([]);
  });

  it('and a record the puller may read still says who changed it and when', async () => {
    const { changes } = await pullAll(api, 'boveileder');
    const visit = changes.find((c) => c.id === visitId);
    expect(visit).toMatchObject({ deleted: false, updatedBy: COUNSELLOR_ID, updatedByName: expect.any(String) });
    expect(Date.parse(visit!.updatedAt!)).not.toBeNaN();
  });
});
