// A correction sends the changed top-level fields only; missing and null are the same, nested values compare deeply.
import { describe, expect, it } from 'vitest';
import { fieldChanges } from '../../../../src/app/store/fieldChanges';

describe('fieldChanges', () => {
  it('keeps only what differs', () => {
    const before = { date: '2019-03-01', childrenCount: 2, householdId: null as string | null, leaseYears: undefined as number | undefined };
    expect(fieldChanges(before, { ...before })).toEqual({});
    expect(fieldChanges(before, { ...before, leaseYears: undefined, householdId: null })).toEqual({});
    expect(fieldChanges(before, { ...before, childrenCount: 3, date: '2019-03-02' })).toEqual({ childrenCount: 3, date: '2019-03-02' });
    expect(fieldChanges(before, { ...before, leaseYears: 5 })).toEqual({ leaseYears: 5 });
  });

  it('compares nested values by content and sends a cleared value as null', () => {
    const before = { areas: ['Melhus'], note: 'x' as string | undefined };
    expect(fieldChanges(before, { areas: ['Melhus'], note: 'x' })).toEqual({});
    expect(fieldChanges(before, { areas: ['Melhus', 'Flå'], note: undefined })).toEqual({ areas: ['Melhus', 'Flå'], note: null });
  });
});
