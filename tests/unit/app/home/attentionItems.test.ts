// The home screen's "needs you now": counted from the device's records, per role, leaving out what counts nothing.
import { describe, expect, it } from 'vitest';
import { attentionItems, type AttentionInput } from '../../../../src/app/screens/home/attentionItems';
import type { Task } from '../../../../src/core/schemas/task';

const now = new Date('2026-11-27T10:00:00Z');
const today = '2026-11-27';
const task = (dueDate: string, status: Task['status'] = 'open'): Task => ({ title: 'x', ownerUnit: 'nav', dueDate, status });
const consent = (over: Record<string, unknown> = {}) => ({ givenBy: 'mor', givenAt: '2026-01-05T10:00:00Z', expiresAt: '2027-01-05', scope: {}, method: 'paper' as const, ...over });
const counsellor = { id: 'c1', roles: ['counsellor'] as const };
const base = (over: Partial<AttentionInput>): AttentionInput => ({ user: counsellor, tasks: [], households: [], today, now, ...over });

describe('attentionItems', () => {
  it('counts overdue and other open tasks apart, and leaves done ones out', () => {
    const items = attentionItems(base({ tasks: [task('2026-11-01'), task('2026-11-26'), task('2026-11-27'), task('2026-12-10'), task('2026-10-01', 'done')] }));
    expect(items).toEqual([
      { key: 'overdueTasks', n: 2, href: '/tasks' },
      { key: 'openTasks', n: 2, href: '/tasks' },
    ]);
  });

  it('counts the followed households whose consent is missing or has run out, not withdrawn ones or others’ households', () => {
    const households = [
      { counsellorIds: ['c1'] },
      { counsellorIds: ['c1'], consent: null },
      { counsellorIds: ['c1'], consent: consent({ expiresAt: '2026-05-01' }) },
      { counsellorIds: ['c1'], consent: consent({ withdrawnAt: '2026-09-14T13:00:00Z' }) },
      { counsellorIds: ['c1'], consent: consent() },
      { counsellorIds: ['c2'] },
    ];
    expect(attentionItems(base({ households }))).toEqual([{ key: 'consentMissing', n: 3, href: '/households' }]);
  });

  it('shows the intake team the vacant dwellings, and says nothing when nothing counts', () => {
    const intake = { id: 'i1', roles: ['intake'] as const };
    // The intake team holds only shared household fields: no consent state is counted for them.
    const items = attentionItems(base({ user: intake, households: [{ adults: 2 }], dwellings: [{ id: 'd1', vacant: true }, { id: 'd2', vacant: false }, { id: 'd3', vacant: true }] }));
    expect(items).toEqual([{ key: 'vacantDwellings', n: 2, href: '/match' }]);
    expect(attentionItems(base({}))).toEqual([]);
  });

  it('does not count a dwelling allocated since its record last changed as vacant', () => {
    const intake = { id: 'i1', roles: ['intake'] as const };
    const dwellings = [
      { id: 'd1', vacant: true, changedAt: '2026-01-01T10:00:00Z' },
      { id: 'd2', vacant: true, changedAt: '2026-01-01T10:00:00Z' },
    ];
    const allocation = { dwellingId: 'd1', date: '2026-02-01', householdHasChildren: true, childrenCount: 2, leaseType: 'openEnded' as const };
    // An allocation older than the record's last change was known when the registry was updated: it does not count.
    const old = { ...allocation, dwellingId: 'd2', date: '2025-06-01' };
    expect(attentionItems(base({ user: intake, dwellings, allocations: [allocation, old] }))).toEqual([{ key: 'vacantDwellings', n: 1, href: '/match' }]);
  });
});
