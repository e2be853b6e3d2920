// An edited task sends only what changed, and its done time follows the status.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../src/core/schemas/task';
import { taskChanges } from '../../../../src/app/screens/tasks/taskChanges';

const base: Task = { title: 'Søke bostøtte', ownerUnit: 'nav', householdId: null, dueDate: '2025-03-01', status: 'open', doneAt: null, sourceVisitId: null };
const now = new Date('2025-02-10T08:00:00Z');

describe('taskChanges', () => {
  it('is empty when nothing changed, also when optional fields are missing on one side', () => {
    expect(taskChanges(base, { ...base }, now)).toEqual({});
    const { sourceVisitId: _s, doneAt: _d, ...sparse } = base;
    expect(taskChanges(sparse as Task, { ...base }, now)).toEqual({});
  });

  it('sends only the changed fields', () => {
    expect(taskChanges(base, { ...base, title: 'Søke bostøtte (Husbanken)', dueDate: '2025-03-15' }, now)).toEqual({
      title: 'Søke bostøtte (Husbanken)',
      dueDate: '2025-03-15',
    });
    expect(taskChanges(base, { ...base, ownerUnit: 'refugeeUnit' }, now)).toEqual({ ownerUnit: 'refugeeUnit' });
  });

  it('marks the time when it becomes done and clears it when opened again', () => {
    expect(taskChanges(base, { ...base, status: 'done' }, now)).toEqual({ status: 'done', doneAt: '2025-02-10T08:00:00.000Z' });
    const done: Task = { ...base, status: 'done', doneAt: '2025-01-01T09:00:00Z' };
    expect(taskChanges(done, { ...done, status: 'open', doneAt: null }, now)).toEqual({ status: 'open', doneAt: null });
    // Editing a done task's title keeps when it was done.
    expect(taskChanges(done, { ...done, title: 'Ny tittel', doneAt: null }, now)).toEqual({ title: 'Ny tittel' });
  });
});
