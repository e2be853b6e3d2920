// Matching as a table: who is offered which dwelling, in which order, and why the others are left out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bedroomsNeeded } from '../../../../src/core/rules/bedroomsNeeded';
import type { Verdict } from '../../../../src/core/rules/verdict';
import {
  distanceText,
  matchDwellings,
  type HouseholdNeeds,
  type MatchCandidate,
} from '../../../../src/core/matching/match';

function dwelling(id: string, over: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id,
    address: `Gimsevegen ${id}`,
    area: 'Gimse',
    vacant: true,
    approvedBedrooms: 3,
    rooms: 4,
    areaM2: 80,
    stepFree: true,
    verdict: 'suited0to3',
    distances: { kindergartenM: 400, schoolM: 900, busStopM: 150 },
    ...over,
  };
}

function needs(over: Partial<HouseholdNeeds> = {}): HouseholdNeeds {
  return { adults: 2, childAges: [], stepFree: false, preferredAreas: [], ...over };
}

const ids = (xs: { dwelling: MatchCandidate }[]) => xs.map((x) => x.dwelling.id);
const reasonOf = (r: ReturnType<typeof matchDwellings>, id: string) =>
  r.excluded.find((e) => e.dwelling.id === id)?.reasons.map((x) => x.kind);

describe('matchDwellings: who may be offered what', () => {
  const stock = [
    dwelling('a', { verdict: 'suited0to3' }),
    dwelling('b', { verdict: 'suited3plus' }),
    dwelling('c', { verdict: 'notSuitable' }),
    dwelling('d', { verdict: 'notAssessed' }),
    dwelling('e', { verdict: 'suited0to3', vacant: false }),
  ];

  it.each<[string, number[], string[], Record<string, string[]>]>([
    ['a 2-year-old', [2], ['a'], { b: ['verdict'], c: ['verdict'], d: ['verdict'], e: ['vacancy'] }],
    ['a newborn and a 7-year-old', [0, 7], ['a'], { b: ['verdict'] }],
    ['a 3-year-old', [3], ['b', 'a'], { c: ['verdict'], d: ['verdict'] }],
    ['children of 5 and 12', [5, 12], ['b', 'a'], { c: ['verdict'], e: ['vacancy'] }],
    ['no children', [], ['c', 'd', 'b', 'a'], { e: ['vacancy'] }],
  ])('%s', (_name, childAges, offered, leftOut) => {
    const r = matchDwellings(needs({ childAges }), stock);
    expect(ids(r.matches)).toEqual(offered);
    for (const [id, kinds] of Object.entries(leftOut)) expect(reasonOf(r, id)).toEqual(kinds);
    expect(r.matches.length + r.excluded.length).toBe(stock.length);
  });

  it('never offers a dwelling suited only for 3+ to a family with a child under 3 (property)', () => {
    const verdict = fc.constantFrom<Verdict>('suited0to3', 'suited3plus', 'notSuitable', 'notAssessed');
    const cand = fc.record({
      id: fc.uuid(),
      address: fc.string(),
      area: fc.constantFrom('Gimse', 'Hovin', 'Lundamo'),
      vacant: fc.boolean(),
      approvedBedrooms: fc.integer({ min: 0, max: 6 }),
      rooms: fc.integer({ min: 1, max: 8 }),
      areaM2: fc.integer({ min: 15, max: 200 }),
      stepFree: fc.constantFrom(true, false, null),
      verdict,
      distances: fc.record({ busStopM: fc.integer({ min: 0, max: 5000 }) }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 17 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(cand, { maxLength: 30 }),
        (childAges, adults, stock) => {
          const r = matchDwellings(needs({ adults, childAges }), stock);
          const small = Math.min(...childAges) < 3;
          const persons = adults + childAges.length;
          for (const m of r.matches) {
            expect(m.dwelling.vacant).toBe(true);
            expect(['suited0to3', 'suited3plus']).toContain(m.dwelling.verdict);
            if (small) expect(m.dwelling.verdict).toBe('suited0to3');
            expect(m.dwelling.approvedBedrooms).toBeGreaterThanOrEqual(bedroomsNeeded(adults, childAges.length));
            const crowded = persons > m.dwelling.rooms && m.dwelling.areaM2 / persons < 20;
            expect(crowded).toBe(false);
          }
          for (const e of r.excluded) expect(e.reasons.length).toBeGreaterThan(0);
          expect(r.matches.length + r.excluded.length).toBe(stock.length);
        },
      ),
      { seed: 3, numRuns: 400 },
    );
  });
});

describe('matchDwellings: bedrooms and crowding', () => {
  it.each<[string, HouseholdNeeds, MatchCandidate, string[] | undefined]>([
    ['2 children need 2 bedrooms: 2 fits', needs({ childAges: [4, 6] }), dwelling('x', { approvedBedrooms: 2, verdict: 'suited3plus' }), undefined],
    ['3 children need 3 bedrooms: 2 is too few', needs({ childAges: [4, 6, 8] }), dwelling('x', { approvedBedrooms: 2, areaM2: 120, verdict: 'suited3plus' }), ['bedrooms']],
    // 6 persons in 5 rooms on 110 m² is 18.3 m² each: both SSB conditions hold.
    ['crowded by SSB: more persons than rooms and under 20 m² each', needs({ childAges: [4, 6, 8, 9] }), dwelling('x', { approvedBedrooms: 3, rooms: 5, areaM2: 110, verdict: 'suited3plus' }), ['crowding']],
    // 6 persons in 5 rooms on 120 m² is exactly 20 m² each: not crowded.
    ['20 m² each is not crowded', needs({ childAges: [4, 6, 8, 9] }), dwelling('x', { approvedBedrooms: 3, rooms: 5, areaM2: 120, verdict: 'suited3plus' }), undefined],
    // 4 persons in 4 rooms on 60 m²: small, but not more persons than rooms.
    ['as many rooms as persons is not crowded', needs({ childAges: [4, 6] }), dwelling('x', { approvedBedrooms: 2, rooms: 4, areaM2: 60, verdict: 'suited3plus' }), undefined],
    ['needs step-free: none recorded is left out', needs({ childAges: [4], stepFree: true }), dwelling('x', { stepFree: null }), ['stepFree']],
    ['needs step-free: stairs only is left out', needs({ childAges: [4], stepFree: true }), dwelling('x', { stepFree: false }), ['stepFree']],
    ['vacant too late', needs({ childAges: [4], neededBy: '2026-01-01' }), dwelling('x', { vacant: false, vacantFrom: '2026-03-01' }), ['vacancy']],
    ['vacant in time', needs({ childAges: [4], neededBy: '2026-03-01' }), dwelling('x', { vacant: false, vacantFrom: '2026-03-01' }), undefined],
    ['let, and no date needed given', needs({ childAges: [4] }), dwelling('x', { vacant: false, vacantFrom: '2026-03-01' }), ['vacancy']],
    ['several reasons at once', needs({ childAges: [1, 2, 3, 4, 5] }), dwelling('x', { vacant: false, verdict: 'suited3plus', approvedBedrooms: 2, rooms: 3, areaM2: 60 }), ['vacancy', 'verdict', 'bedrooms', 'crowding']],
  ])('%s', (_name, n, d, excludedFor) => {
    const r = matchDwellings(n, [d]);
    if (excludedFor) {
      expect(r.matches).toEqual([]);
      expect(r.excluded[0]!.reasons.map((x) => x.kind)).toEqual(excludedFor);
    } else {
      expect(ids(r.matches)).toEqual(['x']);
    }
  });
});

describe('matchDwellings: ranking and reasons', () => {
  it('puts preferred areas first, then the tightest bedroom fit, then the nearest services', () => {
    const stock = [
      dwelling('far', { area: 'Gimse', approvedBedrooms: 2, distances: { kindergartenM: 2500, busStopM: 900 } }),
      dwelling('near', { area: 'Gimse', approvedBedrooms: 2, distances: { kindergartenM: 300, busStopM: 100 } }),
      dwelling('big', { area: 'Gimse', approvedBedrooms: 4 }),
      dwelling('hovin', { area: 'Hovin', approvedBedrooms: 2 }),
      dwelling('ler', { area: 'Ler', approvedBedrooms: 2 }),
    ];
    const r = matchDwellings(needs({ childAges: [1], preferredAreas: ['hovin', 'Gimse'] }), stock);
    expect(ids(r.matches)).toEqual(['hovin', 'near', 'far', 'big', 'ler']);
    expect(r.matches.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(r.matches.at(-1)!.reasons.find((x) => x.kind === 'area')).toMatchObject({ ok: false });
  });

  it('says why each dwelling fits, with the actual values in both languages', () => {
    const r = matchDwellings(
      needs({ childAges: [2, 7] }),
      [dwelling('a', { approvedBedrooms: 2, distances: { kindergartenM: 1234, schoolM: 800, busStopM: 150 } })],
    );
    const texts = r.matches[0]!.reasons.map((x) => x.text.nb);
    expect(texts).toEqual(
      expect.arrayContaining([
        '2 godkjente soverom — trenger 2',
        'Godt egnet for barnefamilier 0–3 år',
        'Barnehage 1,2 km',
        'Barneskole 800 m',
        'Bussholdeplass 150 m',
      ]),
    );
    expect(r.matches[0]!.reasons.map((x) => x.text.en)).toContain('Kindergarten 1.2 km');
    for (const reason of r.matches[0]!.reasons) {
      expect(reason.text.nb.length).toBeGreaterThan(0);
      expect(reason.text.en.length).toBeGreaterThan(0);
    }
  });

  it('names a missing distance instead of hiding it, and ranks it last', () => {
    const r = matchDwellings(needs({ childAges: [4] }), [dwelling('unknown', { distances: {} }), dwelling('known')]);
    expect(ids(r.matches)).toEqual(['known', 'unknown']);
    expect(r.matches[1]!.reasons.map((x) => x.text.nb)).toContain('Barnehage: avstand ikke registrert');
  });

  it('explains the 3+ exclusion with the child’s age', () => {
    const r = matchDwellings(needs({ childAges: [2, 8] }), [dwelling('b', { verdict: 'suited3plus' })]);
    expect(r.excluded[0]!.reasons[0]!.text.nb).toBe('Egnet bare for barn over 3 år — yngste barn er 2 år');
  });

  it('formats distances', () => {
    expect(distanceText(450)).toEqual({ nb: '450 m', en: '450 m' });
    expect(distanceText(1000)).toEqual({ nb: '1 km', en: '1 km' });
    expect(distanceText(12_345)).toEqual({ nb: '12,3 km', en: '12.3 km' });
  });
});
