// Two devices allocate the same dwelling offline: against the real server process, the second push is refused as a
// clash naming the allocation that holds the dwelling (the intake team sees it on the sync page), so the server never
// holds two tenants for one time. The writer's right is judged before any value: an inspector learns nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/core/demo/users';
import { formatDate } from '../../../src/core/format/formatDate';
import { norwegianDate } from '../../../src/core/privacy/consentState';
import type { OpResult, PullResponse } from '../../../src/core/sync/protocol';
import { startServer, type ServerProcess } from '../../support/server-process';
import { sampleDwelling } from './sample-records';

let server: ServerProcess;
const tokens: Record<string, string> = {};
const uuid = () => crypto.randomUUID();
const today = norwegianDate(new Date());
const dwellingId = uuid();

beforeAll(async () => {
  server = await startServer({ demo: true });
  for (const username of ['admin', 'inntak', 'inspektor']) {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    tokens[username] = ((await res.json()) as { token: string }).token;
  }
  const [made] = await push('admin', uuid(), [{ opId: uuid(), entity: 'dwelling', id: dwellingId, baseRev: 0, set: { ...sampleDwelling(3), vacant: true } }]);
  expect(made!.status).toBe('applied');
}, 90_000);
afterAll(() => server?.stop());

async function push(as: string, clientId: string, ops: unknown[]): Promise<OpResult[]> {
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[as]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId, ops }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { results: OpResult[] }).results;
}

/** The live allocations of the dwelling as the intake team's device pulls them. */
async function allocationsOfDwelling(): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (let cursor = 0; ; ) {
    const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${tokens.inntak}` } });
    const page = (await res.json()) as PullResponse;
    for (const c of page.changes) {
      if (c.entity !== 'allocation') continue;
      if (c.deleted || c.data.dwellingId !== dwellingId) out.delete(c.id);
      else out.set(c.id, c.data);
    }
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

const allocation = (over: Record<string, unknown> = {}) => ({
  dwellingId,
  householdId: null,
  date: today,
  householdHasChildren: true,
  childrenCount: 2,
  leaseType: 'openEnded',
  leaseYears: null,
  ...over,
});

describe('one allocation of a dwelling at a time, on the server', () => {
  const first = uuid();
  const second = uuid();

  it('refuses the second device’s allocation of the same dwelling for the same time, naming the one that holds it', async () => {
    const [a] = await push('inntak', uuid(), [{ opId: uuid(), entity: 'allocation', id: first, baseRev: 0, set: allocation() }]);
    expect(a!.status).toBe('applied');
    // The other device was offline when the first was made; it allocated the dwelling a week earlier, open-ended.
    const week = norwegianDate(new Date(Date.now() - 7 * 86_400_000));
    const [b] = await push('inntak', uuid(), [{ opId: uuid(), entity: 'allocation', id: second, baseRev: 0, set: allocation({ date: week, childrenCount: 1 }) }]);
    expect([b!.status, b!.error?.code]).toEqual(['rejected', 'allocation_overlap']);
    expect(b!.error!.message).toContain(`Boligen er allerede tildelt fra ${formatDate(today, 'nb')}`);
    expect(b!.error!.message).toContain(`The dwelling is already allocated from ${formatDate(today, 'en')}`);
    expect([...(await allocationsOfDwelling()).keys()]).toEqual([first]);
  });

  it('judges the right first: an inspector gets the same refusal as for any allocation, not the clash', async () => {
    const [r] = await push('inspektor', uuid(), [{ opId: uuid(), entity: 'allocation', id: uuid(), baseRev: 0, set: allocation() }]);
    expect([r!.status, r!.error?.code]).toEqual(['rejected', 'forbidden']);
    expect(r!.error!.message).not.toContain(today);
  });

  it('refuses a move-in more than a year ahead, and lets a correction that keeps the dwelling and date through', async () => {
    const [far] = await push('inntak', uuid(), [{ opId: uuid(), entity: 'allocation', id: uuid(), baseRev: 0, set: allocation({ dwellingId: uuid(), date: '2099-01-01' }) }]);
    expect([far!.status, far!.error?.code]).toEqual(['rejected', 'allocation_date']);
    const [fix] = await push('inntak', uuid(), [{ opId: uuid(), entity: 'allocation', id: first, baseRev: 1, set: { childrenCount: 3 } }]);
    expect(fix!.status).toBe('applied');
  });

  it('accepts the refused allocation once the first is removed', async () => {
    expect((await push('inntak', uuid(), [{ opId: uuid(), entity: 'allocation', id: first, baseRev: 2, delete: true }]))[0]!.status).toBe('applied');
    const [again] = await push('inntak', uuid(), [{ opId: uuid(), entity: 'allocation', id: second, baseRev: 0, set: allocation({ childrenCount: 1 }) }]);
    expect(again!.status).toBe('applied');
    expect([...(await allocationsOfDwelling()).keys()]).toEqual([second]);
  });
});
