/** The suitability rule set, version 1: the proposal of docs/domain.md as data. A change of threshold is a new version here. */
import { TEMPLATE_IDS } from '../checklist/templates';
import { ruleSetSchema, type RuleSet } from './ruleSet';

const A = TEMPLATE_IDS.dwellingInspection;
const B = TEMPLATE_IDS.neighbourhood;
const C = TEMPLATE_IDS.riskAssessment;

/** Rule set 1. Legal points (fire, escape, radon, TEK17) must be confirmed by the fire service or a lawyer before go-live. */
export const ruleSetV1: RuleSet = ruleSetSchema.parse({
  id: 'suitability',
  version: 1,
  title: { nb: 'Egnethet for barnefamilier, versjon 1', en: 'Suitability for families with children, version 1' },
  thresholds: {
    busStopMaxM: 500,
    playMaxM3plus: 200,
    playMaxM0to3: 50,
    kindergartenMaxM: 1500,
    radonLimitBqm3: 200,
    radonActionBqm3: 100,
    schoolTransportGrade1M: 2000,
    schoolTransportGrades2to10M: 4000,
    minApprovedBedrooms: 2,
    minLeaseYears: 3,
    ceilingMinM: 2.4,
    escapeWindowMinWidthM: 0.5,
    escapeWindowMinHeightM: 0.6,
    escapeWindowMinSumM: 1.5,
    escapeWindowMaxSillM: 1.0,
    escapeWindowMaxDropM: 5,
    riskYellowFrom: 5,
    riskRedFrom: 10,
  },
  rules: [
    { id: 'gate.inspectionComplete', level: 'gate', subject: { nb: 'Boligbefaring', en: 'Dwelling inspection' }, check: { kind: 'complete', template: A } },
    { id: 'gate.neighbourhoodComplete', level: 'gate', subject: { nb: 'Nærmiljø', en: 'Neighbourhood' }, check: { kind: 'complete', template: B } },
    { id: 'gate.riskComplete', level: 'gate', subject: { nb: 'Risikovurdering', en: 'Risk assessment' }, check: { kind: 'complete', template: C } },
    {
      id: 'gate.smokeDetectors',
      level: 'gate',
      subject: { nb: 'Røykvarslere', en: 'Smoke detectors' },
      check: { kind: 'yes', template: A, items: ['fire.smokeDetectorsPerFloor', 'fire.smokeDetectorsAudible', 'fire.smokeDetectorsTested'] },
    },
    {
      id: 'gate.extinguisher',
      level: 'gate',
      subject: { nb: 'Slokkeutstyr', en: 'Extinguishing equipment' },
      check: { kind: 'choiceIn', template: A, item: 'fire.extinguisherType', values: ['hose', 'powder6kg', 'foam9l', 'foam6l21a'] },
    },
    {
      id: 'gate.extinguisherReach',
      level: 'gate',
      subject: { nb: 'Slokkeutstyr i alle rom', en: 'Extinguishing equipment in every room' },
      check: { kind: 'yes', template: A, items: ['fire.extinguisherReachesAllRooms'] },
    },
    {
      id: 'gate.exit',
      level: 'gate',
      subject: { nb: 'Utgang til det fri', en: 'Exit to open air' },
      check: { kind: 'yes', template: A, items: ['escape.exitToOpenAir'] },
    },
    { id: 'gate.escapeWindows', level: 'gate', subject: { nb: 'Rømningsvinduer', en: 'Escape windows' }, check: { kind: 'escapeWindows', template: A } },
    { id: 'gate.radon', level: 'gate', subject: { nb: 'Radon', en: 'Radon' }, check: { kind: 'radon', template: A } },
    {
      id: 'gate.condition',
      level: 'gate',
      subject: { nb: 'Tilstand', en: 'Condition' },
      check: {
        kind: 'noGrade',
        template: A,
        items: ['condition.electrical', 'condition.wetRooms', 'condition.dampMould', 'condition.stairsRailings'],
        grades: ['TG3'],
      },
    },
    { id: 'gate.redRisk', level: 'gate', subject: { nb: 'Risiko', en: 'Risk' }, check: { kind: 'redRisk', template: C } },
    {
      id: '3plus.bedrooms',
      level: '3plus',
      subject: { nb: 'Godkjente soverom', en: 'Approved bedrooms' },
      check: { kind: 'approvedBedrooms', threshold: 'minApprovedBedrooms' },
    },
    {
      id: '3plus.bedroomStandard',
      level: '3plus',
      subject: { nb: 'Soverommenes standard', en: 'Bedroom standard' },
      check: { kind: 'bedroomStandard', template: A },
    },
    {
      id: '3plus.play',
      level: '3plus',
      subject: { nb: 'Lekeplass, ballplass eller park', en: 'Playground, ball field or park' },
      check: {
        kind: 'play',
        template: B,
        items: ['distances.playAreaM', 'distances.ballFieldOrParkM'],
        threshold: 'playMaxM3plus',
        onPlot: { template: A, item: 'outdoor.playgroundOnPlot' },
      },
    },
    { id: '3plus.school', level: '3plus', subject: { nb: 'Skolevei', en: 'School route' }, check: { kind: 'schoolRoute', template: B } },
    {
      id: '3plus.busStop',
      level: '3plus',
      subject: { nb: 'Bussholdeplass', en: 'Bus stop' },
      check: { kind: 'maxDistance', template: B, item: 'distances.busStopM', threshold: 'busStopMaxM' },
    },
    { id: '3plus.lease', level: '3plus', subject: { nb: 'Leiekontrakt', en: 'Lease' }, check: { kind: 'lease', threshold: 'minLeaseYears' } },
    {
      id: '0to3.railings',
      level: '0to3',
      subject: { nb: 'Rekkverk', en: 'Railings' },
      check: { kind: 'yes', template: A, items: ['childSafety.nonClimbableRailings'] },
    },
    {
      id: '0to3.windowLocks',
      level: '0to3',
      subject: { nb: 'Vinduslås', en: 'Window locks' },
      check: { kind: 'choiceIn', template: A, item: 'childSafety.windowLocks', values: ['yes', 'notApplicable'] },
    },
    {
      id: '0to3.pram',
      level: '0to3',
      subject: { nb: 'Barnevogn', en: 'Pram' },
      check: { kind: 'choiceIn', template: A, item: 'childSafety.pramAccess', values: ['stepFree', 'lift'] },
    },
    {
      id: '0to3.playArea',
      level: '0to3',
      subject: { nb: 'Nærlekeplass', en: 'Play area' },
      check: {
        kind: 'play',
        template: B,
        items: ['distances.playAreaM'],
        threshold: 'playMaxM0to3',
        onPlot: { template: A, item: 'outdoor.playgroundOnPlot' },
      },
    },
    {
      id: '0to3.playRoute',
      level: '0to3',
      subject: { nb: 'Vei til lekeplassen', en: 'Way to the play area' },
      check: { kind: 'no', template: B, items: ['routes.mainRoadToPlay'] },
    },
    {
      id: '0to3.door',
      level: '0to3',
      subject: { nb: 'Ved døra', en: 'At the door' },
      check: { kind: 'no', template: B, items: ['traffic.mainRoadAtDoor', 'traffic.unfencedWater'] },
    },
    { id: '0to3.cot', level: '0to3', subject: { nb: 'Barneseng', en: 'Cot' }, check: { kind: 'yes', template: A, items: ['childSafety.cotSpace'] } },
    {
      id: '0to3.kindergarten',
      level: '0to3',
      subject: { nb: 'Barnehage', en: 'Kindergarten' },
      check: { kind: 'maxDistance', template: B, item: 'distances.kindergartenM', threshold: 'kindergartenMaxM' },
    },
  ],
});

/**
 * Rule set 2: every bedroom in the room list of a version 2 dwelling inspection has a floor area of at least 7 m², the
 * ceiling height, a window that opens and a valid escape window; the bedrooms passing it are the ones matching counts.
 * A dwelling whose latest inspection was filled in version 1 (no room list) keeps the verdict version 1 gave it.
 */
export const ruleSetV2: RuleSet = ruleSetSchema.parse({
  ...ruleSetV1,
  version: 2,
  title: { nb: 'Egnethet for barnefamilier, versjon 2', en: 'Suitability for families with children, version 2' },
  thresholds: { ...ruleSetV1.thresholds, bedroomMinAreaM2: 7 },
  standardBedroomsRule: '3plus.bedroomRooms',
  rules: [
    ...ruleSetV1.rules,
    {
      id: '3plus.bedroomRooms',
      level: '3plus',
      subject: { nb: 'Soverommene', en: 'The bedrooms' },
      check: {
        kind: 'eachEntry',
        template: A,
        repeat: 'rooms.list',
        where: { item: 'type', op: 'eq', value: 'bedroom' },
        entryName: { nb: 'Soverom', en: 'Bedroom' },
        tests: [
          { item: 'areaM2', op: 'gte', threshold: 'bedroomMinAreaM2', unit: 'm2' },
          { item: 'ceilingHeightM', op: 'gte', threshold: 'ceilingMinM', unit: 'm' },
          { item: 'openableWindow', op: 'eq', value: true, otherwise: { nb: 'mangler vindu eller dør som kan åpnes', en: 'has no window or door that opens' } },
          { escapeWindow: true },
        ],
      },
    },
  ],
});

/** The rule set in force when none is given: rule set 2, in force with version 2 of the dwelling inspection. */
export const defaultRuleSet: RuleSet = ruleSetV2;

/** Every rule set this version of Egnet knows, oldest first: the settings choose the one in force among them. */
export const RULE_SETS: readonly RuleSet[] = [ruleSetV1, ruleSetV2];

/** The rule set the settings name, or the default when they name none this version knows. */
export function ruleSetInForce(chosen: { id: string; version: number } | null | undefined): RuleSet {
  return RULE_SETS.find((r) => r.id === chosen?.id && r.version === chosen.version) ?? defaultRuleSet;
}

/**
 * The rule set that judges every dwelling under these settings: the one they choose. Without settings (an installation
 * not set up yet, or settings not yet synced to this device), or naming a version this version of Egnet does not know
 * (settings written by a newer one), it is the default, the newest and strictest set: rule set 2 holds every rule of
 * rule set 1 and adds the room-by-room bedroom rule, so falling back never calls a dwelling more suitable than it is.
 */
export function ruleSetFor(settings: { ruleSet: { id: string; version: number } } | null | undefined): RuleSet {
  return ruleSetInForce(settings?.ruleSet);
}
