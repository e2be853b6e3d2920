// The municipality settings through the real server process: every role reads them, only administrators write them
// (the right is checked before the values), they stay one record, and renaming an area leaves the records as they are.
// A write naming an area or unit the settings do not list is refused, saying which field and what to choose, but only
// after the writer's right to the record; renaming or removing a unit leaves the records that name it as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAll, push, realProcessApi, type PrivacyApi } from '../privacy/api';
import { sampleDwelling } from '../sync/sample-records';
import { SETTINGS_ID, type Settings } from '../../../src/core/schemas/settings';

let api: PrivacyApi;

const op = (id: string, baseRev: number, set: Record<string, unknown>) => ({ opId: crypto.randomUUID(), entity: 'settings', id, baseRev, set });

/** The settings record as a user pulls it. */
async function settingsAs(user: string) {
  const { changes } = await pullAll(api, user);
  return changes.filter((c) => c.entity === 'settings').at(-1);
}

beforeAll(async () => {
  api = await realProcessApi();
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe('municipality settings', () => {
  it('reach every role, as the demo set them up', async () => {
    for (const user of ['admin', 'inspektor', 'boveileder', 'inntak']) {
      const s = await settingsAs(user);
      expect(s, user).toMatchObject({ id: SETTINGS_ID, deleted: false, rev: 1 });
      expect((s!.data as Settings).areas.length).toBeGreaterThan(3);
    }
  });

  it('refuse anyone but an administrator before looking at the values, valid or not', async () => {
    const before = await settingsAs('admin');
    for (const user of ['inspektor', 'boveileder', 'inntak']) {
      const [bad] = await push(api, user, [op(SETTINGS_ID, 1, { municipality: 'not an object' })]);
      expect(bad, user).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      const [good] = await push(api, user, [op(SETTINGS_ID, 1, { municipality: { name: 'Annen', number: '0301' } })]);
      expect(good, user).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      const [other] = await push(api, user, [op(crypto.randomUUID(), 0, { municipality: { name: 'Annen', number: '0301' } })]);
      expect(other, user).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    }
    expect(await settingsAs('admin')).toEqual(before);
  });

  it('tell an administrator what is wrong and keep what was saved', async () => {
    const before = await settingsAs('admin');
    const [r] = await push(api, 'admin', [op(SETTINGS_ID, before!.rev, { municipality: { name: 'Melhus', number: '50' } })]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid' } });
    expect(JSON.stringify(r!.error!.issues)).toContain('A municipality number is four digits');
    expect(await settingsAs('admin')).toEqual(before);
  });

  it('stay one record that cannot be deleted', async () => {
    const data = (await settingsAs('admin'))!.data;
    const second = crypto.randomUUID();
    const [r] = await push(api, 'admin', [op(second, 0, data)]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid', message: 'Innstillingene har én fast ID / The settings have one fixed id' } });
    const rev = (await settingsAs('admin'))!.rev;
    const [d] = await push(api, 'admin', [{ opId: crypto.randomUUID(), entity: 'settings', id: SETTINGS_ID, baseRev: rev, delete: true }]);
    expect(d).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await settingsAs('inspektor')).toMatchObject({ deleted: false, rev });
    const { changes } = await pullAll(api, 'admin');
    expect(changes.filter((c) => c.id === second)).toEqual([]);
  });

  it('rename an area without touching the dwellings in it: they refer to its id', async () => {
    const { changes } = await pullAll(api, 'inspektor');
    const current = changes.filter((c) => c.entity === 'settings').at(-1)!;
    const settings = current.data as Settings;
    const area = settings.areas[1]!;
    const inArea = changes.filter((c) => c.entity === 'dwelling' && !c.deleted && c.data.area === area.id);
    expect(inArea.length).toBeGreaterThan(0);
    const renamed = settings.areas.map((a) => (a.id === area.id ? { ...a, name: `${a.name} nord` } : a));
    const [r] = await push(api, 'admin', [op(SETTINGS_ID, current.rev, { areas: renamed })]);
    expect(r).toMatchObject({ status: 'applied' });
    const after = await pullAll(api, 'inspektor');
    const s = after.changes.filter((c) => c.entity === 'settings').at(-1)!;
    expect((s.data as Settings).areas.find((a) => a.id === area.id)!.name).toBe(`${area.name} nord`);
    for (const d of inArea) {
      const now = after.changes.filter((c) => c.id === d.id).at(-1)!;
      expect(now).toMatchObject({ rev: d.rev, data: { area: area.id } });
    }
  });
});

describe('areas and units from the settings', () => {
  const record = (entity: string, set: Record<string, unknown>, id = crypto.randomUUID(), baseRev = 0) => ({ opId: crypto.randomUUID(), entity, id, baseRev, set });
  const task = (ownerUnit: string) => ({ title: 'Bestille tolk', ownerUnit, householdId: null, dueDate: '2030-01-15', status: 'open', doneAt: null, sourceVisitId: null });
  const current = async () => (await settingsAs('admin'))!;

  it('refuse a dwelling in an area the settings do not list, naming the field and the areas to choose from', async () => {
    const settings = (await current()).data as Settings;
    const [r] = await push(api, 'inspektor', [record('dwelling', { ...sampleDwelling(1), area: 'Atlantis' })]);
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid', issues: [{ path: ['area'] }] } });
    expect(r!.error!.message).toContain('Område: området med ID «Atlantis» finnes ikke i innstillingene for kommunen. Velg en av: ');
    expect(r!.error!.message).toContain(settings.areas[0]!.name);
    expect(r!.error!.message).toContain('Area: the area with id "Atlantis" is not in the municipality settings.');
    const [ok] = await push(api, 'inspektor', [record('dwelling', { ...sampleDwelling(1), area: settings.areas[0]!.id })]);
    expect(ok).toMatchObject({ status: 'applied' });
  });

  it('check the right to the record before the values: one who may not write it learns nothing about the areas', async () => {
    for (const user of ['boveileder', 'inntak']) {
      const [r] = await push(api, user, [record('dwelling', { ...sampleDwelling(2), area: 'Atlantis' })]);
      expect(r, user).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      expect(r!.error!.message, user).not.toContain('Atlantis');
    }
    // The intake team may not create tasks: refused as such, whatever unit is named.
    const [t] = await push(api, 'inntak', [record('task', task('no-such-unit'))]);
    expect(t).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
  });

  it('refuse a task for a unit the settings do not list; a renamed unit keeps its tasks', async () => {
    const [bad] = await push(api, 'admin', [record('task', task('no-such-unit'))]);
    expect(bad).toMatchObject({ status: 'rejected', error: { code: 'invalid', issues: [{ path: ['ownerUnit'] }] } });
    expect(bad!.error!.message).toMatch(/^Ansvarlig enhet: enheten med ID «no-such-unit» finnes ikke i innstillingene for kommunen\. Velg en av: .+ \/ Owner unit: /);

    const s = await current();
    const unit = (s.data as Settings).units[0]!;
    const id = crypto.randomUUID();
    expect((await push(api, 'admin', [record('task', task(unit.id), id)]))[0]).toMatchObject({ status: 'applied', rev: 1 });
    const renamed = (s.data as Settings).units.map((u) => (u.id === unit.id ? { ...u, name: `${u.name} (nytt navn)` } : u));
    expect((await push(api, 'admin', [record('settings', { units: renamed }, SETTINGS_ID, s.rev)]))[0]).toMatchObject({ status: 'applied' });
    const after = (await pullAll(api, 'admin')).changes.filter((c) => c.id === id).at(-1)!;
    expect(after).toMatchObject({ rev: 1, data: { ownerUnit: unit.id } });

    // Removed from the settings: the task keeps its unit and can still be closed, but no new task may name it.
    const s2 = await current();
    const without = (s2.data as Settings).units.filter((u) => u.id !== unit.id);
    const actionUnit = (s2.data as Settings).actionUnit === unit.id ? { actionUnit: without[0]!.id } : {};
    expect((await push(api, 'admin', [record('settings', { units: without, ...actionUnit }, SETTINGS_ID, s2.rev)]))[0]).toMatchObject({ status: 'applied' });
    expect((await push(api, 'admin', [record('task', { status: 'done', doneAt: new Date().toISOString() }, id, 1)]))[0]).toMatchObject({ status: 'applied' });
    const [again] = await push(api, 'admin', [record('task', task(unit.id))]);
    expect(again).toMatchObject({ status: 'rejected', error: { code: 'invalid', issues: [{ path: ['ownerUnit'] }] } });
  });

  it("refuse a person's unit the settings do not list (administrators only, asked before the values)", async () => {
    const inntak = '00000000-0000-4000-8000-000000000004';
    const units = ((await current()).data as Settings).units;
    const forbidden = await api.request(`/api/users/${inntak}/units`, { as: 'boveileder', method: 'PUT', json: { units: ['no-such-unit'] } });
    expect(forbidden.status).toBe(403);
    const bad = await api.request(`/api/users/${inntak}/units`, { as: 'admin', method: 'PUT', json: { units: ['no-such-unit'] } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string; issues: { path: string[] }[] } };
    expect(body.error.message).toMatch(/^Enheter: enheten med ID «no-such-unit» finnes ikke i innstillingene for kommunen/);
    expect(body.error.issues[0]!.path).toEqual(['units']);
    const good = await api.request(`/api/users/${inntak}/units`, { as: 'admin', method: 'PUT', json: { units: [units.at(-1)!.id] } });
    expect(good.status).toBe(200);
  });
});
