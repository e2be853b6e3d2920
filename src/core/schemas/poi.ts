/** A point of interest near dwellings (a school, a kindergarten, a play area, a bus stop …): name, kind and position. */
import { z } from 'zod';
import type { LocalText } from '../text';
import { enumField, numberField, textField, uuidField } from './fields';

/** Kinds of place, one per walking distance the neighbourhood checklist asks for (item `distances.<kind>M`). */
export const POI_KINDS = [
  'playArea',
  'ballFieldOrPark',
  'outdoorRecreation',
  'kindergarten',
  'primarySchool',
  'lowerSecondarySchool',
  'busStop',
  'shop',
  'healthCentre',
] as const;
/** A kind of place. */
export type PoiKind = (typeof POI_KINDS)[number];

/** Kinds as people read them, in the singular ("Nærmeste bussholdeplass"). */
export const POI_KIND_LABELS: Record<PoiKind, LocalText> = {
  playArea: { nb: 'lekeplass', en: 'play area' },
  ballFieldOrPark: { nb: 'ballplass eller park', en: 'ball field or park' },
  outdoorRecreation: { nb: 'friluftsområde', en: 'outdoor recreation area' },
  kindergarten: { nb: 'barnehage', en: 'kindergarten' },
  primarySchool: { nb: 'barneskole', en: 'primary school' },
  lowerSecondarySchool: { nb: 'ungdomsskole', en: 'lower secondary school' },
  busStop: { nb: 'bussholdeplass', en: 'bus stop' },
  shop: { nb: 'dagligvarebutikk', en: 'grocery shop' },
  healthCentre: { nb: 'helsestasjon eller legesenter', en: 'child health centre or GP' },
};

/** The neighbourhood checklist item a kind's distance answers. */
export function distanceItemId(kind: PoiKind): string {
  return `distances.${kind}M`;
}

/** The `data` of a point-of-interest record. */
export const poiSchema = z.strictObject({
  name: textField(200, true),
  kind: enumField(POI_KINDS),
  /** WGS 84 degrees, within mainland Norway's bounding box. */
  lat: numberField(57, 72, '°'),
  lon: numberField(4, 32, '°'),
  /** The import that created the place, so that import can be undone as a whole. */
  importId: uuidField().nullish(),
});
/** A point of interest's data. */
export type Poi = z.infer<typeof poiSchema>;
