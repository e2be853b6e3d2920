/** Valid record data for sync tests: dwellings and inspections that pass the entity schemas. */
import { MELHUS_AREA_NAMES as MELHUS_AREAS } from '../../../src/core/demo/melhusSettings';

/** A valid dwelling; `n` varies address, area and sizes. */
export function sampleDwelling(n: number): Record<string, unknown> {
  return {
    address: `Testvegen ${n}`,
    postcode: '7224',
    area: MELHUS_AREAS[n % MELHUS_AREAS.length],
    gnr: 1 + (n % 300),
    bnr: 1 + (n % 50),
    type: 'apartment',
    floor: n % 4,
    hasLift: n % 2 === 0,
    areaM2: 40 + (n % 80),
    rooms: 3,
    approvedBedrooms: 2,
    leaseType: 'openEnded',
    vacant: n % 3 === 0,
  };
}

/** A valid draft dwelling inspection of the given dwelling, by the given inspector. */
export function sampleInspection(dwellingId: string, inspectorId: string): Record<string, unknown> {
  return {
    templateId: 'dwelling-inspection',
    templateVersion: 1,
    dwellingId,
    status: 'draft',
    answers: {},
    startedAt: '2026-11-27T08:00:00.000Z',
    inspectorId,
  };
}
