/**
 * Importing points of interest (schools, kindergartens, play areas, bus stops …) from a table with a name, a kind and
 * a position: open data such as the national stop register or an OpenStreetMap extract, saved as CSV. The kind may
 * come from a column (Norwegian or English words, OpenStreetMap tags) or be one for the whole file.
 */
import { POI_KIND_LABELS, POI_KINDS, poiSchema, type Poi, type PoiKind } from '../schemas/poi';
import type { LocalText } from '../text';
import type { Table } from './readTable';
import { headingKey, parseDecimal, toLocation, type FieldSource, type RowError } from './registryImport';

/** The facts a place row gives. */
export const PLACE_FIELDS = ['name', 'kind', 'north', 'east', 'epsg'] as const;
export type PlaceField = (typeof PLACE_FIELDS)[number];
/** A place file's mapping. */
export type PlaceMapping = Partial<Record<PlaceField, FieldSource>>;

export const PLACE_FIELD_LABELS: Record<PlaceField, LocalText> = {
  name: { nb: 'Navn', en: 'Name' },
  kind: { nb: 'Type sted', en: 'Kind of place' },
  north: { nb: 'Nord (eller breddegrad)', en: 'North (or latitude)' },
  east: { nb: 'Øst (eller lengdegrad)', en: 'East (or longitude)' },
  epsg: { nb: 'Koordinatsystem (EPSG-kode)', en: 'Coordinate system (EPSG code)' },
};

const HEADINGS: Record<PlaceField, readonly string[]> = {
  name: ['navn', 'name', 'stoppnavn', 'stopname', 'holdeplass'],
  kind: ['type', 'kind', 'kategori', 'art', 'amenity', 'leisure', 'highway'],
  north: ['nord', 'north', 'breddegrad', 'lat', 'latitude', 'stoplat', 'y'],
  east: ['øst', 'ost', 'east', 'lengdegrad', 'lon', 'lng', 'longitude', 'stoplon', 'x'],
  epsg: ['epsgkode', 'epsg', 'koordinatsystem'],
};

/** Words a kind is recognised by besides its key and labels, OpenStreetMap's tags among them. */
const KIND_WORDS: Record<string, PoiKind> = {
  lekeplass: 'playArea',
  nærlekeplass: 'playArea',
  playground: 'playArea',
  ballplass: 'ballFieldOrPark',
  ballbinge: 'ballFieldOrPark',
  park: 'ballFieldOrPark',
  pitch: 'ballFieldOrPark',
  friluftsområde: 'outdoorRecreation',
  naturereserve: 'outdoorRecreation',
  nature_reserve: 'outdoorRecreation',
  barnehage: 'kindergarten',
  barneskole: 'primarySchool',
  grunnskole: 'primarySchool',
  school: 'primarySchool',
  ungdomsskole: 'lowerSecondarySchool',
  bussholdeplass: 'busStop',
  holdeplass: 'busStop',
  busstop: 'busStop',
  platform: 'busStop',
  butikk: 'shop',
  dagligvare: 'shop',
  dagligvarebutikk: 'shop',
  supermarket: 'shop',
  convenience: 'shop',
  helsestasjon: 'healthCentre',
  legesenter: 'healthCentre',
  legekontor: 'healthCentre',
  doctors: 'healthCentre',
  clinic: 'healthCentre',
};

/** The kind a word names, or null. */
export function parseKind(raw: string): PoiKind | null {
  const k = headingKey(raw);
  for (const kind of POI_KINDS) if (k === headingKey(kind) || k === headingKey(POI_KIND_LABELS[kind].nb) || k === headingKey(POI_KIND_LABELS[kind].en)) return kind;
  return KIND_WORDS[k] ?? KIND_WORDS[headingKey(raw.replace(/_/g, ''))] ?? null;
}

/** The mapping the headings suggest. */
export function guessPlaceMapping(header: readonly string[]): PlaceMapping {
  const keys = header.map(headingKey);
  const mapping: PlaceMapping = {};
  for (const field of PLACE_FIELDS) {
    const at = HEADINGS[field].map((h) => keys.indexOf(h)).find((i) => i >= 0);
    if (at !== undefined) mapping[field] = { column: header[at]! };
  }
  return mapping;
}

/** A place row checked: a place, or its errors. */
export type PlaceRow = { line: number; status: 'ok'; place: Poi } | { line: number; status: 'error'; errors: RowError[] } | { line: number; status: 'duplicate'; place: Poi };

/** The dedup key of a place: kind, name and position to about a metre. */
export function placeKey(p: Pick<Poi, 'kind' | 'name' | 'lat' | 'lon'>): string {
  return `${p.kind}|${headingKey(p.name)}|${p.lat.toFixed(5)}|${p.lon.toFixed(5)}`;
}

/** Checks every row; a place already held (same kind, name and position) or repeated in the file is a duplicate. */
export function previewPlaces(table: Table, mapping: PlaceMapping, existing: readonly Poi[]): PlaceRow[] {
  const col = (f: PlaceField) => {
    const s = mapping[f];
    return s && 'column' in s ? table.header.indexOf(s.column) : -1;
  };
  const cell = (cells: string[], f: PlaceField): string => {
    const s = mapping[f];
    if (!s) return '';
    return 'value' in s ? s.value.trim() : (cells[col(f)] ?? '');
  };
  const colName = (f: PlaceField) => {
    const s = mapping[f];
    return s && 'column' in s ? s.column : null;
  };
  const seen = new Set(existing.map(placeKey));
  return table.rows.map((cells, i) => {
    const line = table.lines[i] ?? i + 2;
    const errors: RowError[] = [];
    const name = cell(cells, 'name');
    if (!name) errors.push({ column: colName('name'), field: null, problem: { nb: 'Navnet mangler.', en: 'The name is missing.' }, fix: { nb: 'Skriv stedets navn.', en: "Write the place's name." } });
    const kindText = cell(cells, 'kind');
    const kind = parseKind(kindText);
    if (!kind) {
      const list = (l: 'nb' | 'en') => POI_KINDS.map((k) => POI_KIND_LABELS[k][l]).join(', ');
      errors.push({
        column: colName('kind'),
        field: null,
        problem: { nb: `«${kindText}» er ikke en kjent type sted.`, en: `"${kindText}" is not a known kind of place.` },
        fix: { nb: `Skriv en av: ${list('nb')}.`, en: `Write one of: ${list('en')}.` },
      });
    }
    const north = parseDecimal(cell(cells, 'north'));
    const east = parseDecimal(cell(cells, 'east'));
    const epsgText = cell(cells, 'epsg');
    const epsg = epsgText ? parseDecimal(epsgText) : null;
    let at: { lat: number; lon: number } | null = null;
    if (north === null || east === null) {
      errors.push({ column: colName(north === null ? 'north' : 'east'), field: north === null ? 'north' : 'east', problem: { nb: 'Koordinaten mangler eller er ikke et tall.', en: 'The coordinate is missing or not a number.' }, fix: { nb: 'Skriv et tall, for eksempel 63.2905 eller 7026666,5.', en: 'Write a number, for example 63.2905 or 7026666.5.' } });
    } else {
      const loc = toLocation(north, east, epsg);
      if ('problem' in loc) errors.push({ column: colName('north'), field: 'north', ...loc });
      else at = loc.value as { lat: number; lon: number };
    }
    if (errors.length > 0 || !kind || !at) return { line, status: 'error', errors };
    const checked = poiSchema.safeParse({ name, kind, lat: at.lat, lon: at.lon });
    if (!checked.success) return { line, status: 'error', errors: [{ column: colName('name'), field: null, problem: { nb: 'Raden er ugyldig.', en: 'The row is invalid.' }, fix: { nb: 'Sjekk navnet (høyst 200 tegn).', en: 'Check the name (at most 200 characters).' } }] };
    const key = placeKey(checked.data);
    if (seen.has(key)) return { line, status: 'duplicate', place: checked.data };
    seen.add(key);
    return { line, status: 'ok', place: checked.data };
  });
}
