// The overview's figures over time: quarters replayed from checklist history (checked against a brute-force
// recomputation on the demo data), and the dwellings never or long ago inspected.
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../src/core/demo/generate';
import { computeFigures } from '../../../../src/core/figures/computeFigures';
import { trendByQuarter } from '../../../../src/core/figures/trendByQuarter';
import { monthsBefore, trendInspectionAge } from '../../../../src/core/figures/trendInspectionAge';
import type { Allocation, Dwelling, Inspection, WithId } from '../../../../src/core/schemas';

const demo = (() => {
  const { records } = generateDemoData();
  const of = <T>(entity: string) => records.filter((r) => r.entity === entity).map((r) => ({ ...(r.data as T), id: r.id })) as WithId<T>[];
  return { dwellings: of<Dwelling>('dwelling'), inspections: of<Inspection>('inspection'), allocations: of<Allocation>('allocation') };
})();
const TODAY = '2026-11-27';
const DWELLING_TEMPLATES = ['dwelling-inspection', 'neighbourhood', 'risk-assessment'];

describe('trendByQuarter', () => {
  it('lays out quarters up to the one holding today, across year ends', () => {
    expect(trendByQuarter({ dwellings: [], inspections: [] }, '2026-11-27', 4).map((q) => [q.quarter, q.end])).toEqual([
      ['2026-Q1', '2026-03-31'],
      ['2026-Q2', '2026-06-30'],
      ['2026-Q3', '2026-09-30'],
      ['2026-Q4', '2026-12-31'],
    ]);
    expect(trendByQuarter({ dwellings: [], inspections: [] }, '2026-02-01', 3).map((q) => q.quarter)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
  });

  it('ends at today’s figures on the demo data, and every quarter counts every dwelling', () => {
    const trend = trendByQuarter(demo, TODAY, 12);
    expect(trend.at(-1)!.byVerdict).toEqual(computeFigures(demo).byVerdict);
    expect(trend.at(-1)!.suitableShare).toBe(0.4286);
    for (const q of trend) expect(Object.values(q.byVerdict).reduce((a, b) => a + b, 0)).toBe(119);
  });

  it('equals a brute-force recomputation with only the checklists completed by each quarter’s end', () => {
    const trend = trendByQuarter(demo, TODAY, 12);
    for (const q of trend) {
      const known = demo.inspections.filter((i) => i.completedAt && i.completedAt.slice(0, 10) <= q.end);
      expect(computeFigures({ ...demo, inspections: known }).byVerdict, q.quarter).toEqual(q.byVerdict);
    }
    // The demo's inspections begin in 2025, so the early quarters hold no suitable dwelling and no checklist.
    expect(trend[0]!.byVerdict.suited0to3 + trend[0]!.byVerdict.suited3plus).toBe(0);
    expect(trend[0]!.completed).toBe(0);
  });

  it('gives the same quarters when today’s verdicts are handed in instead of assessed again', () => {
    const { verdictsByDwelling } = computeFigures(demo);
    for (const quarters of [1, 4, 12]) {
      expect(trendByQuarter({ ...demo, verdicts: verdictsByDwelling }, TODAY, quarters)).toEqual(trendByQuarter(demo, TODAY, quarters));
    }
    // A checklist dated after the window (a device clock ahead) is not in today's quarters: the given verdict is not used.
    const d = demo.dwellings[0]!;
    const ahead = { ...demo.inspections.find((i) => i.dwellingId === d.id && i.status === 'completed')!, completedAt: '2027-06-01T10:00:00Z' };
    const withAhead = [...demo.inspections, ahead];
    const wrong = { ...verdictsByDwelling, [d.id]: verdictsByDwelling[d.id] === 'notAssessed' ? ('suited0to3' as const) : ('notAssessed' as const) };
    expect(trendByQuarter({ ...demo, inspections: withAhead, verdicts: wrong }, TODAY, 4)).toEqual(
      trendByQuarter({ ...demo, inspections: withAhead }, TODAY, 4),
    );
  });

  it('counts the dwelling checklists completed in each quarter, ignoring drafts and home visits', () => {
    const trend = trendByQuarter(demo, TODAY, 12);
    const first = '2024-01-01';
    const expected = demo.inspections.filter(
      (i) => i.status === 'completed' && i.dwellingId && DWELLING_TEMPLATES.includes(i.templateId) && i.completedAt!.slice(0, 10) >= first,
    ).length;
    expect(trend.reduce((n, q) => n + q.completed, 0)).toBe(expected);
    const drafts = demo.inspections.filter((i) => i.status === 'draft' && i.dwellingId);
    expect(drafts.length).toBeGreaterThan(0);
  });
});

describe('trendInspectionAge', () => {
  it('counts months back the way a calendar does', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
  });

  it('lists dwellings never inspected and those last inspected before the limit, oldest first', () => {
    const [a, b, c] = demo.dwellings;
    const only = demo.inspections.filter((i) => i.dwellingId !== a!.id);
    const due = trendInspectionAge([a!, b!, c!], only, TODAY, 12);
    expect(due.never.map((d) => d.id)).toEqual([a!.id]);
    const last = (id: string) =>
      only
        .filter((i) => i.dwellingId === id && i.status === 'completed' && DWELLING_TEMPLATES.includes(i.templateId))
        .map((i) => i.completedAt!.slice(0, 10))
        .sort()
        .at(-1)!;
    const expectedOld = [b!, c!].filter((d) => last(d.id) < '2025-11-27').map((d) => d.id);
    expect(due.old.map((d) => d.id).sort()).toEqual(expectedOld.sort());
    for (const d of due.old) expect(d.lastCompleted).toBe(last(d.id));
    const year = trendInspectionAge(demo.dwellings, demo.inspections, TODAY, 12);
    expect(year.never).toEqual([]);
    expect(year.old.length).toBeGreaterThan(0);
    expect(year.old.every((d) => d.lastCompleted! < '2025-11-27')).toBe(true);
    const all = trendInspectionAge(demo.dwellings, demo.inspections, TODAY, 1);
    expect(all.never).toEqual([]);
    const dates = all.old.map((d) => d.lastCompleted!);
    expect(dates).toEqual([...dates].sort());
  });
});
