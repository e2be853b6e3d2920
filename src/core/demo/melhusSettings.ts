/**
 * The demo installation's settings: Melhus municipality (real place names; every address in the demo data is
 * fictional). One settings file among possibly others; nothing outside the demo data refers to these names.
 * The areas' ids are the values dwellings and households held before areas became settings, so no record changes.
 */
import { DEFAULT_INSPECTION_INTERVALS, type Settings } from '../schemas/settings';
import { defaultRuleSet } from '../rules/defaultRuleSet';

/** Melhus's areas, as its housing office groups the stock. */
export const MELHUS_AREA_NAMES = [
  'Melhus sentrum',
  'Gimse',
  'Hovin',
  'Lundamo',
  'Korsvegen',
  'Ler',
  'Flå',
  'Brekkåsen',
  'Kvål',
  'Hølonda',
] as const;
/** One of the demo areas (its id and its name are the same text). */
export type MelhusArea = (typeof MELHUS_AREA_NAMES)[number];

/** The demo settings record's data. */
export const MELHUS_SETTINGS: Settings = {
  municipality: { name: 'Melhus', number: '5028' },
  areas: MELHUS_AREA_NAMES.map((name) => ({ id: name, name })),
  units: [
    { id: 'nav', name: 'NAV', nameEn: 'NAV (labour and welfare)' },
    { id: 'buildingsAndProperty', name: 'Bygg og eiendom', nameEn: 'Buildings and property' },
    { id: 'refugeeUnit', name: 'Flyktningeenheten', nameEn: 'Refugee unit' },
    { id: 'husbanken', name: 'Husbankens virkemidler', nameEn: 'Husbanken (housing bank) schemes' },
    { id: 'substanceAndMentalHealth', name: 'Rus og psykisk helse', nameEn: 'Substance use and mental health' },
    { id: 'childWelfare', name: 'Barnevernet', nameEn: 'Child welfare' },
    { id: 'healthStation', name: 'Helsestasjon', nameEn: 'Child health centre' },
  ],
  actionUnit: 'buildingsAndProperty',
  ruleSet: { id: defaultRuleSet.id, version: defaultRuleSet.version },
  inspectionIntervals: DEFAULT_INSPECTION_INTERVALS,
};
