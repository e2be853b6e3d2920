// The inspector's home: dwellings never inspected, past their next-inspection date by the rules, and due within 30 days.
import { describe, expect, it } from 'vitest';
import { inspectionsDue } from '../../../../src/app/screens/home/inspectionsDue';
import { checklistSummary, type ChecklistFacts } from '../../../../src/core/planning/nextInspection';

const summaries = (list: ChecklistFacts[]) => list.flatMap((c) => checklistSummary(c) ?? []);

const today = '2026-12-05';
const done = (dwellingId: string, completedAt: string, answers = {}) => ({ templateId: 'dwelling-inspection', dwellingId, status: 'completed', completedAt, answers });

describe('inspectionsDue', () => {
  it('counts by the newest completed checklist of each dwelling and the rules, drafts not counting', () => {
    const items = inspectionsDue(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      summaries([
        done('a', '2025-06-01T10:00:00Z'), // a year and more: overdue
        done('b', '2025-06-01T10:00:00Z'),
        done('b', '2026-06-01T10:00:00Z'), // checked again: fine
        done('c', '2025-12-20T10:00:00Z'), // reaches a year within 30 days
        { templateId: 'dwelling-inspection', dwellingId: 'd', status: 'draft', completedAt: null, answers: {} }, // never completed
        done('f', '2026-08-01T10:00:00Z', { 'condition.electrical': { value: 'TG3' } }), // open TG3: three months
        done('g', '2026-10-01T10:00:00Z'), // a new tenant since
      ]),
      today,
      [{ dwellingId: 'g', date: '2026-11-15' }],
    );
    expect(items).toEqual([
      { key: 'inspectionsOverdue', n: 3, href: '/inspection-plan?forfaller=2026-12-05' },
      { key: 'neverInspected', n: 2, href: '/inspection-plan?forfaller=2026-12-05' },
      { key: 'inspectionsDueSoon', n: 1, href: '/inspection-plan?forfaller=2027-01-05' },
    ]);
  });

  it('says nothing when every dwelling was checked lately', () => {
    expect(inspectionsDue(['a'], summaries([done('a', '2026-11-01T10:00:00Z')]), today)).toEqual([]);
  });
});
