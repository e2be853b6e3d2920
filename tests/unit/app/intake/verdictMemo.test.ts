// Verdicts remembered per dwelling: a fingerprint changes with the dwelling or any of its checklists, and only then is it reassessed.
import { describe, expect, it } from 'vitest';
import { dwellingStamps } from '../../../../src/app/screens/intake/dwellingStamps';
import { VerdictMemo } from '../../../../src/app/screens/intake/VerdictMemo';

const at = '2026-11-27T10:00:00.000Z';
const dwelling = (id: string, rev = 1, updatedAt = at) => ({ entity: 'dwelling', id, rev, updatedAt });
const checklist = (id: string, dwellingId: string | undefined, rev = 1, updatedAt = at) => ({ entity: 'inspection', id, rev, updatedAt, data: { dwellingId } });

describe('dwellingStamps', () => {
  const base = [checklist('a1', 'a'), checklist('a2', 'a'), checklist('b1', 'b'), checklist('v', undefined)];
  const stamps = dwellingStamps([dwelling('a'), dwelling('b'), dwelling('c')], base);

  it('gives every dwelling a fingerprint, also one without checklists', () => {
    expect([...stamps.keys()]).toEqual(['a', 'b', 'c']);
    expect(new Set(stamps.values()).size).toBe(3);
  });

  it('does not depend on the order the checklists are read in', () => {
    expect(dwellingStamps([dwelling('a'), dwelling('b'), dwelling('c')], [...base].reverse())).toEqual(stamps);
  });

  it('changes for exactly the dwelling whose record or checklist changed, was added or removed', () => {
    const changed = (ds: ReturnType<typeof dwelling>[], cs: ReturnType<typeof checklist>[]) => {
      const next = dwellingStamps(ds, cs);
      return [...next].filter(([id, s]) => stamps.get(id) !== s).map(([id]) => id);
    };
    const ds = [dwelling('a'), dwelling('b'), dwelling('c')];
    expect(changed(ds, base)).toEqual([]);
    expect(changed([dwelling('a'), dwelling('b', 2), dwelling('c')], base)).toEqual(['b']);
    expect(changed([dwelling('a', 1, '2026-11-27T11:00:00.000Z'), dwelling('b'), dwelling('c')], base)).toEqual(['a']);
    expect(changed(ds, [checklist('a1', 'a', 2), ...base.slice(1)])).toEqual(['a']);
    expect(changed(ds, [...base, checklist('c1', 'c')])).toEqual(['c']);
    expect(changed(ds, base.filter((c) => c.id !== 'a2'))).toEqual(['a']);
    // A checklist moved to another dwelling changes both.
    expect(changed(ds, [checklist('a1', 'b'), ...base.slice(1)])).toEqual(['a', 'b']);
  });
});

describe('VerdictMemo', () => {
  it('returns a remembered verdict only while the fingerprint is the same, and forgets dwellings that are gone', () => {
    const memo = new VerdictMemo();
    expect(memo.known(new Map([['a', 's1']]))).toEqual({});
    memo.remember(new Map([['a', 's1'], ['b', 's2']]), { a: 'suited0to3', b: 'notSuitable' });
    expect(memo.known(new Map([['a', 's1'], ['b', 's2']]))).toEqual({ a: 'suited0to3', b: 'notSuitable' });
    expect(memo.known(new Map([['a', 's1'], ['b', 's3']]))).toEqual({ a: 'suited0to3' });
    memo.remember(new Map([['b', 's3']]), { b: 'suited3plus' });
    expect(memo.known(new Map([['a', 's1'], ['b', 's3']]))).toEqual({ b: 'suited3plus' });
  });
});
