// The next-inspection rules at their boundaries, table-driven: which rule sets the date, and where the dwelling stands.
import { describe, expect, it } from 'vitest';
import { addMonths, isoWeekOf, mondayOfWeek } from '../../../../src/core/planning/dates';
import { DEFAULT_INSPECTION_INTERVALS, intervalsFrom } from '../../../../src/core/planning/intervals';
import { dueState, dwellingFacts, nextInspection, type ChecklistFacts, type DwellingFacts } from '../../../../src/core/planning/nextInspection';
import { osloDay } from '../../../../src/core/planning/osloDay';

const facts = (f: Partial<DwellingFacts>): DwellingFacts => ({ lastInspected: '2026-01-15', redRisk: false, openTg3: false, tenantChanges: [], ...f });

type Case = { name: string; facts?: DwellingFacts; today: string; date: string | null; reason: string; state: string };

const cases: Case[] = [
  { name: 'never inspected', today: '2026-12-05', date: null, reason: 'never', state: 'never' },
  // Yearly: due on the same day a year later; overdue from the day after; due soon within 30 days.
  { name: 'yearly, on the due day', facts: facts({}), today: '2027-01-15', date: '2027-01-15', reason: 'regular', state: 'dueSoon' },
  { name: 'yearly, a day past', facts: facts({}), today: '2027-01-16', date: '2027-01-15', reason: 'regular', state: 'overdue' },
  { name: 'yearly, 30 days ahead', facts: facts({}), today: '2026-12-16', date: '2027-01-15', reason: 'regular', state: 'dueSoon' },
  { name: 'yearly, 31 days ahead', facts: facts({}), today: '2026-12-15', date: '2027-01-15', reason: 'regular', state: 'notDue' },
  // Red risk: six months after the inspection; an open TG3: three months (the settings' defaults).
  { name: 'red risk', facts: facts({ redRisk: true }), today: '2026-07-15', date: '2026-07-15', reason: 'redRisk', state: 'dueSoon' },
  { name: 'red risk, a day past', facts: facts({ redRisk: true }), today: '2026-07-16', date: '2026-07-15', reason: 'redRisk', state: 'overdue' },
  { name: 'open TG3', facts: facts({ openTg3: true }), today: '2026-02-01', date: '2026-04-15', reason: 'openTg3', state: 'notDue' },
  { name: 'open TG3 and red risk', facts: facts({ openTg3: true, redRisk: true }), today: '2026-04-16', date: '2026-04-15', reason: 'openTg3', state: 'overdue' },
  // A change of tenant after the inspection: due by the allocation day; one before the inspection does not count.
  { name: 'tenant change after', facts: facts({ tenantChanges: ['2026-06-01'] }), today: '2026-06-01', date: '2026-06-01', reason: 'tenantChange', state: 'dueSoon' },
  { name: 'tenant change, a day past', facts: facts({ tenantChanges: ['2026-06-01'] }), today: '2026-06-02', date: '2026-06-01', reason: 'tenantChange', state: 'overdue' },
  { name: 'tenant change on the inspection day', facts: facts({ tenantChanges: ['2026-01-15'] }), today: '2026-06-02', date: '2027-01-15', reason: 'regular', state: 'notDue' },
  { name: 'earliest of two tenant changes', facts: facts({ tenantChanges: ['2026-09-01', '2026-03-01'] }), today: '2026-02-01', date: '2026-03-01', reason: 'tenantChange', state: 'dueSoon' },
  // The earliest rule wins.
  { name: 'red risk before a later tenant change', facts: facts({ redRisk: true, tenantChanges: ['2026-08-01'] }), today: '2026-02-01', date: '2026-07-15', reason: 'redRisk', state: 'notDue' },
  { name: 'tenant change before red risk', facts: facts({ redRisk: true, tenantChanges: ['2026-02-01'] }), today: '2026-02-01', date: '2026-02-01', reason: 'tenantChange', state: 'dueSoon' },
  // Month ends: 30 November + 3 months is 28 February (29 in a leap year); 31 August + 6 months is 28 February.
  { name: 'month end, open TG3', facts: facts({ lastInspected: '2026-11-30', openTg3: true }), today: '2027-03-01', date: '2027-02-28', reason: 'openTg3', state: 'overdue' },
  { name: 'month end, leap year', facts: facts({ lastInspected: '2027-11-30', openTg3: true }), today: '2028-02-29', date: '2028-02-29', reason: 'openTg3', state: 'dueSoon' },
  { name: 'month end, red risk', facts: facts({ lastInspected: '2026-08-31', redRisk: true }), today: '2027-03-01', date: '2027-02-28', reason: 'redRisk', state: 'overdue' },
];

describe('nextInspection', () => {
  it.each(cases)('$name', ({ facts: f, today, date, reason, state }) => {
    const next = nextInspection(f);
    expect(next).toEqual({ date, reason });
    expect(dueState(next, today)).toBe(state);
  });

  it('takes the municipality’s months from its settings, the defaults otherwise', () => {
    expect(intervalsFrom(null)).toBe(DEFAULT_INSPECTION_INTERVALS);
    const own = intervalsFrom({ inspectionIntervals: { regularMonths: 24, afterRedRiskMonths: 2, afterOpenTg3Months: 1 } });
    expect(nextInspection(facts({}), own).date).toBe('2028-01-15');
    expect(nextInspection(facts({ redRisk: true }), own)).toEqual({ date: '2026-03-15', reason: 'redRisk' });
    expect(nextInspection(facts({ openTg3: true }), own)).toEqual({ date: '2026-02-15', reason: 'openTg3' });
    expect(own.dueSoonDays).toBe(30);
  });

  it('reads the intervals from the one data object, so other intervals change the dates', () => {
    const yearly = nextInspection(facts({ redRisk: true }));
    const custom = nextInspection(facts({ redRisk: true }), { ...DEFAULT_INSPECTION_INTERVALS, afterRedRiskMonths: 1, regularMonths: 24 });
    expect(yearly.date).toBe('2026-07-15');
    expect(custom).toEqual({ date: '2026-02-15', reason: 'redRisk' });
    expect(nextInspection(facts({}), { ...DEFAULT_INSPECTION_INTERVALS, regularMonths: 24 }).date).toBe('2028-01-15');
    expect(nextInspection(facts({ tenantChanges: ['2026-06-01'] }), { ...DEFAULT_INSPECTION_INTERVALS, afterTenantChangeDays: 14 }).date).toBe('2026-06-15');
  });
});

const D1 = '00000000-0000-4000-8000-0000000000d1';
const D2 = '00000000-0000-4000-8000-0000000000d2';
const done = (templateId: string, completedAt: string, answers: ChecklistFacts['answers'] = {}, more: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
  templateId, dwellingId: D1, status: 'completed', completedAt, answers, ...more,
});
const red = { value: { likelihood: 5, consequence: 2 } };
const yellow = { value: { likelihood: 3, consequence: 3 } };

describe('dwellingFacts', () => {
  it('dates a dwelling by its newest completed checklist, in Norwegian days', () => {
    const f = dwellingFacts([done('dwelling-inspection', '2026-03-01T10:00:00Z'), done('neighbourhood', '2026-05-31T22:30:00Z'), done('risk-assessment', '2026-09-01T10:00:00Z', {}, { status: 'draft' })]);
    expect(f.get(D1)).toEqual({ lastInspected: '2026-06-01', redRisk: false, openTg3: false, tenantChanges: [] });
  });

  it('counts a red risk or a TG3 only in the newest checklist of each template', () => {
    const fixed = dwellingFacts([
      done('risk-assessment', '2026-01-01T10:00:00Z', { 'fire.risk': red }),
      done('risk-assessment', '2026-02-01T10:00:00Z', { 'fire.risk': yellow }),
      done('dwelling-inspection', '2026-01-01T10:00:00Z', { 'condition.electrical': { value: 'TG3' } }),
      done('dwelling-inspection', '2026-02-01T10:00:00Z', { 'condition.electrical': { value: 'TG2' } }),
    ]).get(D1)!;
    expect([fixed.redRisk, fixed.openTg3]).toEqual([false, false]);
    const open = dwellingFacts([
      done('risk-assessment', '2026-02-01T10:00:00Z', { 'fire.risk': red }),
      done('dwelling-inspection', '2026-02-01T10:00:00Z', { 'condition.electrical': { value: 'TG3' } }),
    ]).get(D1)!;
    expect([open.redRisk, open.openTg3]).toEqual([true, true]);
  });

  it('never counts a household checklist naming the dwelling', () => {
    const f = dwellingFacts([done('home-visit', '2026-02-01T10:00:00Z', { x: red }, { householdId: D2 })]);
    expect(f.get(D1)).toBeUndefined();
  });

  it('takes tenant changes from allocations and keeps the short interval while a TG3 or red action is open', () => {
    const f = dwellingFacts(
      [done('dwelling-inspection', '2026-02-01T10:00:00Z')],
      [{ dwellingId: D1, date: '2026-04-01' }],
      [{ dwellingId: D1, severity: 'TG3', status: 'done' }, { dwellingId: D1, severity: 'TG2', status: 'open' }, { dwellingId: D2, severity: 'red', status: 'open' }],
    );
    expect(f.get(D1)).toEqual({ lastInspected: '2026-02-01', redRisk: false, openTg3: false, tenantChanges: ['2026-04-01'] });
    expect(f.get(D2)).toEqual({ lastInspected: null, redRisk: false, openTg3: true, tenantChanges: [] });
    expect(nextInspection(f.get(D2))).toEqual({ date: null, reason: 'never' });
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 12, '2027-08-31'],
    ['2026-12-15', 3, '2027-03-15'],
  ])('%s + %i months = %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));

  it.each([
    ['2026-12-05', 2026, 49],
    ['2027-01-01', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2026-12-28', 2026, 53],
  ])('%s is in week %i-%i', (day, year, week) => {
    expect(isoWeekOf(day)).toEqual({ year, week });
    expect(mondayOfWeek({ year, week }) <= day).toBe(true);
  });

  it.each([
    ['2026-03-29T00:59:00Z', '2026-03-29'],
    ['2026-03-29T22:30:00Z', '2026-03-30'],
    ['2026-03-29T21:59:00Z', '2026-03-29'],
    ['2026-10-25T22:30:00Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in Norway', (at, day) => {
    expect(osloDay(at)).toBe(day);
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(at))).toBe(day);
  });
});
