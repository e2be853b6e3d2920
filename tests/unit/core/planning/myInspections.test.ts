// Mine befaringer's lists and bulk planning: where each plan stands on a given day, and how weeks are shared out.
import { describe, expect, it } from 'vitest';
import { myInspections, type ScheduledRec } from '../../../../src/core/planning/myInspections';
import { planInspections, spreadOverWeeks, weeksBetween } from '../../../../src/core/planning/schedule';
import { scheduledInspectionSchema, type ScheduledInspection } from '../../../../src/core/schemas/scheduledInspection';

const IVAR = '00000000-0000-4000-8000-000000000002';
const d = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const plan = (id: string, dwelling: number, date: string, byWeek = false, more: Partial<ScheduledInspection> = {}): ScheduledRec => ({
  id,
  data: { dwellingId: d(dwelling), templateIds: ['dwelling-inspection'], inspectorId: IVAR, date, byWeek, status: 'planned', plannedAt: '2026-11-20T08:00:00Z', ...more },
});
// Saturday 5 December 2026: this week is Monday 30 November to Sunday 6 December.
const TODAY = '2026-12-05';

describe('myInspections', () => {
  it('sorts plans into overdue, due this week, assigned later and done this week', () => {
    const lists = myInspections(
      [
        plan('late-day', 1, '2026-12-04'),
        plan('late-week', 2, '2026-11-23', true),
        plan('today', 3, '2026-12-05'),
        plan('this-week', 4, '2026-11-30', true),
        plan('sunday', 5, '2026-12-06'),
        plan('next-monday', 6, '2026-12-07'),
        plan('done', 7, '2026-12-01'),
        plan('done-before-plan', 8, '2026-12-10'),
        plan('done-last-week', 9, '2026-11-25'),
        plan('cancelled', 10, '2026-12-01', false, { status: 'cancelled' }),
      ],
      [
        { dwellingId: d(7), status: 'completed', completedAt: '2026-12-02T09:00:00Z' },
        { dwellingId: d(8), status: 'completed', completedAt: '2026-11-19T09:00:00Z' },
        { dwellingId: d(9), status: 'completed', completedAt: '2026-11-27T09:00:00Z' },
        { dwellingId: d(1), status: 'draft', completedAt: null },
      ],
      TODAY,
    );
    const ids = (l: { id: string }[]) => l.map((x) => x.id);
    expect(ids(lists.overdue)).toEqual(['late-week', 'late-day']);
    expect(ids(lists.due)).toEqual(['this-week', 'today', 'sunday']);
    expect(ids(lists.assigned)).toEqual(['next-monday', 'done-before-plan']);
    expect(ids(lists.doneThisWeek)).toEqual(['done']);
    expect(lists.doneThisWeek[0]!.doneOn).toBe('2026-12-02');
  });

  it('keeps a week plan due until its Sunday has passed', () => {
    expect(myInspections([plan('w', 1, '2026-11-30', true)], [], '2026-12-06').due).toHaveLength(1);
    expect(myInspections([plan('w', 1, '2026-11-30', true)], [], '2026-12-07').overdue).toHaveLength(1);
  });
});

describe('bulk planning', () => {
  it('lists the Mondays of weeks 3–6 of 2027, and of weeks across the new year', () => {
    expect(weeksBetween({ year: 2027, week: 3 }, { year: 2027, week: 6 })).toEqual(['2027-01-18', '2027-01-25', '2027-02-01', '2027-02-08']);
    expect(weeksBetween({ year: 2026, week: 52 }, { year: 2027, week: 1 })).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
    expect(weeksBetween({ year: 2027, week: 6 }, { year: 2027, week: 3 })).toEqual([]);
  });

  it.each([
    [10, 4, [3, 2, 3, 2]],
    [4, 4, [1, 1, 1, 1]],
    [3, 4, [1, 1, 1, 0]],
    [1, 4, [1, 0, 0, 0]],
  ])('spreads %i dwellings over %i weeks as evenly as it can, the most urgent first', (n, weeks, perWeek) => {
    const mondays = ['a', 'b', 'c', 'd'].slice(0, weeks);
    const spread = spreadOverWeeks(Array.from({ length: n }, (_, i) => i), mondays);
    expect(mondays.map((m) => spread.filter((s) => s.monday === m).length)).toEqual(perWeek);
    expect(spread.map((s) => s.item)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('makes valid plans for one day or a range of weeks', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    const base = { inspectorId: IVAR, templateIds: ['dwelling-inspection', 'risk-assessment'] as ScheduledInspection['templateIds'], note: 'Ta med radonmåler' };
    const day = planInspections([d(1), d(2)], { day: '2027-01-12' }, base, now);
    expect(day.map((p) => [p.date, p.byWeek])).toEqual([['2027-01-12', false], ['2027-01-12', false]]);
    const weeks = planInspections([d(1), d(2), d(3)], { from: { year: 2027, week: 3 }, to: { year: 2027, week: 4 } }, base, now);
    expect(weeks.map((p) => [p.dwellingId, p.date, p.byWeek])).toEqual([[d(1), '2027-01-18', true], [d(2), '2027-01-18', true], [d(3), '2027-01-25', true]]);
    for (const p of [...day, ...weeks]) expect(scheduledInspectionSchema.parse(p)).toEqual(p);
    expect(weeks[0]).toMatchObject({ status: 'planned', plannedAt: '2026-12-05T10:00:00.000Z', note: 'Ta med radonmåler', inspectorId: IVAR });
  });

  it('refuses a plan without a checklist, with a message in both languages', () => {
    const bad = scheduledInspectionSchema.safeParse({ ...plan('x', 1, '2027-01-12').data, templateIds: [] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain('Velg minst én sjekkliste');
  });
});
