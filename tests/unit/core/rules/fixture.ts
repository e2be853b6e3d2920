/** A dwelling and its three completed checklists that pass every rule (suited0to3), for tests to change one answer at a time. */
import type { Answer, Answers } from '../../../../src/core/checklist/template';
import { TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import type { Dwelling } from '../../../../src/core/schemas/dwelling';
import type { Inspection } from '../../../../src/core/schemas/inspection';

const INSPECTOR = '00000000-0000-4000-8000-000000000002';

/** A two-bedroom flat on the ground floor with an open-ended lease. */
export function goodDwelling(over: Partial<Dwelling> = {}): Dwelling {
  return {
    address: 'Testveien 1',
    postcode: '7224',
    area: 'Gimse',
    gnr: 1,
    bnr: 2,
    type: 'apartment',
    floor: 1,
    hasLift: false,
    areaM2: 70,
    rooms: 3,
    approvedBedrooms: 2,
    leaseType: 'openEnded',
    vacant: true,
    ...over,
  };
}

const v = (value: Answer['value'], note?: string): Answer => (note ? { value, note } : { value });

/** Template A answers that pass every rule. */
export function goodA(): Answers {
  const a: Answers = {
    'identity.registryMatches': v(true),
    'bedrooms.count': v(2),
    'fire.smokeDetectorsPerFloor': v(true),
    'fire.smokeDetectorsCount': v(2),
    'fire.smokeDetectorsAudible': v(true),
    'fire.smokeDetectorsTested': v(true),
    'fire.extinguisherType': v('powder6kg'),
    'fire.extinguisherReachesAllRooms': v(true),
    'fire.extinguisherCheckedDate': v('2026-01-10'),
    'escape.exitToOpenAir': v(true),
    'escape.exitByStairs': v(true),
    'radon.documented': v(true),
    'radon.bqm3': v(80),
    'childSafety.nonClimbableRailings': v(true),
    'childSafety.windowLocks': v('yes'),
    'childSafety.stoveGuard': v(true),
    'childSafety.cotSpace': v(true),
    'childSafety.pramAccess': v('stepFree'),
    'outdoor.lawn': v(true),
    'outdoor.playgroundOnPlot': v(false),
    'condition.hasBalcony': v(false),
  };
  for (const part of ['roof', 'facade', 'windows', 'wetRooms', 'kitchen', 'electrical', 'heatingVentilation', 'dampMould', 'stairsRailings']) {
    a[`condition.${part}`] = v('TG1');
  }
  for (const n of [1, 2]) {
    a[`bedroom${n}.ceilingHeightM`] = v(2.4);
    a[`bedroom${n}.openableWindow`] = v(true);
    a[`bedroom${n}.windowType`] = v('wall');
    a[`bedroom${n}.windowWidthM`] = v(0.6);
    a[`bedroom${n}.windowHeightM`] = v(0.9);
    a[`bedroom${n}.sillHeightM`] = v(0.9);
    a[`bedroom${n}.dropToGroundM`] = v(3);
  }
  return a;
}

/** Template B answers that pass every rule. */
export function goodB(): Answers {
  return {
    'distances.playAreaM': v(40),
    'distances.ballFieldOrParkM': v(150),
    'distances.kindergartenM': v(900),
    'distances.primarySchoolM': v(1200),
    'distances.lowerSecondarySchoolM': v(2500),
    'distances.busStopM': v(300),
    'routes.mainRoadToPlay': v(false),
    'routes.mainRoadToSchool': v(false),
    'routes.schoolRoutePavement': v(true),
    'routes.schoolRouteLighting': v(true),
    'routes.schoolRouteDangerous': v(false),
    'traffic.mainRoadAtDoor': v(false),
    'traffic.unfencedWater': v(false),
    'environment.noiseZone': v('none'),
  };
}

/** Template C answers that pass every rule (all green or yellow). */
export function goodC(): Answers {
  const c: Answers = {};
  for (const id of ['fellowTenants', 'fire', 'traffic', 'waterAndDrops', 'dampMouldRadon', 'crime', 'isolation']) {
    c[`risk.${id}`] = v({ likelihood: 2, consequence: 2 });
  }
  return c;
}

/** A completed inspection of a template with these answers. */
export function completed(templateId: string, answers: Answers, completedAt = '2026-03-01T12:00:00Z'): Inspection {
  return { templateId, templateVersion: 1, status: 'completed', answers, startedAt: '2026-03-01T09:00:00Z', completedAt, inspectorId: INSPECTOR };
}

/** The three completed checklists A, B and C, with optional changes per template. */
export function goodInspections(change: { a?: Answers; b?: Answers; c?: Answers } = {}): Inspection[] {
  return [
    completed(TEMPLATE_IDS.dwellingInspection, { ...goodA(), ...change.a }),
    completed(TEMPLATE_IDS.neighbourhood, { ...goodB(), ...change.b }),
    completed(TEMPLATE_IDS.riskAssessment, { ...goodC(), ...change.c }),
  ];
}
