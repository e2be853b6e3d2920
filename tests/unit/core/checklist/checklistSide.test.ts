// A household's checklist (one naming a household or plan) is never part of a dwelling's verdict or the figures,
// even when it names the dwelling: only inspectors' and administrators' dwelling checklists are.
import { describe, expect, it } from 'vitest';
import { checklistSide } from '../../../../src/core/checklist/checklistSide';
import { TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import { computeFigures } from '../../../../src/core/figures/computeFigures';
import { assessDwelling } from '../../../../src/core/rules/assessDwelling';
import type { Inspection } from '../../../../src/core/schemas';
import { completed, goodA, goodDwelling, goodInspections } from '../rules/fixture';

const DWELLING = '00000000-0000-4000-8000-0000000000d1';
const HOUSEHOLD = '00000000-0000-4000-8000-0000000000e1';

/** A later, completed template A that fails radon, as a counsellor's checklist of a household would carry it. */
const householdsChecklist = (over: Record<string, unknown>) => ({
  ...completed(TEMPLATE_IDS.dwellingInspection, { ...goodA(), 'radon.bqm3': { value: 900 } }, '2026-04-01T12:00:00Z'),
  dwellingId: DWELLING,
  ...over,
});

describe('checklistSide', () => {
  it('is the household’s when a household or plan is named, the dwelling’s when only a dwelling is', () => {
    expect(checklistSide({ dwellingId: DWELLING })).toBe('dwelling');
    expect(checklistSide({ dwellingId: DWELLING, householdId: HOUSEHOLD })).toBe('household');
    expect(checklistSide({ planId: HOUSEHOLD })).toBe('household');
    expect(checklistSide({ householdId: '', dwellingId: null })).toBeNull();
    expect(checklistSide(null)).toBeNull();
  });
});

describe('a dwelling’s verdict', () => {
  const dwelling = goodDwelling();
  const own = goodInspections().map((i) => ({ ...i, dwellingId: DWELLING }));

  it('changes with a later dwelling checklist that fails a rule (the control)', () => {
    expect(assessDwelling(dwelling, own).verdict).toBe('suited0to3');
    expect(assessDwelling(dwelling, [...own, householdsChecklist({})]).verdict).toBe('notSuitable');
  });

  it('ignores the same checklist when it names a household or a plan', () => {
    expect(assessDwelling(dwelling, [...own, householdsChecklist({ householdId: HOUSEHOLD })]).verdict).toBe('suited0to3');
    expect(assessDwelling(dwelling, [...own, householdsChecklist({ planId: HOUSEHOLD })]).verdict).toBe('suited0to3');
  });

  it('and so do the figures', () => {
    const input = { dwellings: [{ ...dwelling, id: DWELLING }], allocations: [] };
    const withIds = (list: Inspection[]) => list.map((i, n) => ({ ...i, id: `00000000-0000-4000-8000-00000000000${n}` }));
    const counted = computeFigures({ ...input, inspections: withIds([...own, householdsChecklist({ householdId: HOUSEHOLD })]) });
    expect(counted.byVerdict).toMatchObject({ suited0to3: 1, notSuitable: 0 });
    const control = computeFigures({ ...input, inspections: withIds([...own, householdsChecklist({})]) });
    expect(control.byVerdict).toMatchObject({ suited0to3: 0, notSuitable: 1 });
  });
});
