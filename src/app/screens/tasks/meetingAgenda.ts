/** The monthly meeting's agenda: open tasks grouped by owner unit, then by household, overdue first. */
import type { OwnerUnit } from '../../../core/schemas/ownerUnit';
import type { Task } from '../../../core/schemas/task';

/** A task with its record id. */
export type TaskRow = { id: string; data: Task };
/** One household's open tasks for a unit; `householdId` null for tasks about no household. */
export type AgendaHousehold = { householdId: string | null; name: string | null; overdue: number; tasks: (TaskRow & { overdue: boolean })[] };
/** One unit's part of the agenda. */
export type AgendaUnit = { unit: OwnerUnit; open: number; overdue: number; households: AgendaHousehold[] };

/**
 * Groups the open tasks: units in the settings' order (`unitOrder`; others after, by id), within a unit the households with overdue tasks first (then by
 * name), within a household overdue tasks first, then by due date. `today` is YYYY-MM-DD; due today is not overdue.
 */
export function meetingAgenda(tasks: readonly TaskRow[], householdName: (id: string) => string | null, today: string, unitOrder: readonly string[] = []): AgendaUnit[] {
  const units: AgendaUnit[] = [];
  const others = [...new Set(tasks.map((t) => t.data.ownerUnit))].filter((u) => !unitOrder.includes(u)).sort();
  for (const unit of [...unitOrder, ...others]) {
    const open = tasks.filter((t) => t.data.ownerUnit === unit && t.data.status === 'open');
    if (open.length === 0) continue;
    const byHousehold = new Map<string | null, (TaskRow & { overdue: boolean })[]>();
    for (const t of open) {
      const key = t.data.householdId ?? null;
      byHousehold.set(key, [...(byHousehold.get(key) ?? []), { ...t, overdue: t.data.dueDate < today }]);
    }
    const households: AgendaHousehold[] = [...byHousehold].map(([householdId, rows]) => ({
      householdId,
      name: householdId ? householdName(householdId) : null,
      overdue: rows.filter((r) => r.overdue).length,
      tasks: rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.data.dueDate.localeCompare(b.data.dueDate) || a.data.title.localeCompare(b.data.title, 'nb')),
    }));
    households.sort(
      (a, b) =>
        Number(b.overdue > 0) - Number(a.overdue > 0) ||
        Number(a.householdId === null) - Number(b.householdId === null) ||
        (a.name ?? '').localeCompare(b.name ?? '', 'nb'),
    );
    units.push({ unit, open: open.length, overdue: households.reduce((n, h) => n + h.overdue, 0), households });
  }
  return units;
}
