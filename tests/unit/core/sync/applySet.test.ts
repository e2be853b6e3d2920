// Paths, the rebase of pending ops, deep equality, backoff and photo references: the small pure pieces of sync.
import { describe, expect, it } from 'vitest';
import { applySet } from '../../../../src/core/sync/applySet';
import { backoffDelay, BACKOFF_MAX_MS } from '../../../../src/core/sync/backoff';
import { deepEqual } from '../../../../src/core/sync/deepEqual';
import { pathsOverlap, readPath, splitPath } from '../../../../src/core/sync/path';
import { findPhotoHashes, findPhotoRefs } from '../../../../src/core/sync/photoRefs';
import { pathSchema, photoRefSchema } from '../../../../src/core/sync/protocol';
import { rebase } from '../../../../src/core/sync/rebase';

describe('paths', () => {
  it.each([
    ['floor', { field: 'floor' }],
    ['answers.fire.smokeDetectors', { field: 'answers', key: 'fire.smokeDetectors' }],
  ])('splits %s', (p, want) => expect(splitPath(p)).toEqual(want));

  it.each([
    ['a', 'a', true],
    ['a', 'a.x', true],
    ['a.x', 'a', true],
    ['a.x', 'a.y', false],
    ['a', 'b', false],
    ['a.x', 'b.x', false],
    ['', 'a.x', true],
    ['b', '', true],
  ])('%s overlaps %s: %s', (a, b, want) => expect(pathsOverlap(a, b)).toBe(want));

  it('reads values and absent paths', () => {
    const d = { a: 1, m: { 'x.y': 2 }, s: 'str' };
    expect(readPath(d, 'a')).toBe(1);
    expect(readPath(d, 'm.x.y')).toBe(2);
    expect(readPath(d, 'm.z')).toBeUndefined();
    expect(readPath(d, 's.length')).toBeUndefined();
    expect(readPath(d, 'toString')).toBeUndefined();
  });

  it.each(['answers.__proto__', 'constructor', 'answers.x.prototype', '_x', '1a', 'a b', ''])('rejects path %j', (p) =>
    expect(pathSchema.safeParse(p).success).toBe(false),
  );
  it.each(['floor', 'answers.fire.smokeDetectors', 'answers.fire:1-a'])('accepts path %j', (p) =>
    expect(pathSchema.safeParse(p).success).toBe(true),
  );
});

describe('applySet', () => {
  it('sets fields and map entries, clears an entry with null, leaves the input alone', () => {
    const d = { a: 1, m: { x: 1, y: 2 } };
    expect(applySet(d, { a: 2, 'm.x': null, 'm.z': 3, 'n.k': 'v', top: null })).toEqual({
      a: 2,
      m: { y: 2, z: 3 },
      n: { k: 'v' },
      top: null,
    });
    expect(d).toEqual({ a: 1, m: { x: 1, y: 2 } });
  });

  it('replaces a non-map field when an entry is written into it', () => {
    expect(applySet({ m: 5 }, { 'm.k': 1 })).toEqual({ m: { k: 1 } });
  });

  it('keeps __proto__ as a plain key', () => {
    const out = applySet({}, { 'm.__proto__': { polluted: true } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out.m)).toBe(Object.prototype);
  });
});

describe('rebase', () => {
  it('puts pending ops on top of the server version', () => {
    expect(rebase({ a: 1, b: 1 }, false, [{ set: { a: 2 } }, { set: { c: 3 } }])).toEqual({ data: { a: 2, b: 1, c: 3 }, deleted: false });
    expect(rebase(null, false, [{ set: { a: 2 } }, { delete: true }])).toEqual({ data: { a: 2 }, deleted: true });
  });
});

describe('deepEqual', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, undefined, false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[], {}, false],
  ])('%j vs %j → %s', (a, b, want) => expect(deepEqual(a, b)).toBe(want));
});

describe('backoffDelay', () => {
  it('grows from 1 s to at most 5 min, with full jitter', () => {
    expect(backoffDelay(0, () => 0.99)).toBe(0);
    expect(backoffDelay(1, () => 0.999)).toBeLessThan(1000);
    expect(backoffDelay(3, () => 0.999)).toBeLessThan(4000);
    expect(backoffDelay(3, () => 0.999)).toBeGreaterThan(3900);
    expect(backoffDelay(50, () => 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(backoffDelay(50, () => 0.999)).toBeGreaterThan(BACKOFF_MAX_MS - 1000);
    expect(backoffDelay(50, () => 0)).toBe(0);
  });
});

describe('findPhotoRefs', () => {
  it('finds each photo once, anywhere in a value', () => {
    const p = { sha256: 'a'.repeat(64), mime: 'image/jpeg', takenAt: '2026-11-27T10:00:00Z' };
    const q = { ...p, sha256: 'b'.repeat(64) };
    expect(findPhotoRefs({ x: { photos: [p, q] }, y: [p], z: { sha256: 'nope' } }).map((r) => r.sha256)).toEqual([p.sha256, q.sha256]);
  });

  it('keeps the link from a marked-up copy to its original, and needs both blobs', () => {
    const original = { sha256: 'a'.repeat(64), mime: 'image/jpeg', takenAt: '2026-11-27T10:00:00Z' };
    const marked = { ...original, sha256: 'c'.repeat(64), markupOf: original.sha256, caption: 'Pil mot fukt' };
    expect(findPhotoRefs({ photos: [marked] })).toEqual([marked]);
    // The original is needed on the server even when the record points only to the copy.
    expect(findPhotoHashes({ photos: [marked] })).toEqual([marked.sha256, original.sha256]);
    expect(findPhotoHashes({ photos: [original, marked] })).toEqual([original.sha256, marked.sha256]);
  });

  it('refuses a marked-up copy that links to itself or to something that is not a hash', () => {
    const ref = { sha256: 'a'.repeat(64), mime: 'image/jpeg', takenAt: '2026-11-27T10:00:00Z' };
    expect(photoRefSchema.safeParse({ ...ref, markupOf: ref.sha256 }).success).toBe(false);
    expect(photoRefSchema.safeParse({ ...ref, markupOf: 'nope' }).success).toBe(false);
    expect(photoRefSchema.safeParse({ ...ref, markupOf: 'b'.repeat(64) }).success).toBe(true);
  });
});
