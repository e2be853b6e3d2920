/** The place names of Melhus used to group dwellings (real names; every address in the demo data is fictional). */
import { enumField } from './fields';

/** Areas of Melhus municipality, as the housing office groups its stock. */
export const MELHUS_AREAS = [
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
/** One of the Melhus areas. */
export type MelhusArea = (typeof MELHUS_AREAS)[number];

/** Schema of an area name. */
export const areaSchema = enumField(MELHUS_AREAS);
