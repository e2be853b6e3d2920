// The municipality settings through the real server process: every role reads them, only administrators write them
// (the right is checked before the values), they stay one record, and renaming an area leaves the records as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAll, push, realProcessApi, type PrivacyApi } from '../privacy/api';
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
