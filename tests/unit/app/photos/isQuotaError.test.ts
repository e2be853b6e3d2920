// Recognising "storage full" however the store wraps it, so the person gets the right message.
import { describe, expect, it } from 'vitest';
import { isQuotaError, PhotoError } from '../../../../src/app/photos/PhotoError';

describe('isQuotaError', () => {
  it('sees the DOMException directly and inside Dexie-style wrappers', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: dom })).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: { name: 'QuotaExceededError' } }))).toBe(true);
  });

  it('does not take other failures for a full disk', () => {
    expect(isQuotaError(new PhotoError('decode', 'x'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(new DOMException('x', 'DataError'))).toBe(false);
  });
});
