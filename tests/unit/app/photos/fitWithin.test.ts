// The shrink size: longest side ≤ the limit, aspect ratio kept, small photos untouched.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitWithin } from '../../../../src/app/photos/fitWithin';

describe('fitWithin', () => {
  it('shrinks a 12-MP camera photo to 2000 px on the longest side', () => {
    expect(fitWithin({ width: 4000, height: 3000 }, 2000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin({ width: 3000, height: 4000 }, 2000)).toEqual({ width: 1500, height: 2000 });
  });

  it('never enlarges', () => {
    expect(fitWithin({ width: 800, height: 600 }, 2000)).toEqual({ width: 800, height: 600 });
  });

  it('refuses an empty image', () => {
    expect(() => fitWithin({ width: 0, height: 10 }, 2000)).toThrow(RangeError);
  });

  it('keeps the longest side within the limit and the aspect ratio within a pixel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 20000 }), (width, height) => {
        const out = fitWithin({ width, height }, 2000);
        expect(Math.max(out.width, out.height)).toBe(Math.min(2000, Math.max(width, height)));
        const scale = Math.min(1, 2000 / Math.max(width, height));
        expect(Math.abs(width * scale - out.width)).toBeLessThanOrEqual(1);
        expect(Math.abs(height * scale - out.height)).toBeLessThanOrEqual(1);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});
