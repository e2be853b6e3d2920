// A household as the intake team sees it, turned into matching needs: ages on the safe side, nothing without consent.
import { describe, expect, it } from 'vitest';
import { needsFromHousehold } from '../../../../src/core/matching/needsFromHousehold';

describe('needsFromHousehold', () => {
  it('takes the youngest possible age from the birth year, on the date needed when that is later', () => {
    const n = needsFromHousehold(
      {
        adults: 2,
        childBirthYears: [2024, 2020, 2026],
        needs: { accessibility: 'none', preferredAreas: ['Gimse'], neededBy: '2027-08-01' },
      },
      '2026-11-27',
    );
    expect(n).toEqual({ adults: 2, childAges: [2, 6, 0], stepFree: false, preferredAreas: ['Gimse'], neededBy: '2027-08-01' });
  });

  it('uses today when the date needed has passed or is missing', () => {
    expect(needsFromHousehold({ adults: 1, childBirthYears: [2023] }, '2026-01-05')?.childAges).toEqual([2]);
    expect(
      needsFromHousehold({ adults: 1, childBirthYears: [2023], needs: { accessibility: 'wheelchair', preferredAreas: [], neededBy: '2025-01-01' } }, '2026-01-05'),
    ).toMatchObject({ childAges: [2], stepFree: true });
  });

  it('gives nothing when consent does not share the composition', () => {
    expect(needsFromHousehold({ displayName: 'Familie Nord' }, '2026-01-05')).toBeNull();
    expect(needsFromHousehold({ adults: 2 }, '2026-01-05')).toBeNull();
  });
});
