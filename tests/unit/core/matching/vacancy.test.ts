// One answer to "is this dwelling vacant?" and "may it be allocated?": overlapping allocations, the date window.
import { describe, expect, it } from 'vitest';
import { activeAllocation, allocationProblems, isVacant, overlaps } from '../../../../src/core/matching/vacancy';

const D = '10000000-0000-4000-8000-000000000001';
const open = (id: string, date: string) => ({ id, dwellingId: D, date, leaseType: 'openEnded' as const });
const fixed = (id: string, date: string, leaseYears: number) => ({ id, dwellingId: D, date, leaseType: 'fixed' as const, leaseYears });

describe('vacancy', () => {
  it('a registry-vacant dwelling allocated since its record changed is not vacant; an ended fixed term frees it', () => {
    const changedAt = '2026-01-01T09:00:00Z';
    expect(isVacant({ id: D, vacant: true }, [], '2026-12-05', changedAt)).toBe(true);
    expect(isVacant({ id: D, vacant: true }, [open('a', '2026-03-01')], '2026-12-05', changedAt)).toBe(false);
    // Dated later than today (move-in next month) still holds it.
    expect(isVacant({ id: D, vacant: true }, [open('a', '2027-01-10')], '2026-12-05', changedAt)).toBe(false);
    expect(isVacant({ id: D, vacant: true }, [fixed('a', '2026-01-02', 1)], '2027-03-01', changedAt)).toBe(true);
    // Known before the registry's last update: the registry's word stands.
    expect(isVacant({ id: D, vacant: true }, [open('a', '2025-05-01')], '2026-12-05', changedAt)).toBe(true);
    expect(isVacant({ id: D, vacant: false }, [], '2026-12-05', changedAt)).toBe(false);
    expect(activeAllocation(D, [open('a', '2026-03-01'), open('b', '2026-06-01')], '2026-12-05', changedAt)?.id).toBe('b');
  });

  it('tells overlapping periods apart', () => {
    expect(overlaps(open('a', '2026-01-01'), open('b', '2030-01-01'))).toBe(true);
    expect(overlaps(fixed('a', '2026-01-01', 1), open('b', '2027-01-01'))).toBe(false);
    expect(overlaps(fixed('a', '2026-01-01', 1), open('b', '2026-12-31'))).toBe(true);
  });
});

describe('allocationProblems', () => {
  const today = '2026-12-05';
  it('refuses a second allocation of the same dwelling for an overlapping period, naming the existing one', () => {
    const problems = allocationProblems(open('new', '2026-12-01'), [open('old', '2026-11-01')], today);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'dwellingId', code: 'alreadyAllocated', existingId: 'old' });
    expect(problems[0]!.message.nb).toContain('1. nov. 2026');
    expect(problems[0]!.message.en).toContain('1 Nov 2026');
    // Correcting the existing one is not a clash with itself, and a later term after a fixed one ended is fine.
    expect(allocationProblems(open('old', '2026-11-02'), [open('old', '2026-11-01')], today)).toEqual([]);
    expect(allocationProblems(open('new', '2026-12-01'), [fixed('old', '2025-11-01', 1)], today)).toEqual([]);
  });

  it('leaves out allocations the registry was updated after, so a dwelling let long ago and listed vacant since may be allocated', () => {
    const changedAt = '2025-08-15T08:00:00Z';
    expect(allocationProblems(open('new', '2026-12-01'), [open('old', '2018-03-01')], today, undefined, changedAt)).toEqual([]);
    const clash = allocationProblems(open('new', '2026-12-01'), [open('old', '2018-03-01'), open('now', '2026-01-10')], today, undefined, changedAt);
    expect(clash.map((p) => p.code)).toEqual(['alreadyAllocated']);
    expect(clash[0]).toMatchObject({ existingId: 'now' });
  });

  it('keeps the date within a year ahead and not before the dwelling was registered', () => {
    expect(allocationProblems(open('n', '2099-01-01'), [], today).map((p) => p.code)).toEqual(['tooFarAhead']);
    expect(allocationProblems(open('n', '2027-12-05'), [], today)).toEqual([]);
    expect(allocationProblems(open('n', '2027-12-07'), [], today).map((p) => p.code)).toEqual(['tooFarAhead']);
    expect(allocationProblems(open('n', '2019-12-31'), [], today, '2020-01-01T08:00:00Z').map((p) => p.code)).toEqual(['beforeDwelling']);
  });
});
