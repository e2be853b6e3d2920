// The stock as matching sees it: access from the pram-access answer, distances from the latest neighbourhood checklist.
import { describe, expect, it } from 'vitest';
import { toMatchCandidates } from '../../../../src/core/matching/toMatchCandidates';
import type { Dwelling, Inspection, WithId } from '../../../../src/core/schemas';

const D1 = '10000000-0000-4000-8000-000000000001';
const D2 = '10000000-0000-4000-8000-000000000002';
const INSPECTOR = '00000000-0000-4000-8000-000000000002';

function dwelling(id: string, over: Partial<Dwelling> = {}): WithId<Dwelling> {
  return {
    id,
    address: 'Hovinvegen 3',
    postcode: '7212',
    area: 'Hovin',
    gnr: 10,
    bnr: 20,
    type: 'terraced',
    floor: 1,
    hasLift: false,
    areaM2: 90,
    rooms: 4,
    approvedBedrooms: 3,
    leaseType: 'openEnded',
    vacant: true,
    ...over,
  };
}

function checklist(id: string, dwellingId: string, templateId: string, completedAt: string | null, answers: Inspection['answers']): WithId<Inspection> {
  return {
    id,
    templateId,
    templateVersion: 1,
    dwellingId,
    status: completedAt ? 'completed' : 'draft',
    answers,
    startedAt: '2025-01-01T08:00:00Z',
    completedAt,
    inspectorId: INSPECTOR,
  };
}

describe('toMatchCandidates', () => {
  it('reads distances from the latest completed neighbourhood checklist, ignoring drafts', () => {
    const inspections = [
      checklist('a0000000-0000-4000-8000-000000000001', D1, 'neighbourhood', '2024-05-01T10:00:00Z', {
        'distances.kindergartenM': { value: 900 },
        'distances.primarySchoolM': { value: 1500 },
        'distances.busStopM': { value: 700 },
      }),
      checklist('a0000000-0000-4000-8000-000000000002', D1, 'neighbourhood', '2025-05-01T10:00:00Z', {
        'distances.kindergartenM': { value: 300 },
        'distances.primarySchoolM': { value: 1200 },
        'distances.busStopM': { value: 100 },
      }),
      checklist('a0000000-0000-4000-8000-000000000003', D1, 'neighbourhood', null, { 'distances.busStopM': { value: 5 } }),
      checklist('a0000000-0000-4000-8000-000000000004', D1, 'dwelling-inspection', '2025-05-01T10:00:00Z', {
        'childSafety.pramAccess': { value: 'stairs' },
      }),
    ];
    const [c1, c2] = toMatchCandidates([dwelling(D1, { hasLift: true }), dwelling(D2, { vacant: false, vacantFrom: '2026-02-01' })], inspections, {
      [D1]: 'suited3plus',
    });
    expect(c1).toMatchObject({
      id: D1,
      verdict: 'suited3plus',
      stepFree: false,
      distances: { kindergartenM: 300, schoolM: 1200, busStopM: 100 },
    });
    expect(c2).toMatchObject({ id: D2, verdict: 'notAssessed', stepFree: null, distances: {}, vacant: false, vacantFrom: '2026-02-01' });
  });

  it('marks a dwelling allocated on or after its last change as taken, and matching leaves it out with the date', async () => {
    const { matchDwellings } = await import('../../../../src/core/matching/match');
    const allocation = (date: string) => ({ dwellingId: D1, date, householdHasChildren: true, childrenCount: 1, leaseType: 'openEnded' as const });
    const changedAt = { [D1]: '2026-11-20T09:00:00Z' };
    const at = (date: string) => toMatchCandidates([dwelling(D1)], [], { [D1]: 'suited0to3' }, { allocations: [allocation(date)], dwellingChangedAt: changedAt })[0]!;
    expect(at('2026-11-20').allocatedOn).toBe('2026-11-20');
    expect(at('2026-11-19').allocatedOn).toBeUndefined();
    expect(toMatchCandidates([dwelling(D1)], [], {}, { allocations: [allocation('2026-11-25')], dwellingChangedAt: {} })[0]!.allocatedOn).toBeUndefined();
    const r = matchDwellings({ adults: 2, childAges: [1], stepFree: false, preferredAreas: [] }, [at('2026-11-25')]);
    expect(r.matches).toEqual([]);
    expect(r.excluded[0]!.reasons[0]!.text.nb).toBe('Tildelt 2026-11-25 — ikke registrert som utleid ennå');
  });

  it('falls back to the registry’s lift when the pram-access answer is missing', () => {
    const [c] = toMatchCandidates([dwelling(D1, { hasLift: true, floor: 4 })], [], {});
    expect(c!.stepFree).toBe(true);
  });
});

describe('matching on the demo stock', () => {
  it('offers a family with a 2-year-old only vacant 0–3 dwellings, each with reasons, and explains every other dwelling', async () => {
    const { generateDemoData } = await import('../../../../src/core/demo/generate');
    const { computeFigures } = await import('../../../../src/core/figures/computeFigures');
    const { matchDwellings } = await import('../../../../src/core/matching/match');
    const { records } = generateDemoData();
    const of = <T>(entity: string) => records.filter((r) => r.entity === entity).map((r) => ({ ...(r.data as T), id: r.id })) as WithId<T>[];
    const dwellings = of<Dwelling>('dwelling');
    const inspections = of<Inspection>('inspection');
    const { verdictsByDwelling } = computeFigures({ dwellings, inspections, allocations: [] });
    const stock = toMatchCandidates(dwellings, inspections, verdictsByDwelling);

    const small = matchDwellings({ adults: 2, childAges: [2], stepFree: false, preferredAreas: [] }, stock);
    // The demo keeps two 0–3 dwellings vacant, so a family with a small child finds something.
    expect(small.matches.length).toBe(2);
    // Offer every dwelling as vacant too, to see the reasons on all eleven 0–3 dwellings.
    const allVacant = matchDwellings({ adults: 2, childAges: [2], stepFree: false, preferredAreas: [] }, stock.map((d) => ({ ...d, vacant: true })));
    expect(allVacant.matches.length).toBeGreaterThan(small.matches.length);
    for (const m of [...small.matches, ...allVacant.matches]) {
      expect(m.dwelling.verdict).toBe('suited0to3');
      expect(m.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['bedrooms', 'verdict', 'kindergarten', 'busStop']));
    }
    expect(small.matches.length + small.excluded.length).toBe(119);
    const threePlusVacant = stock.filter((d) => d.verdict === 'suited3plus' && d.vacant);
    expect(threePlusVacant.length).toBeGreaterThan(0);
    for (const d of threePlusVacant) {
      const e = small.excluded.find((x) => x.dwelling.id === d.id)!;
      expect(e.reasons.map((r) => r.kind)).toContain('verdict');
    }

    const older = matchDwellings({ adults: 2, childAges: [4, 9], stepFree: false, preferredAreas: [] }, stock);
    expect(older.matches.some((m) => m.dwelling.verdict === 'suited3plus')).toBe(true);
  });
});
