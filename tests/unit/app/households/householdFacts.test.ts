// Who sees all of a household on the device: decided by who follows it, not by whether a consent happens to be recorded.
import { describe, expect, it } from 'vitest';
import { consentStateOf, seesAll } from '../../../../src/app/screens/households/householdFacts';

const counsellor = { id: 'c1', roles: ['counsellor'] as const };
const other = { id: 'c2', roles: ['counsellor'] as const };
const admin = { id: 'a1', roles: ['admin'] as const };
const intake = { id: 'i1', roles: ['intake'] as const };
const now = new Date('2026-11-27T10:00:00Z');

describe('seesAll', () => {
  // A household registered before any consent was recorded has no consent field at all.
  const withoutConsent = { displayName: 'Familie Older', adults: 2, childBirthYears: [2023], counsellorIds: ['c1'] };
  // What the intake team holds: the shared fields only, no counsellors, no consent.
  const shared = { displayName: 'Familie Bjørk', adults: 2, childBirthYears: [2020] };

  it('lets the household’s own counsellor and administrators see all of it, also before consent is recorded', () => {
    expect(seesAll(withoutConsent, counsellor)).toBe(true);
    expect(seesAll(withoutConsent, admin)).toBe(true);
    expect(consentStateOf(withoutConsent, now, seesAll(withoutConsent, counsellor))).toBe('none');
  });

  it('gives others the shared view only, without a consent state', () => {
    expect(seesAll(withoutConsent, other)).toBe(false);
    expect(seesAll(shared, intake)).toBe(false);
    expect(seesAll(shared, null)).toBe(false);
    expect(consentStateOf(shared, now, false)).toBeUndefined();
  });
});
