/**
 * Deterministic demo data for an empty database: 119 dwellings whose completed checklists the real rules judge as
 * 11 suited0to3, 40 suited3plus and 68 notSuitable (the Melhus report's 43 %), a few drafts, households with consent, visits,
 * tasks, one Foyer plan, and allocations in 2018 and 2019 that went 72 % and 68 % to households with children.
 * No verdict is written into the data: each dwelling gets answers that make the rules come out as intended.
 * Addresses are fictional; the area names are real places in Melhus.
 */
import type { Answer, Answers, Finding, Grade } from '../checklist/template';
import { TEMPLATE_IDS } from '../checklist/templates';
import { migrateDwellingInspectionV1 } from '../checklist/templates/dwellingInspection';
import type { EntityName } from '../entities';
import type { Allocation, Dwelling, Household, Inspection, Plan, Task, Visit } from '../schemas';
import type { DwellingType } from '../schemas/dwelling';
import { FOYER_DOMAINS, type PlanDomain } from '../schemas/plan';
import type { OwnerUnit } from '../schemas/ownerUnit';
import { SETTINGS_ID } from '../schemas/settings';
import { MELHUS_SETTINGS, type MelhusArea } from './melhusSettings';
import { createPrng, type Prng } from './prng';
import { DEMO_USERS } from './users';

/** One record as the server stores it (the server adds rev and its own change sequence). */
export type DemoRecord = { entity: EntityName; id: string; data: Record<string, unknown>; updatedBy: string; updatedAt: string };
/** Everything the demo database starts with. */
export type DemoData = { records: DemoRecord[] };

/** The generator's default random seed; any seed gives the same figures, only the details differ. */
export const DEMO_SEED = 20190613;

const userId = (username: string): string => {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`No demo user ${username}`);
  return user.id;
};
const ADMIN = userId('admin');
const INSPECTOR = userId('inspektor');
const COUNSELLOR = userId('boveileder');
const INTAKE = userId('inntak');

/** Reasons a dwelling is not suitable (a gate or a 3+ rule fails). */
type BlockingFault =
  | 'oneBedroom'
  | 'busFar'
  | 'radonHigh'
  | 'radonUndocumented'
  | 'wetRoomsTG3'
  | 'electricalTG3'
  | 'dampTG3'
  | 'escapeWindow'
  | 'smokeDetectors'
  | 'shortLease'
  | 'playFar'
  | 'schoolUnsafe'
  | 'redRisk'
  | 'lowCeiling'
  | 'noExtinguisher';
/** Reasons a dwelling suits children 3+ but not 0–3 (a 0–3 rule fails). */
type SmallChildFault =
  | 'playAreaMid'
  | 'pramStairs'
  | 'kindergartenFar'
  | 'mainRoadAtDoor'
  | 'unfencedWater'
  | 'noWindowLocks'
  | 'noCot'
  | 'climbableRailings'
  | 'mainRoadToPlay';
type Fault = BlockingFault | SmallChildFault;
type Intended = 'suited0to3' | 'suited3plus' | 'notSuitable';
type Profile = { intended: Intended; faults: Fault[] };

// How many dwellings fail for each reason: the mix a housing office of this size typically finds.
const BLOCKING: Array<[BlockingFault, number]> = [
  ['oneBedroom', 16],
  ['busFar', 10],
  ['radonHigh', 6],
  ['radonUndocumented', 3],
  ['wetRoomsTG3', 6],
  ['electricalTG3', 4],
  ['dampTG3', 2],
  ['escapeWindow', 4],
  ['smokeDetectors', 2],
  ['shortLease', 5],
  ['playFar', 4],
  ['schoolUnsafe', 2],
  ['redRisk', 2],
  ['lowCeiling', 1],
  ['noExtinguisher', 1],
];
const SMALL_CHILD: Array<[SmallChildFault, number]> = [
  ['playAreaMid', 12],
  ['pramStairs', 9],
  ['kindergartenFar', 6],
  ['mainRoadAtDoor', 4],
  ['unfencedWater', 2],
  ['noWindowLocks', 3],
  ['noCot', 2],
  ['climbableRailings', 1],
  ['mainRoadToPlay', 1],
];
const SUITED_0TO3 = 11;
/** How many of the 0–3 dwellings stand vacant in the demo. */
const VACANT_0TO3 = 2;

const RURAL: readonly string[] = ['Hølonda', 'Ler', 'Flå', 'Hovin', 'Lundamo'];
const AREA_WEIGHTS: Array<[MelhusArea, number]> = [
  ['Melhus sentrum', 22],
  ['Gimse', 20],
  ['Brekkåsen', 12],
  ['Kvål', 8],
  ['Korsvegen', 10],
  ['Hovin', 10],
  ['Lundamo', 12],
  ['Ler', 8],
  ['Flå', 9],
  ['Hølonda', 8],
];
const POSTCODES: Record<MelhusArea, string> = {
  'Melhus sentrum': '7224',
  Gimse: '7224',
  Brekkåsen: '7224',
  Kvål: '7227',
  Korsvegen: '7212',
  Hovin: '7213',
  Lundamo: '7232',
  Ler: '7234',
  Flå: '7221',
  Hølonda: '7212',
};
// Invented street names (wild flowers and berries + a common ending); none is meant to be a real address.
const STREET_FIRST = ['Blåklokke', 'Tyttebær', 'Multebær', 'Reinrose', 'Gaukesyre', 'Kattefot', 'Smørblomst', 'Hestehov', 'Marikåpe', 'Engsoleie', 'Ballblom', 'Fjellfiol', 'Linnea', 'Rødkløver', 'Hvitveis', 'Prestekrage'];
const STREET_LAST = ['vegen', 'lia', 'tunet', 'bakken', 'stien'];

function profiles(rng: Prng): Profile[] {
  const list: Profile[] = [];
  for (let i = 0; i < SUITED_0TO3; i++) list.push({ intended: 'suited0to3', faults: [] });
  const smallFaults = SMALL_CHILD.map(([f]) => f);
  for (const [fault, n] of SMALL_CHILD) {
    for (let i = 0; i < n; i++) {
      const faults: Fault[] = [fault];
      if (rng.chance(0.2)) faults.push(rng.pick(smallFaults));
      list.push({ intended: 'suited3plus', faults });
    }
  }
  const blockingFaults = BLOCKING.map(([f]) => f).filter((f) => f !== 'oneBedroom' && f !== 'escapeWindow');
  for (const [fault, n] of BLOCKING) {
    for (let i = 0; i < n; i++) {
      const faults: Fault[] = [fault];
      // Real dwellings often fail for more than one reason.
      if (rng.chance(0.25)) faults.push(rng.pick(blockingFaults));
      if (rng.chance(0.3)) faults.push(rng.pick(smallFaults));
      list.push({ intended: 'notSuitable', faults });
    }
  }
  return rng.shuffle(list);
}

function weightedArea(rng: Prng): MelhusArea {
  const total = AREA_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  let r = rng.int(1, total);
  for (const [area, w] of AREA_WEIGHTS) {
    r -= w;
    if (r <= 0) return area;
  }
  return 'Melhus sentrum';
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const v = (value: Answer['value'], note?: string): Answer => (note ? { value, note } : { value });

/** The physical layout that decides escape and pram answers. */
type Layout = { floor: number; hasLift: boolean; exitByStairs: boolean; dropToGroundM: [number, number] };

function makeDwelling(rng: Prng, p: Profile, index: number): { dwelling: Dwelling; layout: Layout } {
  const has = (f: Fault) => p.faults.includes(f);
  const area = has('busFar') ? rng.pick(RURAL) : weightedArea(rng);
  let type: DwellingType;
  let floor = 1;
  let hasLift = false;
  let exitByStairs = false;
  if (has('pramStairs')) {
    type = 'apartment';
    floor = 2;
  } else if (has('oneBedroom')) {
    type = rng.pick(['apartment', 'apartment', 'basementFlat'] as const);
    floor = type === 'basementFlat' ? 0 : rng.int(1, 2);
  } else if (has('lowCeiling')) {
    type = 'basementFlat';
    floor = 0;
  } else {
    type = rng.pick(['detached', 'semiDetached', 'terraced', 'terraced', 'apartment', 'apartment', 'apartment'] as const);
    if (type === 'apartment') {
      floor = p.intended === 'suited0to3' ? rng.pick([1, 1, 2]) : rng.int(1, 2);
      hasLift = floor === 2 && (p.intended === 'suited0to3' || rng.chance(0.3));
    }
  }
  if (has('escapeWindow') && type === 'apartment') {
    // Second floor with too narrow windows, or third or fourth floor where every window is more than 5 m up.
    floor = rng.int(2, 4);
    hasLift = floor >= 3 && rng.chance(0.5);
  }
  let drop: [number, number] = [3.0, 4.6];
  if (type === 'apartment') {
    exitByStairs = floor >= 2;
    if (floor >= 3) drop = [(floor - 1) * 2.8, (floor - 1) * 2.8 + 1];
  } else if (type !== 'basementFlat') {
    // In a house the bedrooms are often upstairs, so the exit is reached by the inside stairs.
    exitByStairs = rng.chance(0.6);
  }
  // The fault is about escape windows, which only matter when the exit is reached by stairs.
  if (has('escapeWindow')) exitByStairs = true;

  const approvedBedrooms = has('oneBedroom') ? (rng.chance(0.2) ? 0 : 1) : rng.pick([2, 2, 3, 3, 3, 4]);
  const rooms = approvedBedrooms + 1 + (rng.chance(0.3) ? 1 : 0);
  const fixed = has('shortLease') || rng.chance(0.3);
  const street = `${rng.pick(STREET_FIRST)}${rng.pick(STREET_LAST)}`;
  const number = rng.int(1, 60);
  const dwelling: Dwelling = {
    address: type === 'apartment' ? `${street} ${number} ${String.fromCharCode(65 + (index % 4))}` : `${street} ${number}`,
    postcode: POSTCODES[area as MelhusArea],
    area,
    gnr: rng.int(1, 320),
    bnr: rng.int(1, 400),
    type,
    floor,
    hasLift,
    areaM2: Math.round(30 + approvedBedrooms * 16 + rng.int(-4, 16)),
    rooms,
    approvedBedrooms,
    leaseType: fixed ? 'fixed' : 'openEnded',
    vacant: rng.chance(0.15),
  };
  if (type === 'apartment' && rng.chance(0.7)) dwelling.snr = rng.int(1, 24);
  if (fixed) dwelling.leaseYears = has('shortLease') ? rng.int(1, 2) : rng.int(3, 5);
  // The KOSTRA facts follow from the rest without a draw, so the random sequence (and every figure from it) stays.
  dwelling.ownership = index % 9 === 4 ? 'rentedIn' : index % 17 === 8 ? 'privateAllocationRight' : 'owned';
  dwelling.wheelchairAccessible = type === 'apartment' && (floor === 1 || hasLift);
  return { dwelling, layout: { floor, hasLift, exitByStairs, dropToGroundM: drop } };
}

const GRADED = ['roof', 'facade', 'windows', 'wetRooms', 'kitchen', 'electrical', 'heatingVentilation', 'dampMould', 'stairsRailings'] as const;
const TG2_FINDINGS: Finding[] = [
  { cause: 'Slitasje og alder', consequence: 'Økt vedlikehold de neste årene' },
  { cause: 'Manglende vedlikehold', consequence: 'Fare for fuktskader om det ikke utbedres' },
  { cause: 'Utett fuge', consequence: 'Lokal fuktinntrengning' },
];
const TG3_FINDING: Finding = {
  cause: 'Alvorlig skade funnet ved befaring',
  consequence: 'Må utbedres før utleie til barnefamilie',
  costEstimate: '80 000–150 000 kr',
};
const graded = (value: Grade, finding: Finding): Answer => ({ value, finding });

function answersA(rng: Prng, p: Profile, d: Dwelling, layout: Layout): Answers {
  const has = (f: Fault) => p.faults.includes(f);
  const a: Answers = {};
  const matches = rng.chance(0.95);
  a['identity.registryMatches'] = v(matches);
  if (!matches) a['identity.deviations'] = v('Boden er bygget om til et lite arbeidsrom; registeret er oppdatert.');

  const exitByStairs = layout.exitByStairs;
  const count = Math.min(d.approvedBedrooms, 6);
  a['bedrooms.count'] = v(count);
  for (let n = 1; n <= count; n++) {
    a[`bedroom${n}.ceilingHeightM`] = v(has('lowCeiling') && n === 1 ? rng.decimal(2.2, 2.35, 2) : rng.decimal(2.4, 2.7, 2));
    a[`bedroom${n}.openableWindow`] = v(true);
    const bad = has('escapeWindow');
    const type = bad && rng.chance(0.3) ? 'roof' : 'wall';
    a[`bedroom${n}.windowType`] = v(type);
    if (type !== 'wall') continue;
    const width = bad && layout.floor < 3 ? rng.decimal(0.35, 0.45, 2) : rng.decimal(0.55, 0.9, 2);
    const height = Math.max(rng.decimal(0.6, 1.2, 2), Math.round((1.55 - width) * 100) / 100);
    a[`bedroom${n}.windowWidthM`] = v(width);
    a[`bedroom${n}.windowHeightM`] = v(height);
    a[`bedroom${n}.sillHeightM`] = v(rng.decimal(0.6, 1.0, 2));
    a[`bedroom${n}.dropToGroundM`] = v(exitByStairs ? rng.decimal(layout.dropToGroundM[0], layout.dropToGroundM[1], 1) : rng.decimal(0.5, 1.5, 1));
  }

  const perFloor = !has('smokeDetectors');
  a['fire.smokeDetectorsPerFloor'] = v(perFloor);
  a['fire.smokeDetectorsCount'] = v(perFloor ? rng.int(2, 4) : 1);
  a['fire.smokeDetectorsAudible'] = v(true);
  a['fire.smokeDetectorsTested'] = v(true);
  if (has('noExtinguisher')) a['fire.extinguisherType'] = v('none');
  else {
    a['fire.extinguisherType'] = v(rng.pick(['hose', 'powder6kg', 'powder6kg', 'foam6l21a', 'foam9l']));
    a['fire.extinguisherReachesAllRooms'] = v(true);
    a['fire.extinguisherCheckedDate'] = v(addDays('2025-01-15', rng.int(0, 500)));
  }
  a['escape.exitToOpenAir'] = v(true);
  a['escape.exitByStairs'] = v(exitByStairs);

  if (has('radonUndocumented')) a['radon.documented'] = v(false);
  else {
    a['radon.documented'] = v(true);
    a['radon.bqm3'] = v(has('radonHigh') ? rng.int(210, 650) : rng.chance(0.15) ? rng.int(101, 190) : rng.int(10, 99));
    a['radon.measuredDate'] = v(addDays('2024-12-01', rng.int(0, 120)));
  }

  for (const part of GRADED) {
    const failing = (part === 'wetRooms' && has('wetRoomsTG3')) || (part === 'electrical' && has('electricalTG3')) || (part === 'dampMould' && has('dampTG3'));
    if (failing) {
      a[`condition.${part}`] = graded('TG3', TG3_FINDING);
      continue;
    }
    const r = rng.next();
    a[`condition.${part}`] = r < 0.2 ? v('TG0') : r < 0.8 ? v('TG1') : graded('TG2', rng.pick(TG2_FINDINGS));
  }
  const balcony = d.type === 'apartment' && d.floor >= 2;
  a['condition.hasBalcony'] = v(balcony);
  if (balcony) a['condition.balcony'] = rng.chance(0.1) ? v('TGIU') : v(rng.pick(['TG0', 'TG1']));

  a['childSafety.nonClimbableRailings'] = v(!has('climbableRailings'));
  const upstairs = d.floor >= 2 || (d.type !== 'apartment' && d.type !== 'basementFlat' && exitByStairs);
  a['childSafety.windowLocks'] = v(has('noWindowLocks') ? 'no' : upstairs ? 'yes' : 'notApplicable');
  a['childSafety.stoveGuard'] = v(rng.chance(0.9));
  a['childSafety.cotSpace'] = v(!has('noCot'));
  const pram = has('pramStairs') ? 'stairs' : d.floor >= 2 ? (d.hasLift ? 'lift' : 'stairs') : d.floor === 0 ? rng.pick(['stepFree', 'stairs']) : 'stepFree';
  a['childSafety.pramAccess'] = v(pram);
  a['outdoor.lawn'] = v(rng.chance(0.7));
  const onPlot = !has('playAreaMid') && !has('playFar') && d.type !== 'apartment' ? rng.chance(0.2) : false;
  a['outdoor.playgroundOnPlot'] = v(onPlot);
  if (rng.chance(0.3)) a['summary.notes'] = v('Boligen er i jevnt god stand. Neste befaring om tre år.');
  return a;
}

/**
 * A completed dwelling inspection in the version inspectors fill in now (2): the bedrooms of the version 1 answers
 * become room entries through the migration drafts take, each given its length and width (at least 7 m², worked out
 * from the dwelling so no random draw is added), a smoke detector and a grade, and a living room joins them. One with
 * a TG2 or TG3 grade stays a version 1 checklist, completed before version 2 came: version 2 asks a photo of such a
 * grade, and the demo holds no photos. Either way the rules give the dwelling the verdict its profile intends.
 */
function dwellingInspection(a: Answers, p: Profile, d: Dwelling): { version: number; answers: Answers } {
  if (Object.values(a).some((x) => x.value === 'TG2' || x.value === 'TG3')) return { version: 1, answers: a };
  const out = migrateDwellingInspectionV1(a);
  delete out['bedrooms.count'];
  const noDetector = p.faults.includes('smokeDetectors');
  const bedrooms = (out['rooms.list']?.entries ?? []).map((e, k) => ({
    id: e.id,
    answers: {
      ...e.answers,
      lengthM: v(Math.round((3 + ((k + d.gnr) % 4) * 0.2) * 10) / 10),
      widthM: v(Math.round((2.5 + ((3 * k + d.bnr) % 5) * 0.1) * 10) / 10),
      smokeDetector: noDetector && k === 0 ? v(false, 'Ingen røykvarsler i denne etasjen.') : v(true),
      grade: v(k % 2 === 0 ? 'TG1' : 'TG0'),
    },
  }));
  const living = {
    id: 'stue',
    answers: {
      name: v('Stue'),
      type: v('living'),
      lengthM: v(Math.round((4.2 + (d.gnr % 5) * 0.3) * 10) / 10),
      widthM: v(Math.round((3.4 + (d.bnr % 4) * 0.2) * 10) / 10),
      ceilingHeightM: v(2.5),
      openableWindow: v(true),
      smokeDetector: v(true),
      grade: v('TG1'),
    },
  };
  out['rooms.list'] = { entries: [...bedrooms, living] };
  return { version: 2, answers: out };
}

function answersB(rng: Prng, p: Profile, d: Dwelling): Answers {
  const has = (f: Fault) => p.faults.includes(f);
  const rural = RURAL.includes(d.area);
  const b: Answers = {};
  const play = has('playFar') ? rng.int(230, 900) : has('playAreaMid') ? rng.int(60, 190) : rng.int(5, 50);
  b['distances.playAreaM'] = v(play);
  b['distances.ballFieldOrParkM'] = v(has('playFar') ? rng.int(220, 900) : rng.int(50, 400));
  b['distances.outdoorRecreationM'] = v(rng.int(50, 1500));
  b['distances.kindergartenM'] = v(has('kindergartenFar') ? rng.int(1600, 4500) : rng.int(150, 1450));
  let school: number;
  let pavement = true;
  let lighting = true;
  if (has('schoolUnsafe')) {
    school = rng.int(1200, 3500);
    pavement = false;
    lighting = rng.chance(0.5);
  } else if (rural && rng.chance(0.5)) {
    // Far enough for free school transport, so the road's shape does not matter.
    school = rng.int(4200, 9000);
    pavement = rng.chance(0.3);
    lighting = rng.chance(0.3);
  } else school = rural ? rng.int(800, 3000) : rng.int(300, 2500);
  b['distances.primarySchoolM'] = v(school);
  b['distances.lowerSecondarySchoolM'] = v(school + rng.int(0, 3000));
  b['distances.busStopM'] = v(has('busFar') ? rng.int(600, 2800) : rng.int(60, 480));
  b['distances.shopM'] = v(rng.int(150, rural ? 6000 : 1500));
  b['distances.healthCentreM'] = v(rng.int(300, rural ? 12000 : 3000));
  b['routes.mainRoadToPlay'] = v(has('mainRoadToPlay'));
  b['routes.mainRoadToSchool'] = v(rng.chance(0.3));
  b['routes.schoolRoutePavement'] = v(pavement);
  b['routes.schoolRouteLighting'] = v(lighting);
  b['routes.schoolRouteSpeedLimit'] = v(rng.pick(['kmh30', 'kmh40', 'kmh50', 'kmh60']));
  b['routes.schoolRouteDangerous'] = v(false);
  b['traffic.mainRoadAtDoor'] = v(has('mainRoadAtDoor'));
  b['traffic.unfencedWater'] = v(has('unfencedWater'));
  b['environment.noiseZone'] = v(rng.chance(0.85) ? 'none' : rng.chance(0.8) ? 'yellow' : 'red');
  if (rng.chance(0.5)) b['environment.clubsAndSports'] = v('Idrettslag med fotball og ski for barn; speidergruppe i nærheten.');
  return b;
}

const RISKS = ['fellowTenants', 'fire', 'traffic', 'waterAndDrops', 'dampMouldRadon', 'crime', 'isolation'] as const;

function answersC(rng: Prng, p: Profile): Answers {
  const c: Answers = {};
  for (const risk of RISKS) {
    if (risk === 'fellowTenants' && p.faults.includes('redRisk')) {
      // Red, and still red after the measure: the rule fails it.
      c[`risk.${risk}`] = v(
        { likelihood: 4, consequence: 4, measure: 'Samtale med utleier om husordensregler.', owner: 'Boligkontoret', deadline: '2026-09-01', likelihoodAfter: 3, consequenceAfter: 4 },
        'Gjentatte meldinger om uro og rus i oppgangen.',
      );
      continue;
    }
    if (rng.chance(0.04)) {
      // Red, but with a measure that brings it down: the rule lets it pass.
      c[`risk.${risk}`] = v({ likelihood: 4, consequence: 3, measure: 'Fartsdumper og gjerde mot veien.', owner: 'Bygg og eiendom', deadline: '2026-06-30', likelihoodAfter: 2, consequenceAfter: 3 });
      continue;
    }
    const likelihood = rng.int(1, 3);
    const consequence = rng.int(1, 3);
    c[`risk.${risk}`] =
      likelihood * consequence >= 5 && rng.chance(0.6)
        ? v({ likelihood, consequence, measure: 'Følges opp ved neste befaring.', owner: 'Bygg og eiendom' })
        : v({ likelihood, consequence });
  }
  return c;
}

type Out = DemoRecord[];

function push(out: Out, entity: EntityName, id: string, data: object, updatedBy: string, updatedAt: string): void {
  out.push({ entity, id, data: data as Record<string, unknown>, updatedBy, updatedAt });
}

function inspection(templateId: string, answers: Answers, startedAt: string, completedAt: string | null, inspectorId: string, link: Partial<Inspection>, templateVersion = 1): Inspection {
  return {
    templateId,
    templateVersion,
    status: completedAt ? 'completed' : 'draft',
    answers,
    startedAt,
    ...(completedAt ? { completedAt } : {}),
    inspectorId,
    ...link,
  };
}

const FAMILY_ALIASES = ['Familie Bjørk', 'Familie Eik', 'Familie Lønn', 'Familie Rogn', 'Familie Selje', 'Familie Hegg', 'Familie Osp', 'Familie Alm', 'Familie Einer', 'Familie Hassel', 'Familie Vier', 'Familie Older'];
const LANGUAGES = ['Tolk: arabisk', 'Tolk: tigrinja', 'Tolk: dari', 'Tolk: somali'];
const TASKS: Array<[string, OwnerUnit]> = [
  ['Søke bostøtte', 'nav'],
  ['Budsjettveiledning', 'nav'],
  ['Reparere vindu på barnerommet', 'buildingsAndProperty'],
  ['Montere komfyrvakt', 'buildingsAndProperty'],
  ['Vurdere startlån og tilskudd', 'husbanken'],
  ['Følge opp introduksjonsprogrammet', 'refugeeUnit'],
  ['Time på helsestasjonen for minstemann', 'healthStation'],
  ['Avklare fritidsaktivitet for eldste barn', 'refugeeUnit'],
];

/** Generates the demo records; the same seed always gives the same records. */
export function generateDemoData(seed = DEMO_SEED): DemoData {
  const rng = createPrng(seed);
  const out: Out = [];

  // Dwellings and their completed checklists.
  const dwellings: Array<{ id: string; dwelling: Dwelling; profile: Profile }> = [];
  const inspections: Out = [];
  profiles(rng).forEach((profile, index) => {
    const { dwelling, layout } = makeDwelling(rng, profile, index);
    const id = rng.uuid();
    dwellings.push({ id, dwelling, profile });
    const day = addDays('2025-09-01', rng.int(0, 420));
    const hour = String(8 + (index % 6)).padStart(2, '0');
    const started = `${day}T${hour}:00:00Z`;
    const done = `${day}T${hour}:50:00Z`;
    const a = answersA(rng, profile, dwelling, layout);
    const aId = rng.uuid();
    if (index % 50 === 7) {
      // An earlier inspection that missed the radon report, corrected by a later revision.
      const oldId = rng.uuid();
      const earlierDay = addDays(day, -30);
      const old: Answers = { ...a, 'radon.documented': v(false) };
      delete old['radon.bqm3'];
      delete old['radon.measuredDate'];
      const before = dwellingInspection(old, profile, dwelling);
      push(inspections, 'inspection', oldId, inspection(TEMPLATE_IDS.dwellingInspection, before.answers, `${earlierDay}T09:00:00Z`, `${earlierDay}T09:45:00Z`, INSPECTOR, { dwellingId: id }, before.version), INSPECTOR, `${earlierDay}T09:45:00Z`);
      const now = dwellingInspection(a, profile, dwelling);
      push(inspections, 'inspection', aId, inspection(TEMPLATE_IDS.dwellingInspection, now.answers, started, done, INSPECTOR, { dwellingId: id, revisionOf: oldId }, now.version), INSPECTOR, done);
    } else {
      const now = dwellingInspection(a, profile, dwelling);
      push(inspections, 'inspection', aId, inspection(TEMPLATE_IDS.dwellingInspection, now.answers, started, done, INSPECTOR, { dwellingId: id }, now.version), INSPECTOR, done);
    }
    const bId = rng.uuid();
    push(inspections, 'inspection', bId, inspection(TEMPLATE_IDS.neighbourhood, answersB(rng, profile, dwelling), started, done, INSPECTOR, { dwellingId: id }), INSPECTOR, done);
    const cId = rng.uuid();
    push(inspections, 'inspection', cId, inspection(TEMPLATE_IDS.riskAssessment, answersC(rng, profile), started, done, INSPECTOR, { dwellingId: id }), INSPECTOR, done);
  });

  // Drafts in progress: they never count until completed.
  for (const [n, k] of [3, 29, 61, 88].entries()) {
    const target = dwellings[k];
    if (!target) continue;
    const started = `2026-11-${String(20 + n).padStart(2, '0')}T10:00:00Z`;
    const partial: Answers =
      n === 3
        ? { 'distances.busStopM': v(rng.int(100, 400)), 'distances.playAreaM': v(rng.int(10, 80)) }
        : { 'identity.registryMatches': v(true), 'fire.smokeDetectorsPerFloor': v(true), 'radon.documented': v(true) };
    const templateId = n === 3 ? TEMPLATE_IDS.neighbourhood : TEMPLATE_IDS.dwellingInspection;
    // A dwelling inspection draft is in the version new drafts start in (2); its answers are the same in both versions.
    push(inspections, 'inspection', rng.uuid(), inspection(templateId, partial, started, null, INSPECTOR, { dwellingId: target.id }, n === 3 ? 1 : 2), INSPECTOR, started);
  }

  // Households: the first seven live in municipal dwellings that suit them.
  const suitableHomes = dwellings.filter((d) => d.profile.intended !== 'notSuitable');
  const households: Array<{ id: string; household: Household }> = [];
  FAMILY_ALIASES.forEach((displayName, i) => {
    const id = rng.uuid();
    const children = rng.int(1, 4);
    const childBirthYears = Array.from({ length: children }, () => rng.int(2010, 2025)).sort();
    const home = i < 7 ? suitableHomes[i * 5] : undefined;
    if (home) home.dwelling.vacant = false;
    const givenAt = `${addDays('2026-01-05', rng.int(0, 200))}T10:00:00Z`;
    const household: Household = {
      displayName,
      adults: rng.pick([1, 2, 2]),
      childBirthYears,
      priorityFamily: i < 5,
      counsellorIds: [COUNSELLOR],
      needs: {
        accessibility: i === 9 ? 'stepFree' : 'none',
        preferredAreas: rng.shuffle(['Melhus sentrum', 'Gimse', 'Brekkåsen', 'Lundamo'] as const).slice(0, rng.int(0, 2)),
        ...(home ? {} : { neededBy: addDays('2026-12-01', rng.int(0, 120)) }),
      },
    };
    if (rng.chance(0.5)) household.languageNeeds = rng.pick(LANGUAGES);
    if (home) household.dwellingId = home.id;
    if (i < 10) {
      household.consent = {
        givenBy: rng.pick(['mor', 'far', 'begge foreldrene']),
        givenAt,
        // One consent has run out, to show what expiry looks like.
        expiresAt: i === 8 ? '2026-05-01' : addDays(givenAt.slice(0, 10), 365),
        scope: {
          nav: ['composition', 'economy', 'tasks'],
          buildingsAndProperty: ['composition', 'housing', 'visits', 'tasks'],
          refugeeUnit: ['composition', 'housing', 'children', 'tasks'],
          husbanken: ['composition', 'economy', 'housing'],
          ...(i % 3 === 0 ? { healthStation: ['children' as const] } : {}),
        },
        method: rng.pick(['drawn', 'paper'] as const),
        ...(i === 7 ? { withdrawnAt: '2026-09-14T13:00:00Z' } : {}),
      };
      if (i === 8) household.consent.givenAt = '2025-05-01T10:00:00Z';
    }
    if (i < 5) household.notes = 'Satsningsfamilie: månedlig samarbeidsmøte. Avtalt fokus på bosituasjon og økonomi.';
    households.push({ id, household });
  });
  // Two 0–3 dwellings nobody lives in stand vacant, so matching a family with a small child finds something.
  // Set without drawing from the generator, so every other record stays as it was.
  const homes = new Set(households.map((h) => h.household.dwellingId));
  dwellings
    .filter((d) => d.profile.intended === 'suited0to3' && !homes.has(d.id))
    .slice(0, VACANT_0TO3)
    .forEach((d) => (d.dwelling.vacant = true));

  for (const { id, dwelling } of dwellings) push(out, 'dwelling', id, dwelling, ADMIN, '2025-08-15T08:00:00Z');
  out.push(...inspections);
  for (const { id, household } of households) push(out, 'household', id, household, COUNSELLOR, household.consent?.givenAt ?? '2026-01-05T10:00:00Z');

  // Home visits to the priority families, each with its checklist and the tasks agreed.
  let taskIndex = 0;
  households.slice(0, 5).forEach(({ id: householdId, household }, i) => {
    const home = dwellings.find((d) => d.id === household.dwellingId)?.dwelling;
    for (const date of [addDays('2026-06-02', i * 7), addDays('2026-09-08', i * 7)]) {
      const visitId = rng.uuid();
      const inspectionId = rng.uuid();
      const persons = household.adults + household.childBirthYears.length;
      const concern = i === 3 && date > '2026-09';
      const answers: Answers = {
        'consent.onFile': v(true),
        'consent.scopeReviewed': v(true),
        'visit.purpose': v('followUp'),
        'visit.present': v(['adult', 'child', 'counsellor', ...(household.languageNeeds ? ['interpreter'] : [])]),
        'safety.smokeDetectorTested': v(true),
        'safety.extinguisherKnown': v(rng.chance(0.8)),
        'space.persons': v(persons),
        'space.rooms': v(home?.rooms ?? 3),
        'space.areaM2': v(home?.areaM2 ?? 70),
        'space.sleepingPlacePerChild': v(rng.chance(0.8)),
        'space.homeworkPlace': v(rng.chance(0.7)),
        'home.damp': v(rng.chance(0.15)),
        'home.cold': v(rng.chance(0.1)),
        'home.pests': v(false),
        'tenancy.rentArrears': v(rng.chance(0.2)),
        'services.involved': v(['nav', 'buildingsAndProperty', ...(household.languageNeeds ? ['refugeeUnit'] : [])]),
        'child.concern': v(concern),
        'actions.agreed': v('Se oppgaver registrert etter besøket.'),
      };
      if (concern) {
        answers['child.reported'] = v(true);
        answers['child.concernDescription'] = v('Eldste barn har høyt skolefravær. Drøftet med foreldrene; melding sendt etter avtale med leder.');
      }
      const at = `${date}T12:00:00Z`;
      push(out, 'inspection', inspectionId, inspection(TEMPLATE_IDS.homeVisit, answers, `${date}T10:30:00Z`, at, COUNSELLOR, { householdId }), COUNSELLOR, at);
      const visit: Visit = { householdId, date, counsellorId: COUNSELLOR, inspectionId };
      push(out, 'visit', visitId, visit, COUNSELLOR, at);
      for (let k = 0; k < 2; k++) {
        const [title, ownerUnit] = TASKS[taskIndex++ % TASKS.length] ?? ['Oppfølging', 'nav'];
        const dueDate = addDays(date, rng.int(14, 60));
        const done = dueDate < '2026-10-15';
        const task: Task = { title, ownerUnit, householdId, dueDate, status: done ? 'done' : 'open', sourceVisitId: visitId };
        if (done) task.doneAt = `${addDays(dueDate, -rng.int(0, 10))}T09:00:00Z`;
        push(out, 'task', rng.uuid(), task, COUNSELLOR, task.doneAt ?? at);
      }
    }
  });

  // One Foyer plan, reviewed at month 0 and month 6, with the month-6 follow-up checklist.
  const planId = rng.uuid();
  const domainGoals: Record<(typeof FOYER_DOMAINS)[number], string> = {
    homeSkills: 'Lage middag selv fire dager i uka og holde leiligheten ryddig.',
    education: 'Fullføre Vg2 helse- og oppvekstfag.',
    vocationalTraining: 'Få læreplass innen helsearbeiderfaget.',
    health: 'Fast fastlege og jevn døgnrytme.',
    economy: 'Betale husleie og regninger i tide; eget budsjett.',
    leisureAndNetwork: 'Være med i en fast fritidsaktivitet.',
    lifeSkills: 'Ta kontakt med NAV og skole på egen hånd.',
    transition: 'Finne egen leid bolig før programmet slutter.',
  };
  const domains = Object.fromEntries(
    FOYER_DOMAINS.map((domain, i): [string, PlanDomain] => [
      domain,
      {
        goal: domainGoals[domain],
        actions: [{ title: 'Avtale ukentlig oppfølging', owner: i % 2 === 0 ? 'koordinator' : 'ungdommen', dueDate: addDays('2026-03-01', i * 14), done: i < 5 }],
        reviews: { month0: { youth: 2 + (i % 2), coordinator: 2 }, month6: { youth: 3 + (i % 2), coordinator: 3 } },
      },
    ]),
  ) as Plan['domains'];
  const plan: Plan = {
    youthAlias: 'Ungdom A',
    birthYear: 2007,
    coordinatorId: COUNSELLOR,
    referringService: 'NAV',
    startDate: '2026-02-01',
    agreementSignedAt: '2026-02-01',
    status: 'active',
    domains,
    exitReadiness: { budgetKept: true, workOrSchool: true },
  };
  push(out, 'plan', planId, plan, COUNSELLOR, '2026-08-03T14:00:00Z');
  const followUp: Answers = {
    'meeting.reviewPoint': v('month6'),
    'meeting.agreementSigned': v(true),
    'meeting.threeWayHeld': v(true),
    'meeting.referringService': v('NAV'),
  };
  FOYER_DOMAINS.forEach((domain, i) => {
    followUp[`${domain}.youthScore`] = v(3 + (i % 2));
    followUp[`${domain}.coordinatorScore`] = v(3);
  });
  push(out, 'inspection', rng.uuid(), inspection(TEMPLATE_IDS.foyerFollowUp, followUp, '2026-08-03T12:00:00Z', '2026-08-03T14:00:00Z', COUNSELLOR, { planId }), COUNSELLOR, '2026-08-03T14:00:00Z');

  // Allocations: 2018 (18 of 25 to households with children, 72 %) and so far in 2019 (17 of 25, 68 %).
  const suitable = dwellings.filter((d) => d.profile.intended !== 'notSuitable');
  const unsuitable = dwellings.filter((d) => d.profile.intended === 'notSuitable');
  for (const [year, total, withChildren, lastDay] of [
    [2018, 25, 18, 364],
    [2019, 25, 17, 160],
  ] as const) {
    const flags = rng.shuffle(Array.from({ length: total }, (_, i) => i < withChildren));
    flags.forEach((hasChildren, i) => {
      // Children first: most families with children get one of the suitable dwellings.
      const pool = hasChildren ? (rng.chance(0.85) ? suitable : unsuitable) : rng.chance(0.8) ? unsuitable : suitable;
      const target = rng.pick(pool);
      const fixed = rng.chance(hasChildren ? 0.3 : 0.6);
      const allocation: Allocation = {
        dwellingId: target.id,
        date: addDays(`${year}-01-01`, Math.floor(((i + 0.5) * lastDay) / total)),
        householdHasChildren: hasChildren,
        childrenCount: hasChildren ? rng.int(1, 4) : 0,
        leaseType: fixed ? 'fixed' : 'openEnded',
        // Most are households new to municipal housing, some of them refugees (no draw: the sequence stays).
        newTenant: i % 5 !== 4,
      };
      if (allocation.newTenant) allocation.refugee = i % 4 === 1;
      if (fixed) allocation.leaseYears = hasChildren ? rng.pick([3, 3, 5, 1]) : rng.pick([1, 2, 3]);
      push(out, 'allocation', rng.uuid(), allocation, INTAKE, `${allocation.date}T12:00:00Z`);
    });
  }
  // The households now living in municipal dwellings came there by allocation too.
  households.forEach(({ id, household }, i) => {
    if (!household.dwellingId) return;
    const allocation: Allocation = {
      dwellingId: household.dwellingId,
      householdId: id,
      date: addDays('2025-03-01', i * 41),
      householdHasChildren: true,
      childrenCount: household.childBirthYears.length,
      leaseType: 'openEnded',
      newTenant: true,
      refugee: i % 3 === 0,
    };
    push(out, 'allocation', rng.uuid(), allocation, INTAKE, `${allocation.date}T12:00:00Z`);
  });
  // The municipality's settings, as an administrator set them up before the registry was filled.
  push(out, 'settings', SETTINGS_ID, MELHUS_SETTINGS, ADMIN, '2025-08-14T08:00:00Z');
  return { records: out };
}
