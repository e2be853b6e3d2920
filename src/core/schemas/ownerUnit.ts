/** The municipal units that share the work with families: owners of tasks and parties to a consent. */
import type { LocalText } from '../text';
import { enumField } from './fields';

/** Units that own tasks and may be named in a consent (the reference report's cross-disciplinary team and partners). */
export const OWNER_UNITS = [
  'nav',
  'buildingsAndProperty',
  'refugeeUnit',
  'husbanken',
  'substanceAndMentalHealth',
  'childWelfare',
  'healthStation',
] as const;
/** One municipal unit. */
export type OwnerUnit = (typeof OWNER_UNITS)[number];

/** Each unit's name as municipal staff say it. */
export const OWNER_UNIT_LABELS: Record<OwnerUnit, LocalText> = {
  nav: { nb: 'NAV', en: 'NAV (labour and welfare)' },
  buildingsAndProperty: { nb: 'Bygg og eiendom', en: 'Buildings and property' },
  refugeeUnit: { nb: 'Flyktningeenheten', en: 'Refugee unit' },
  husbanken: { nb: 'Husbankens virkemidler', en: 'Husbanken (housing bank) schemes' },
  substanceAndMentalHealth: { nb: 'Rus og psykisk helse', en: 'Substance use and mental health' },
  childWelfare: { nb: 'Barnevernet', en: 'Child welfare' },
  healthStation: { nb: 'Helsestasjon', en: 'Child health centre' },
};

/** Schema of a unit id. */
export const ownerUnitSchema = enumField(OWNER_UNITS);
