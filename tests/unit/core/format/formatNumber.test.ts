// Numbers as a person reads them in each language.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../../src/core/format/formatNumber';

describe('formatNumber', () => {
  it.each([
    [0, '0', '0'],
    [500, '500', '500'],
    [1500, '1500', '1,500'],
    [10000, '10 000', '10,000'],
    [1234567, '1 234 567', '1,234,567'],
    [2.4, '2,4', '2.4'],
    [0.49, '0,49', '0.49'],
    [2.456, '2,46', '2.46'],
    [-3.5, '-3,5', '-3.5'],
  ])('%d → %s / %s', (n, nb, en) => {
    expect(formatNumber(n, 'nb')).toBe(nb);
    expect(formatNumber(n, 'en')).toBe(en);
  });
});
