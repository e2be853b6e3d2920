// Consent states at their boundaries: the expiry day, withdrawal, a consent dated in the future, and scope per unit.
import { describe, expect, it } from 'vitest';
import { consentAllows, consentProblems, consentState, grantedCategories, norwegianDate } from '../../../../src/core/privacy/consentState';

const consent = {
  givenBy: 'mor',
  givenAt: '2026-01-10T09:00:00Z',
  expiresAt: '2026-06-30',
  method: 'paper' as const,
  scope: { nav: ['composition', 'housing'], refugeeUnit: ['tasks'] },
};

describe('consentState', () => {
  it.each([
    ['2026-01-10T08:59:59Z', 'notYetValid'],
    ['2026-01-10T09:00:00Z', 'valid'],
    // 30 June 23:59 in Oslo (summer time, UTC+2) is still the expiry day.
    ['2026-06-30T21:59:59Z', 'valid'],
    ['2026-06-30T22:00:00Z', 'expired'],
  ])('at %s it is %s', (at, state) => {
    expect(consentState(consent, new Date(at))).toBe(state);
  });

  it('is none without a consent or without the date it was given', () => {
    expect(consentState(null, new Date('2026-03-01T00:00:00Z'))).toBe('none');
    expect(consentState(undefined, new Date('2026-03-01T00:00:00Z'))).toBe('none');
    expect(consentState({ ...consent, givenAt: undefined }, new Date('2026-03-01T00:00:00Z'))).toBe('none');
  });

  it('is withdrawn from the moment a withdrawal is recorded, whatever its date', () => {
    expect(consentState({ ...consent, withdrawnAt: '2026-02-01T10:00:00Z' }, new Date('2026-03-01T00:00:00Z'))).toBe('withdrawn');
    expect(consentState({ ...consent, withdrawnAt: '2026-05-01T10:00:00Z' }, new Date('2026-03-01T00:00:00Z'))).toBe('withdrawn');
  });

  it('treats a consent with no expiry as expired: it must say how long it holds', () => {
    expect(consentState({ ...consent, expiresAt: undefined }, new Date('2026-03-01T00:00:00Z'))).toBe('expired');
  });

  it('uses the Norwegian calendar date', () => {
    expect(norwegianDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(norwegianDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});

describe('consentAllows', () => {
  const at = new Date('2026-03-01T12:00:00Z');
  it('grants exactly the categories the scope names for the unit', () => {
    expect(grantedCategories(consent, 'nav', at)).toEqual(['composition', 'housing']);
    expect(consentAllows({ consent }, 'nav', 'composition', at)).toBe(true);
    expect(consentAllows({ consent }, 'nav', 'tasks', at)).toBe(false);
    expect(consentAllows({ consent }, 'refugeeUnit', 'tasks', at)).toBe(true);
    expect(consentAllows({ consent }, 'husbanken', 'composition', at)).toBe(false);
  });
  it('grants nothing once withdrawn or expired', () => {
    expect(consentAllows({ consent: { ...consent, withdrawnAt: '2026-02-01T00:00:00Z' } }, 'nav', 'composition', at)).toBe(false);
    expect(consentAllows({ consent }, 'nav', 'composition', new Date('2026-07-01T12:00:00Z'))).toBe(false);
    expect(consentAllows({ consent: null }, 'nav', 'composition', at)).toBe(false);
  });
});

describe('consentProblems', () => {
  it('accepts a complete paper consent', () => {
    expect(consentProblems(consent)).toEqual([]);
  });
  it('asks for a signature when signed on the screen', () => {
    const problems = consentProblems({ ...consent, method: 'drawn', signature: null });
    expect(problems.map((p) => p.field)).toEqual(['signature']);
    expect(problems[0]!.message.nb).toMatch(/Underskriften mangler/);
  });
  it('refuses a scope that shares nothing', () => {
    expect(consentProblems({ ...consent, scope: {} }).map((p) => p.field)).toEqual(['scope']);
    expect(consentProblems({ ...consent, scope: { nav: [] } }).map((p) => p.field)).toEqual(['scope']);
  });
  it('limits the term to three years', () => {
    expect(consentProblems({ ...consent, expiresAt: '2029-01-10' })).toEqual([]);
    const problems = consentProblems({ ...consent, expiresAt: '2029-01-11' });
    expect(problems.map((p) => p.field)).toEqual(['expiresAt']);
    expect(problems[0]!.message.en).toContain('2029-01-10');
  });
});
