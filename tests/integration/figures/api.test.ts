// GET /api/figures on a real SQLite file with the demo data: the Melhus report's figures, who may ask, and equality with what a
// device computes from the records it pulled — before and after an allocation is pushed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_IDS } from '../../../src/core/checklist/templates';
import { computeFigures } from '../../../src/core/figures/computeFigures';
import { kostraFigures } from '../../../src/core/figures/kostraFigures';
import { trendFigures } from '../../../src/core/figures/trendFigures';
import { norwegianDate } from '../../../src/core/privacy/consentState';
import { ruleSetFor } from '../../../src/core/rules/defaultRuleSet';
import { readSettings, SETTINGS_ID } from '../../../src/core/schemas/settings';
import type { Allocation, Dwelling, Inspection, Task, WithId } from '../../../src/core/schemas';
import type { Change, PullResponse, PushResponse } from '../../../src/core/sync/protocol';
import { tempApp, type TempApp } from '../../support/temp-app';

let t: TempApp;
let intake: string;

beforeAll(async () => {
  t = await tempApp({ demo: true, start: new Date('2026-11-27T09:00:00Z') });
  intake = await t.login('inntak');
});
afterAll(() => t.close());

async function get(path: string, token?: string): Promise<Response> {
  return t.app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
}

async function figures(query = ''): Promise<Record<string, unknown> & ReturnType<typeof computeFigures>> {
  const res = await get(`/api/figures${query}`, intake);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Record<string, unknown> & ReturnType<typeof computeFigures>;
}

// What the intake user's device holds after a full pull.
async function pullAll(token: string): Promise<Map<string, Change>> {
  const records = new Map<string, Change>();
  let cursor = 0;
  for (;;) {
    const res = await get(`/api/sync/pull?cursor=${cursor}&limit=1000`, token);
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullResponse;
    for (const c of page.changes) {
      if (c.deleted) records.delete(`${c.entity}/${c.id}`);
      else records.set(`${c.entity}/${c.id}`, c);
    }
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}

function deviceInput(records: Map<string, Change>) {
  const of = <T>(entity: string) =>
    [...records.values()].filter((c) => c.entity === entity).map((c) => ({ ...(c.data as T), id: c.id })) as WithId<T>[];
  // As the device keeps it: when each dwelling record last changed, so vacancy follows allocations made since.
  const dwellingChangedAt = Object.fromEntries([...records.values()].filter((c) => c.entity === 'dwelling').map((c) => [c.id, c.updatedAt!]));
  return { dwellings: of<Dwelling>('dwelling'), inspections: of<Inspection>('inspection'), allocations: of<Allocation>('allocation'), tasks: of<Task>('task'), dwellingChangedAt };
}

describe('GET /api/figures', () => {
  it('answers admin and intake only, and says what is wrong with a bad query', async () => {
    expect((await get('/api/figures')).status).toBe(401);
    expect((await get('/api/figures', await t.login('inspektor'))).status).toBe(403);
    expect((await get('/api/figures', await t.login('boveileder'))).status).toBe(403);
    expect((await get('/api/figures', await t.login('admin'))).status).toBe(200);
    const bad = await get('/api/figures?quarters=0', intake);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; issues: { message: string }[] } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.issues[0]!.message).toContain('quarters må være et heltall 1–40');
    expect((await get('/api/figures?colour=red', intake)).status).toBe(400);
    const year = await get('/api/figures?year=1999', intake);
    expect(year.status).toBe(400);
    expect(JSON.stringify(await year.json())).toContain('year må være et årstall 2000–2100');
  });

  it('gives the Melhus report’s figures on the demo data: 119 · 11 · 40 · 43 %, and 72 % / 68 % to families with children', async () => {
    const f = await figures();
    expect(f.dwellings).toBe(119);
    expect(f.byVerdict).toEqual({ suited0to3: 11, suited3plus: 40, notSuitable: 68, notAssessed: 0 });
    expect(f.suitableShare).toBe(0.4286);
    expect(f.allocationsByYear['2018']!.share).toBe(0.72);
    expect(f.allocationsByYear['2019']!.share).toBe(0.68);
    const trend = f.trend as { byVerdict: Record<string, number> }[];
    expect(trend.at(-1)!.byVerdict).toEqual(f.byVerdict);
  });

  it('equals what the intake device computes from the records it pulled, before and after an allocation', async () => {
    const today = norwegianDate(t.deps.now());
    const before = await figures('?quarters=6&maxAgeMonths=12');
    const device = deviceInput(await pullAll(intake));
    const kostraOf = (d: typeof device, byVerdict: ReturnType<typeof computeFigures>['byVerdict'], year = 2026) =>
      kostraFigures({ dwellings: d.dwellings, allocations: d.allocations, year, byVerdict });
    const stock = computeFigures({ ...device, today });
    expect(before).toEqual({ ...stock, ...trendFigures(device, today, { quarters: 6, maxAgeMonths: 12 }), kostra: kostraOf(device, stock.byVerdict) });
    expect(before.kostra).toMatchObject({ year: 2026, values: { disposedTotal: 119, newTenants: 0, newTenantRefugees: 0 } });

    const dwelling = device.dwellings.find((d) => before.verdictsByDwelling[d.id] === 'suited0to3' && d.vacant)!;
    const push = await t.app.request('/api/sync/push', {
      method: 'POST',
      headers: { Authorization: `Bearer ${intake}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: crypto.randomUUID(),
        ops: [
          {
            opId: crypto.randomUUID(),
            entity: 'allocation',
            id: crypto.randomUUID(),
            baseRev: 0,
            set: {
              dwellingId: dwelling.id,
              date: '2026-11-20',
              householdHasChildren: true,
              childrenCount: 2,
              leaseType: 'fixed',
              leaseYears: 3,
              newTenant: true,
              refugee: true,
            },
          },
        ],
      }),
    });
    expect(((await push.json()) as PushResponse).results[0]!.status).toBe('applied');

    const after = await figures();
    expect(after.allocationsByYear['2026']).toMatchObject({ total: 1, withChildren: 1, share: 1, suitableTotal: 1, longLeaseShare: 1 });
    // The dwelling allocated is no longer counted as vacant, though its registry record still says so.
    expect(after.byVacancy.vacant.dwellings).toBe(before.byVacancy.vacant.dwellings - 1);
    // KOSTRA: a household new to municipal housing this year, of them refugees.
    expect(after.kostra).toMatchObject({ year: 2026, values: { newTenants: 1, newTenantRefugees: 1 } });
    const deviceAfter = deviceInput(await pullAll(intake));
    const stockAfter = computeFigures({ ...deviceAfter, today });
    expect(after).toEqual({ ...stockAfter, ...trendFigures(deviceAfter, today), kostra: kostraOf(deviceAfter, stockAfter.byVerdict) });
    // Another year asked for: the demo households' allocations of 2025, as the device counts them.
    const earlier = (await figures('?year=2025')).kostra;
    expect(earlier).toEqual(kostraOf(deviceAfter, stockAfter.byVerdict, 2025));
    expect((earlier as { values: { newTenants: number } }).values.newTenants).toBeGreaterThan(0);
    // The inspector's device gets the allocation for vacancy, without why it was made.
    const seen = [...(await pullAll(await t.login('inspektor'))).values()].find((c) => c.entity === 'allocation' && c.data?.dwellingId === dwelling.id);
    expect(seen?.data).toMatchObject({ dwellingId: dwelling.id, newTenant: true });
    expect(seen?.data).not.toHaveProperty('refugee');
    expect(deviceAfter.allocations.find((a) => a.dwellingId === dwelling.id && a.date === '2026-11-20')).toMatchObject({ refugee: true });
  });

  it('counts a dwelling with an open TG3 action as not suitable, on the server as on the device, until it is closed', async () => {
    const before = await figures();
    const dwellingId = Object.keys(before.verdictsByDwelling).find((id) => before.verdictsByDwelling[id] === 'suited3plus')!;
    const inspector = await t.login('inspektor');
    const id = crypto.randomUUID();
    const action = { title: 'Tett taket', ownerUnit: 'buildingsAndProperty', dwellingId, severity: 'TG3', dueDate: '2026-12-27', status: 'open' };
    const put = async (baseRev: number, set: Record<string, unknown>) => {
      const res = await t.app.request('/api/sync/push', {
        method: 'POST',
        headers: { Authorization: `Bearer ${inspector}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), entity: 'task', id, baseRev, set }] }),
      });
      expect(((await res.json()) as PushResponse).results[0], 'the action is stored').toMatchObject({ status: 'applied' });
    };
    await put(0, action);
    const open = await figures();
    expect(open.verdictsByDwelling[dwellingId]).toBe('notSuitable');
    expect(open.byVerdict.suited3plus).toBe(before.byVerdict.suited3plus - 1);
    expect(open.byVerdict.notSuitable).toBe(before.byVerdict.notSuitable + 1);
    const today = norwegianDate(t.deps.now());
    expect(open.verdictsByDwelling).toEqual(computeFigures({ ...deviceInput(await pullAll(intake)), today }).verdictsByDwelling);

    await put(1, { status: 'done', doneAt: '2026-11-27T10:00:00Z', closeNote: 'Lagt nytt beslag' });
    expect((await figures()).verdictsByDwelling[dwellingId]).toBe('suited3plus');
  });

  it('judges by the rule set the settings put in force: a bedroom of 6 m² fails rule set 2 and not rule set 1', async () => {
    const push = async (token: string, op: Record<string, unknown>) => {
      const res = await t.app.request('/api/sync/push', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), ...op }] }),
      });
      expect(((await res.json()) as PushResponse).results[0], JSON.stringify(op)).toMatchObject({ status: 'applied' });
    };
    const before = await figures();
    expect(before.ruleSet).toEqual({ id: 'suitability', version: 2 });
    // A suitable dwelling whose latest dwelling inspection has a room list with bedrooms.
    const device = deviceInput(await pullAll(intake));
    type Entry = { id: string; answers: Record<string, { value?: unknown }> };
    const roomsOf = (i: Inspection) => (i.answers['rooms.list'] as { entries?: Entry[] } | undefined)?.entries ?? [];
    const latest = new Map<string, WithId<Inspection>>();
    for (const i of device.inspections) {
      if (i.templateId !== TEMPLATE_IDS.dwellingInspection || i.status !== 'completed' || !i.dwellingId) continue;
      const seen = latest.get(i.dwellingId);
      if (!seen || (i.completedAt ?? '') > (seen.completedAt ?? '')) latest.set(i.dwellingId, i);
    }
    const home = [...latest.values()].find(
      (i) => before.verdictsByDwelling[i.dwellingId!] !== 'notSuitable' && roomsOf(i).some((r) => r.answers.type?.value === 'bedroom'),
    )!;
    expect(home, 'a suitable dwelling inspected with a room list').toBeDefined();
    const dwellingId = home.dwellingId!;
    const suitable = before.verdictsByDwelling[dwellingId];
    // The inspector measures again: one bedroom is 3 × 2 m.
    const { id: _id, ...data } = structuredClone(home);
    const bedroom = roomsOf(data).find((r) => r.answers.type?.value === 'bedroom')!;
    Object.assign(bedroom.answers, { lengthM: { value: 3 }, widthM: { value: 2 } });
    await push(await t.login('inspektor'), {
      entity: 'inspection',
      id: crypto.randomUUID(),
      baseRev: 0,
      set: { ...data, startedAt: '2026-11-26T09:00:00Z', completedAt: '2026-11-26T10:00:00Z' },
    });
    const underV2 = await figures();
    expect(underV2.verdictsByDwelling[dwellingId]).toBe('notSuitable');

    // The administrator chooses rule set 1 on the settings screen: the same records, the room rule not in force.
    const settings = [...(await pullAll(intake)).values()].find((c) => c.entity === 'settings' && c.id === SETTINGS_ID)!;
    await push(await t.login('admin'), { entity: 'settings', id: SETTINGS_ID, baseRev: settings.rev, set: { ruleSet: { id: 'suitability', version: 1 } } });
    const underV1 = await figures();
    expect(underV1.ruleSet).toEqual({ id: 'suitability', version: 1 });
    expect(underV1.verdictsByDwelling[dwellingId]).toBe(suitable);
    // The intake device judges by the settings it pulled, and gets the same.
    const pulled = await pullAll(intake);
    const ruleSet = ruleSetFor(readSettings(pulled.get(`settings/${SETTINGS_ID}`)?.data));
    expect(ruleSet.version).toBe(1);
    const today = norwegianDate(t.deps.now());
    expect(computeFigures({ ...deviceInput(pulled), ruleSet, today }).verdictsByDwelling).toEqual(underV1.verdictsByDwelling);

    await push(await t.login('admin'), { entity: 'settings', id: SETTINGS_ID, baseRev: settings.rev! + 1, set: { ruleSet: { id: 'suitability', version: 2 } } });
    expect((await figures()).verdictsByDwelling[dwellingId]).toBe('notSuitable');
  });
});
