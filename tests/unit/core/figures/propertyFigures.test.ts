// The property unit's figures: overdue inspections by the rules, open actions by severity and age, mean time to close.
import { describe, expect, it } from 'vitest';
import { propertyFiguresCsv } from '../../../../src/core/export/propertyFiguresCsv';
import { ageGroup, propertyFigures } from '../../../../src/core/figures/propertyFigures';
import type { Task } from '../../../../src/core/schemas/task';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const today = '2026-12-05';
const checklist = (n: number, dwelling: number, completedAt: string, answers = {}) => ({ id: id(100 + n), templateId: 'dwelling-inspection', dwellingId: id(dwelling), status: 'completed', completedAt, answers });
const action = (more: Partial<Task>): Task => ({ title: 'Tiltak', ownerUnit: 'buildingsAndProperty', dueDate: '2026-12-31', status: 'open', dwellingId: id(1), severity: 'TG3', sourceInspectionId: id(101), ...more });

describe('ageGroup', () => {
  it.each([
    [0, 'upTo30'], [30, 'upTo30'], [31, 'upTo90'], [90, 'upTo90'], [91, 'upTo180'], [180, 'upTo180'], [181, 'over180'], [null, 'unknown'],
  ] as const)('%s days is %s', (days, group) => expect(ageGroup(days)).toBe(group));
});

describe('propertyFigures', () => {
  const figures = propertyFigures({
    dwellingIds: [id(1), id(2), id(3), id(4)],
    checklists: [
      checklist(1, 1, '2026-10-06T10:00:00Z', { 'condition.electrical': { value: 'TG3' } }), // TG3: due 6 January, just beyond 30 days
      checklist(2, 2, '2025-11-01T10:00:00Z'), // over a year ago: overdue
      checklist(3, 3, '2026-01-01T10:00:00Z'), // due 1 January: within 30 days
    ],
    tasks: [
      action({}), // 60 days old
      action({ severity: 'red', sourceInspectionId: id(102), dueDate: '2026-01-01' }), // 399 days, past its deadline
      action({ severity: 'TG2', sourceInspectionId: id(999) }), // from a checklist not on the device
      action({ status: 'done', doneAt: '2026-10-16T09:00:00Z' }), // closed in 10 days
      action({ status: 'done', doneAt: '2026-12-05T09:00:00Z', sourceInspectionId: id(103) }), // closed in 338 days
      action({ status: 'done', doneAt: null }), // closed without a time: not in the mean
      action({ householdId: id(50), severity: null, dwellingId: null }), // a household's task: no action
    ],
    today,
  });

  it('counts inspections by the rules', () => {
    expect(figures.inspections).toEqual({ overdue: 1, never: 1, dueSoon: 1, dwellings: 4 });
  });

  it('puts open actions by severity and age, and counts those past their deadline', () => {
    expect(figures.openTotal).toBe(3);
    expect(figures.openPastDeadline).toBe(1);
    expect(figures.openActions.TG3).toEqual({ upTo30: 0, upTo90: 1, upTo180: 0, over180: 0, unknown: 0 });
    expect(figures.openActions.red.over180).toBe(1);
    expect(figures.openActions.TG2.unknown).toBe(1);
  });

  it('gives the mean days from finding to closing over the closed actions with both dates', () => {
    expect(figures.closed).toBe(2);
    expect(figures.meanDaysToClose).toBe(174);
    expect(propertyFigures({ dwellingIds: [], checklists: [], tasks: [], today }).meanDaysToClose).toBeNull();
  });

  it('exports the same figures as CSV, in Bokmål or English', () => {
    const nb = propertyFiguresCsv(figures, 'nb').split('\r\n');
    expect(nb[0]).toBe('\uFEFFTall;Alvorlighet;Alder;Verdi');
    expect(nb).toContain('Forfalte befaringer;;;1');
    expect(nb).toContain('Åpne tiltak;TG3;31–90 dager;1');
    expect(nb).toContain('Snitt dager til lukket;;;174');
    expect(propertyFiguresCsv(figures, 'en')).toContain('Mean days to close;;;174');
  });
});
