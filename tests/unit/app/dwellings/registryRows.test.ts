// Registry lines: the verdict comes from the latest completed checklists, the date from the newest completed one.
import { describe, expect, it } from 'vitest';
import type { Dwelling } from '../../../../src/core/schemas/dwelling';
import type { Inspection } from '../../../../src/core/schemas/inspection';
import type { Task } from '../../../../src/core/schemas/task';
import { assessDwelling } from '../../../../src/core/rules/assessDwelling';
import { rowsFrom, summarize } from '../../../../src/app/screens/dwellings/registryRows';

const d: Dwelling = {
  address: 'Gimsevegen 3', postcode: '7224', area: 'Gimse', gnr: 12, bnr: 34, type: 'apartment', floor: 1, hasLift: false,
  areaM2: 64, rooms: 3, approvedBedrooms: 2, leaseType: 'openEnded', vacant: true,
};
const insp = (dwellingId: string | null, status: 'draft' | 'completed', completedAt?: string): { id: string; data: Inspection } => ({
  id: crypto.randomUUID(),
  data: { templateId: 'dwelling-inspection', templateVersion: 1, dwellingId, status, answers: {}, startedAt: '2025-01-01T00:00:00Z', inspectorId: crypto.randomUUID(), ...(completedAt ? { completedAt } : {}) },
});

describe('registry lines', () => {
  it('gives each dwelling its own verdict and last completed inspection, ignoring drafts and other dwellings', () => {
    const list = [
      insp('A', 'completed', '2025-03-01T10:00:00Z'),
      insp('A', 'completed', '2026-03-01T10:00:00Z'),
      insp('A', 'draft'),
      insp('B', 'draft'),
      insp(null, 'completed', '2026-09-01T10:00:00Z'),
    ];
    const dwellings = [{ id: 'A', data: d }, { id: 'B', data: d }];
    const rows = rowsFrom(dwellings, summarize(dwellings, list));
    expect(rows.map((r) => [r.id, r.lastInspectedAt])).toEqual([['A', '2026-03-01T10:00:00Z'], ['B', null]]);
    expect(rows[0]!.verdict).toBe(assessDwelling(d, list.slice(0, 3).map((i) => i.data)).verdict);
    expect(rows[1]!.verdict).toBe('notAssessed');
  });

  it('holds a dwelling at not suitable while a TG3 action on it is open, as its page does, and lets go once it is closed', () => {
    const dwellings = [{ id: 'A', data: d }, { id: 'B', data: d }];
    const action = (dwellingId: string, status: Task['status'], extra: Partial<Task> = {}): { id: string; data: Task } => ({
      id: crypto.randomUUID(),
      data: { title: 'Fukt i bad', dwellingId, status, dueDate: '2026-12-31', severity: 'TG3', ...extra } as Task,
    });
    const verdicts = (tasks: { id: string; data: Task }[]) => [...summarize(dwellings, [], tasks).values()].map((s) => s.verdict);
    expect(verdicts([])).toEqual(['notAssessed', 'notAssessed']);
    expect(verdicts([action('A', 'open')])).toEqual(['notSuitable', 'notAssessed']);
    expect(verdicts([action('A', 'done')])).toEqual(['notAssessed', 'notAssessed']);
    // A TG2 action does not hold the verdict, and a household's task naming a dwelling is not an action.
    expect(verdicts([action('A', 'open', { severity: 'TG2' }), action('B', 'open', { householdId: crypto.randomUUID() })])).toEqual(['notAssessed', 'notAssessed']);
  });

  it('lists a dwelling allocated since its record last changed as let, whatever the registry field still says', () => {
    const vacant = { ...d, vacant: true };
    const rec = { id: 'C', data: vacant, updatedAt: '2026-01-01T08:00:00Z' };
    const allocation = { dwellingId: 'C', date: '2026-02-01', householdHasChildren: true, childrenCount: 1, leaseType: 'openEnded' as const };
    expect(rowsFrom([rec], new Map(), [allocation], '2026-12-05')[0]!.dwelling.vacant).toBe(false);
    expect(rowsFrom([rec], new Map(), [], '2026-12-05')[0]!.dwelling.vacant).toBe(true);
  });

  it('marks a dwelling without a summary yet as being assessed, not as any verdict', () => {
    expect(rowsFrom([{ id: 'C', data: d }], new Map())).toEqual([{ id: 'C', dwelling: d, verdict: null, lastInspectedAt: null }]);
  });
});
