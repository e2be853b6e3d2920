// Reading number fields the way Norwegians and English speakers type them.
import { describe, expect, it } from 'vitest';
import { editableNumber, numberProblem, parseNumber } from '../../../../src/app/components/parseNumber';

const metres = { min: 1.5, max: 5, integer: false };
const count = { min: 0, max: 20, integer: true };

describe('parseNumber', () => {
  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseNumber('2,4', metres)).toEqual({ kind: 'number', value: 2.4, inRange: true });
    expect(parseNumber(' 2.4 ', metres)).toEqual({ kind: 'number', value: 2.4, inRange: true });
    expect(parseNumber(',5', { ...metres, min: 0 })).toEqual({ kind: 'number', value: 0.5, inRange: true });
  });

  it('reads a half-typed number so typing is saved as it goes', () => {
    expect(parseNumber('2,', metres)).toEqual({ kind: 'number', value: 2, inRange: true });
  });

  it('takes spaces as thousands separators, and commas as such only in English "10,000"', () => {
    expect(parseNumber('1 500', { min: 0, max: 10000, integer: true })).toMatchObject({ value: 1500 });
    expect(parseNumber('10\u00a0000', { min: 0, max: 50000, integer: true })).toMatchObject({ value: 10000 });
    expect(parseNumber('10,000', { min: 0, max: 50000, integer: false }, 'en')).toMatchObject({ value: 10000 });
    expect(parseNumber('10,000', { min: 0, max: 50000, integer: false }, 'nb')).toMatchObject({ value: 10 });
  });

  it('reads minus signs, including the typographic one', () => {
    expect(parseNumber('−1', { min: -2, max: 40, integer: true })).toMatchObject({ value: -1, inRange: true });
    expect(parseNumber('-3', { min: -2, max: 40, integer: true })).toMatchObject({ value: -3, inRange: false });
  });

  it('tells empty, unreadable, not whole and out of range apart', () => {
    expect(parseNumber('   ', metres)).toEqual({ kind: 'empty' });
    expect(parseNumber('to meter', metres)).toEqual({ kind: 'invalid', reason: 'notANumber' });
    expect(parseNumber('2,4,1', metres)).toEqual({ kind: 'invalid', reason: 'notANumber' });
    expect(parseNumber('1e3', metres)).toEqual({ kind: 'invalid', reason: 'notANumber' });
    expect(parseNumber('2,5', count)).toEqual({ kind: 'invalid', reason: 'notWhole' });
    // In a whole-number field, text that is no number at all is also told to be a whole number.
    expect(parseNumber('tre', count)).toEqual({ kind: 'invalid', reason: 'notWhole' });
    expect(parseNumber('24', metres)).toEqual({ kind: 'number', value: 24, inRange: false });
  });

  it('writes numbers back for editing in a form that parses again to the same value', () => {
    for (const n of [2.4, -1, 1500, 0.05]) {
      for (const lang of ['nb', 'en'] as const) {
        expect(parseNumber(editableNumber(n, lang), { min: -10, max: 10000, integer: false }, lang)).toMatchObject({ value: n });
      }
    }
    expect(editableNumber(2.4, 'nb')).toBe('2,4');
    expect(editableNumber(2.4, 'en')).toBe('2.4');
  });
});

describe('numberProblem', () => {
  const show = (n: number) => String(n);
  it('gives a whole-number field a whole example that fits its limits, never a decimal one', () => {
    expect(numberProblem('tre', { min: 0, max: 9, integer: true }, 'nb', show)).toEqual({ key: 'numberWhole', vars: { example: '3' } });
    expect(numberProblem('2,5', { min: 0, max: 2, integer: true }, 'nb', show)).toEqual({ key: 'numberWhole', vars: { example: '2' } });
    expect(numberProblem('2,5', { min: 1900, max: 2030, integer: true }, 'nb', show)).toEqual({ key: 'numberWhole', vars: { example: '1900' } });
    expect(numberProblem('to', { min: 0, max: 9, integer: false }, 'nb', show)).toEqual({ key: 'numberInvalid' });
  });

  it('says a whole number out of range must be a whole number in the range', () => {
    expect(numberProblem('12', { min: 0, max: 9, integer: true }, 'nb', show)).toEqual({ key: 'numberWholeRange', vars: { min: '0', max: '9' } });
    expect(numberProblem('12', { min: 0, max: 9, integer: false }, 'nb', show)).toEqual({ key: 'numberRange', vars: { min: '0', max: '9' } });
    expect(numberProblem('4', { min: 0, max: 9, integer: true }, 'nb', show)).toBeNull();
  });
});
