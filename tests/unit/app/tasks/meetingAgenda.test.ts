// The monthly meeting's agenda: units in order, overdue households and tasks first, done tasks left out.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../src/core/schemas/task';
import { meetingAgenda, type TaskRow } from '../../../../src/app/screens/tasks/meetingAgenda';

const task = (id: string, ownerUnit: Task['ownerUnit'], householdId: string | null, dueDate: string, status: Task['status'] = 'open'): TaskRow => ({
  id,
  data: { title: `Oppgave ${id}`, ownerUnit, householdId, dueDate, status, doneAt: null, sourceVisitId: null },
});
const names: Record<string, string> = { h1: 'Familie Berg', h2: 'Familie Ås' };

describe('meetingAgenda', () => {
  const today = '2026-03-10';
  const agenda = meetingAgenda(
    [
      task('a', 'husbanken', 'h1', '2026-03-20'),
      task('b', 'nav', 'h1', '2026-03-15'),
      task('c', 'nav', 'h2', '2026-03-09'),
      task('d', 'nav', 'h2', '2026-03-30'),
      task('e', 'nav', null, '2026-03-01'),
      task('f', 'nav', 'h1', '2026-03-10'),
      task('g', 'nav', 'h1', '2026-03-01', 'done'),
      task('h', 'nav', 'hidden', '2026-03-11'),
    ],
    (id) => names[id] ?? null,
    today,
    ['nav', 'refugeeUnit', 'husbanken'],
  );

  it("lists units in the settings' order and leaves out done tasks", () => {
    expect(agenda.map((u) => u.unit)).toEqual(['nav', 'husbanken']);
    expect(agenda[0]!.open).toBe(6);
    expect(agenda.flatMap((u) => u.households.flatMap((h) => h.tasks.map((t) => t.id)))).not.toContain('g');
    // A unit the settings no longer list still has its tasks on the agenda, after the listed ones.
    const later = meetingAgenda([task('x', 'closed-unit', null, '2026-03-20'), task('y', 'husbanken', null, '2026-03-20')], () => null, today, ['husbanken']);
    expect(later.map((u) => u.unit)).toEqual(['husbanken', 'closed-unit']);
  });

  it('puts households with overdue tasks first, tasks without a household after the named ones, and counts overdue', () => {
    const nav = agenda[0]!;
    expect(nav.households.map((h) => h.householdId)).toEqual(['h2', null, 'hidden', 'h1']);
    expect(nav.overdue).toBe(2);
  });

  it('orders a household overdue first, then by due date; due today is not overdue', () => {
    const h1 = agenda[0]!.households.find((h) => h.householdId === 'h1')!;
    expect(h1.tasks.map((t) => [t.id, t.overdue])).toEqual([['f', false], ['b', false]]);
    const h2 = agenda[0]!.households.find((h) => h.householdId === 'h2')!;
    expect(h2.tasks.map((t) => [t.id, t.overdue])).toEqual([['c', true], ['d', false]]);
  });
});
