// The conflict rule as a table: who wrote a path after my base revision, and is the value different?
import { describe, expect, it } from 'vitest';
import { mergeOp, type PathWrite } from '../../../../src/core/sync/mergeOp';

const ME = 'client-me';
const OTHER = 'client-other';
const w = (path: string, rev: number, clientId: string | null): PathWrite => ({ path, rev, clientId, userId: `u-${clientId}`, at: `t${rev}` });

type Row = {
  name: string;
  data: Record<string, unknown>;
  writes: PathWrite[];
  baseRev: number;
  set: Record<string, unknown>;
  written: string[];
  conflicts: string[];
  after?: Record<string, unknown>;
};

const table: Row[] = [
  { name: 'fresh record, no writes', data: {}, writes: [], baseRev: 0, set: { floor: 2 }, written: ['floor'], conflicts: [], after: { floor: 2 } },
  { name: 'other client wrote after base, different value', data: { floor: 2 }, writes: [w('floor', 4, OTHER)], baseRev: 3, set: { floor: 3 }, written: [], conflicts: ['floor'], after: { floor: 2 } },
  { name: 'other client wrote after base, same value', data: { floor: 3 }, writes: [w('floor', 4, OTHER)], baseRev: 3, set: { floor: 3 }, written: ['floor'], conflicts: [] },
  { name: 'deep-equal objects are the same value', data: { a: { x: [1, { y: 2 }], z: 1 } }, writes: [w('a', 4, OTHER)], baseRev: 3, set: { a: { z: 1, x: [1, { y: 2 }] } }, written: ['a'], conflicts: [] },
  { name: 'other client wrote before base', data: { floor: 2 }, writes: [w('floor', 3, OTHER)], baseRev: 3, set: { floor: 5 }, written: ['floor'], conflicts: [], after: { floor: 5 } },
  { name: 'my own earlier op after base never conflicts', data: { floor: 2 }, writes: [w('floor', 4, ME)], baseRev: 0, set: { floor: 6 }, written: ['floor'], conflicts: [] },
  { name: 'other field written by other: merges', data: { floor: 2, rooms: 4 }, writes: [w('rooms', 5, OTHER)], baseRev: 3, set: { floor: 3 }, written: ['floor'], conflicts: [], after: { floor: 3, rooms: 4 } },
  { name: 'different answers of one map merge', data: { answers: { a: { value: 1 } } }, writes: [w('answers.a', 5, OTHER)], baseRev: 3, set: { 'answers.b': { value: 2 } }, written: ['answers.b'], conflicts: [], after: { answers: { a: { value: 1 }, b: { value: 2 } } } },
  { name: 'same answer, different value', data: { answers: { a: { value: 1 } } }, writes: [w('answers.a', 5, OTHER)], baseRev: 3, set: { 'answers.a': { value: 2 } }, written: [], conflicts: ['answers.a'] },
  { name: 'whole map written by other conflicts with an entry', data: { answers: { a: { value: 1 } } }, writes: [w('answers', 5, OTHER)], baseRev: 3, set: { 'answers.a': { value: 2 } }, written: [], conflicts: ['answers.a'] },
  { name: 'an entry written by other conflicts with the whole map', data: { answers: { a: { value: 1 } } }, writes: [w('answers.a', 5, OTHER)], baseRev: 3, set: { answers: {} }, written: [], conflicts: ['answers'] },
  { name: 'a creation by another client covers every path', data: { floor: 1, rooms: 2 }, writes: [w('', 1, OTHER)], baseRev: 0, set: { floor: 2, rooms: 2 }, written: ['rooms'], conflicts: ['floor'] },
  { name: 'a creation before my base revision does not', data: { floor: 1 }, writes: [w('', 1, OTHER)], baseRev: 1, set: { floor: 2 }, written: ['floor'], conflicts: [] },
  { name: 'server write from the demo data (no client) counts as other', data: { floor: 1 }, writes: [w('floor', 1, null)], baseRev: 0, set: { floor: 2 }, written: [], conflicts: ['floor'] },
  { name: 'partial: one path conflicts, the other is written', data: { floor: 2, rooms: 3 }, writes: [w('floor', 4, OTHER)], baseRev: 3, set: { floor: 9, rooms: 5 }, written: ['rooms'], conflicts: ['floor'], after: { floor: 2, rooms: 5 } },
  { name: 'clearing an entry someone else already cleared', data: { answers: {} }, writes: [w('answers.a', 4, OTHER)], baseRev: 3, set: { 'answers.a': null }, written: ['answers.a'], conflicts: [] },
  { name: 'newest foreign write names who and when', data: { floor: 7 }, writes: [w('floor', 4, OTHER), w('floor', 6, 'third')], baseRev: 3, set: { floor: 1 }, written: [], conflicts: ['floor'] },
];

describe('mergeOp', () => {
  for (const row of table) {
    it(row.name, () => {
      const r = mergeOp({ data: row.data, writes: row.writes, set: row.set, baseRev: row.baseRev, clientId: ME });
      expect(r.written).toEqual(row.written);
      expect(r.conflicts.map((c) => c.path)).toEqual(row.conflicts);
      if (row.after) expect(r.data).toEqual(row.after);
    });
  }

  it('reports both values and the newest foreign writer', () => {
    const r = mergeOp({ data: { floor: 7 }, writes: [w('floor', 4, OTHER), w('floor', 6, 'third')], set: { floor: 1 }, baseRev: 3, clientId: ME });
    expect(r.conflicts).toEqual([{ path: 'floor', server: 7, mine: 1, by: 'u-third', at: 't6' }]);
  });

  it('does not change its input', () => {
    const data = { answers: { a: 1 } };
    mergeOp({ data, writes: [], set: { 'answers.b': 2 }, baseRev: 0, clientId: ME });
    expect(data).toEqual({ answers: { a: 1 } });
  });
});
