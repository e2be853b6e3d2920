// The inspector's home: dwellings never checked, checked more than 12 months ago, and due within 30 days.
import { describe, expect, it } from 'vitest';
import { inspectionsDue } from '../../../../src/app/screens/home/inspectionsDue';

const now = new Date('2026-12-05T10:00:00Z');
const done = (dwellingId: string, completedAt: string) => ({ dwellingId, status: 'completed', completedAt });

describe('inspectionsDue', () => {
  it('counts by the newest completed checklist of each dwelling, drafts not counting', () => {
    const items = inspectionsDue(
      ['a', 'b', 'c', 'd', 'e'],
      [
        done('a', '2025-06-01T10:00:00Z'), // overdue
        done('b', '2025-06-01T10:00:00Z'),
        done('b', '2026-06-01T10:00:00Z'), // checked again: fine
        done('c', '2025-12-20T10:00:00Z'), // reaches 12 months within 30 days
        { dwellingId: 'd', status: 'draft', completedAt: null }, // never completed
      ],
      now,
    );
    expect(items).toEqual([
      { key: 'inspectionsOverdue', n: 1, href: '/dwellings?kontroll=12' },
      { key: 'neverInspected', n: 2, href: '/dwellings?kontroll=never' },
      { key: 'inspectionsDueSoon', n: 1, href: '/dwellings?kontroll=11' },
    ]);
  });

  it('says nothing when every dwelling was checked lately', () => {
    expect(inspectionsDue(['a'], [done('a', '2026-11-01T10:00:00Z')], now)).toEqual([]);
  });
});
