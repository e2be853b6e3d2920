/**
 * Importing the dwelling registry from a table: which column holds which fact (recognised from the headings of
 * Egnet's own registry export and of Kartverket's "Matrikkelen – Adresse Leilighetsnivå" export, or chosen by hand),
 * every row checked cell by cell with a message that names the column, what is wrong and what to write, and rows
 * already in the registry (same address and dwelling unit number) or earlier in the file set aside.
 */
import { utmToLatLon, UTM_ZONES } from '../geo/utm';
import { DWELLING_TYPE_LABELS, DWELLING_TYPES, dwellingSchema, OWNERSHIP_LABELS, OWNERSHIPS, UNIT_NUMBER_PATTERN, type Dwelling } from '../schemas/dwelling';
import { LEASE_TYPE_LABELS, LEASE_TYPES } from '../schemas/lease';
import { splitBilingual } from '../schemas/bilingual';
import type { LocalText } from '../text';
import type { Table } from './readTable';

/** The facts a row can give, in the order the mapping screen lists them. */
export const IMPORT_FIELDS = [
  'address',
  'unitNumber',
  'postcode',
  'area',
  'gnr',
  'bnr',
  'snr',
  'north',
  'east',
  'epsg',
  'type',
  'floor',
  'hasLift',
  'areaM2',
  'rooms',
  'approvedBedrooms',
  'leaseType',
  'leaseYears',
  'vacant',
  'vacantFrom',
  'ownership',
  'wheelchairAccessible',
  'notes',
] as const;
/** One fact a row can give. */
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Where a fact comes from: a column of the file, one value for every row, or nowhere. */
export type FieldSource = { column: string } | { value: string };
/** The mapping of a file: a source per fact; a fact left out is not imported. */
export type Mapping = Partial<Record<ImportField, FieldSource>>;

/** An area a row may name: the value stored on the dwelling, its name, and optionally a short code. */
export type ImportArea = { value: string; name: string; code?: string };

/** One thing wrong with one row: the column (or "value for every row"), the fact, what is wrong, what to write. */
export type RowError = { column: string | null; field: ImportField | null; problem: LocalText; fix: LocalText };

/** A row as the preview shows it. */
export type PreviewRow =
  | { line: number; status: 'ok'; dwelling: Dwelling }
  | { line: number; status: 'error'; errors: RowError[] }
  | { line: number; status: 'duplicate'; dwelling: Dwelling; of: LocalText };

/** A dwelling already in the registry, as de-duplication compares it. */
export type ExistingDwelling = { address: string; unitNumber?: string | null | undefined };

/** A cell read: its value, or what is wrong and what to write. */
export type Parsed = { value: unknown } | { problem: LocalText; fix: LocalText };

const nb = (n: string, e: string): LocalText => ({ nb: n, en: e });

/** Field names as people read them on the mapping screen and in errors. */
export const IMPORT_FIELD_LABELS: Record<ImportField, LocalText> = {
  address: nb('Adresse', 'Address'),
  unitNumber: nb('Bruksenhetsnummer', 'Dwelling unit number'),
  postcode: nb('Postnummer', 'Postcode'),
  area: nb('Område', 'Area'),
  gnr: nb('Gårdsnummer (gnr)', 'Farm number (gnr)'),
  bnr: nb('Bruksnummer (bnr)', 'Holding number (bnr)'),
  snr: nb('Seksjonsnummer (snr)', 'Section number (snr)'),
  north: nb('Nord (eller breddegrad)', 'North (or latitude)'),
  east: nb('Øst (eller lengdegrad)', 'East (or longitude)'),
  epsg: nb('Koordinatsystem (EPSG-kode)', 'Coordinate system (EPSG code)'),
  type: nb('Boligtype', 'Dwelling type'),
  floor: nb('Etasje', 'Floor'),
  hasLift: nb('Heis', 'Lift'),
  areaM2: nb('BRA (m²)', 'Floor area (m²)'),
  rooms: nb('Rom', 'Rooms'),
  approvedBedrooms: nb('Godkjente soverom', 'Approved bedrooms'),
  leaseType: nb('Leieforhold', 'Lease'),
  leaseYears: nb('Leietid (år)', 'Lease (years)'),
  vacant: nb('Ledig', 'Vacant'),
  vacantFrom: nb('Ledig fra', 'Vacant from'),
  ownership: nb('Eierforhold', 'Ownership'),
  wheelchairAccessible: nb('Tilgjengelig for rullestolbrukere', 'Accessible for wheelchair users'),
  notes: nb('Merknad', 'Notes'),
};

/** Facts every dwelling must have: from a column or one value for every row. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'address',
  'postcode',
  'area',
  'gnr',
  'bnr',
  'type',
  'floor',
  'hasLift',
  'areaM2',
  'rooms',
  'approvedBedrooms',
  'leaseType',
  'vacant',
];

/** Headings a column is recognised by, compared after `headingKey` (lower case, letters and digits only). */
const HEADINGS: Record<ImportField, readonly string[]> = {
  // Kartverket: adresseTekst; Egnet's export: Adresse / Address.
  address: ['adressetekst', 'adresse', 'address', 'gateadresse', 'adressetekstutenadressetilleggsnavn'],
  unitNumber: ['bruksenhetsnummer', 'bruksenhet', 'bruksenhetnummer', 'leilighetsnummer', 'hnummer', 'unitnumber'],
  postcode: ['postnummer', 'postnr', 'postcode'],
  area: ['område', 'omrade', 'area', 'boligområde', 'sone'],
  gnr: ['gardsnummer', 'gårdsnummer', 'gnr', 'farmnognr'],
  bnr: ['bruksnummer', 'bnr', 'holdingnobnr'],
  snr: ['seksjonsnummer', 'snr', 'sectionnosnr'],
  north: ['nord', 'north', 'breddegrad', 'lat', 'latitude', 'y'],
  east: ['øst', 'ost', 'east', 'lengdegrad', 'lon', 'lng', 'longitude', 'x'],
  epsg: ['epsgkode', 'epsg', 'koordinatsystem'],
  type: ['boligtype', 'dwellingtype', 'type'],
  floor: ['etasje', 'floor', 'etasjenummer'],
  hasLift: ['heis', 'lift'],
  areaM2: ['bram2', 'bra', 'bruksareal', 'areal', 'flooraream2', 'aream2'],
  rooms: ['rom', 'rooms', 'antallrom'],
  approvedBedrooms: ['godkjentesoverom', 'soverom', 'approvedbedrooms', 'antallsoverom'],
  leaseType: ['leieforhold', 'lease', 'kontrakt', 'kontraktstype'],
  leaseYears: ['leietidår', 'leietid', 'leaseyears', 'kontraktslengde'],
  vacant: ['ledig', 'vacant'],
  vacantFrom: ['ledigfra', 'vacantfrom'],
  ownership: ['eierforhold', 'eieform', 'eierform', 'disposisjonsform', 'ownership', 'eidinnleid'],
  wheelchairAccessible: [
    'tilgjengeligforrullestolbrukere',
    'tilpassetrullestolbrukere',
    'rullestoltilgjengelig',
    'rullestol',
    'rullestoltilpasset',
    'wheelchairaccessible',
    'accessibleforwheelchairusers',
    'adaptedforwheelchairusers',
  ],
  notes: ['merknad', 'merknader', 'notes', 'kommentar'],
};

/** A heading reduced for comparison: lower case, æøå kept, every other sign dropped ("EPSG-kode" → "epsgkode"). */
export function headingKey(heading: string): string {
  return heading.normalize('NFKC').toLowerCase().replace(/[^a-z0-9æøå]/g, '');
}

/** The mapping the headings suggest: each fact to the first column whose heading is one of its known names. */
export function guessMapping(header: readonly string[]): Mapping {
  const keys = header.map(headingKey);
  const mapping: Mapping = {};
  const taken = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const name of HEADINGS[field]) {
      const at = keys.findIndex((k, i) => k === name && !taken.has(i));
      if (at >= 0) {
        mapping[field] = { column: header[at]! };
        taken.add(at);
        break;
      }
    }
  }
  return mapping;
}

/** What is missing from a mapping before rows can be checked: required facts with no source, a column not in the file. */
export function mappingProblems(mapping: Mapping, header: readonly string[]): RowError[] {
  const problems: RowError[] = [];
  for (const field of REQUIRED_FIELDS) {
    const source = mapping[field];
    if (!source || ('value' in source && source.value.trim() === '')) {
      problems.push({
        column: null,
        field,
        problem: nb(`«${IMPORT_FIELD_LABELS[field].nb}» har ingen kolonne.`, `"${IMPORT_FIELD_LABELS[field].en}" has no column.`),
        fix: nb('Velg kolonnen som har det, eller skriv én verdi for alle rader.', 'Choose the column that holds it, or write one value for every row.'),
      });
    }
  }
  for (const field of IMPORT_FIELDS) {
    const source = mapping[field];
    if (source && 'column' in source && !header.includes(source.column)) {
      problems.push({
        column: source.column,
        field,
        problem: nb(`Filen har ingen kolonne «${source.column}».`, `The file has no column "${source.column}".`),
        fix: nb('Velg en av filens kolonner.', "Choose one of the file's columns."),
      });
    }
  }
  const hasNorth = mapping.north !== undefined;
  if (hasNorth !== (mapping.east !== undefined)) {
    problems.push({
      column: null,
      field: hasNorth ? 'east' : 'north',
      problem: nb('Koordinater trenger både nord og øst.', 'Coordinates need both north and east.'),
      fix: nb('Velg begge kolonnene, eller ingen.', 'Choose both columns, or neither.'),
    });
  }
  return problems;
}

// ---- cell parsers: each returns the value, or what is wrong and what to write ----

const EMPTY = { value: null };

function text(raw: string, max: number): Parsed {
  if (raw.length > max) return { problem: nb(`Teksten er lengre enn ${max} tegn.`, `The text is longer than ${max} characters.`), fix: nb('Forkort teksten.', 'Shorten the text.') };
  return { value: raw };
}

/** A number as Norwegian and English files write it: "64,5", "64.5", "1 200", "7 012 345,67". */
export function parseDecimal(raw: string): number | null {
  const t = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

function integer(raw: string, min: number, max: number, example: number): Parsed {
  const n = parseDecimal(raw);
  if (n === null || !Number.isInteger(n) || n < min || n > max) {
    return {
      problem: nb(`«${raw}» er ikke et heltall fra ${min} til ${max}.`, `"${raw}" is not a whole number from ${min} to ${max}.`),
      fix: nb(`Skriv et heltall, for eksempel ${example}.`, `Write a whole number, for example ${example}.`),
    };
  }
  return { value: n };
}

function decimal(raw: string, min: number, max: number, example: string): Parsed {
  const n = parseDecimal(raw);
  if (n === null || n < min || n > max) {
    return {
      problem: nb(`«${raw}» er ikke et tall fra ${min} til ${max}.`, `"${raw}" is not a number from ${min} to ${max}.`),
      fix: nb(`Skriv et tall, for eksempel ${example}.`, `Write a number, for example ${example.replace(',', '.')}.`),
    };
  }
  return { value: n };
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sann', '1', 'x']);
const NO = new Set(['nei', 'n', 'no', 'false', 'usann', '0']);

function yesNo(raw: string): Parsed {
  const k = raw.toLowerCase();
  if (YES.has(k)) return { value: true };
  if (NO.has(k)) return { value: false };
  return { problem: nb(`«${raw}» er verken ja eller nei.`, `"${raw}" is neither yes nor no.`), fix: nb('Skriv Ja eller Nei.', 'Write Yes or No.') };
}

/** One of a list of values, by its key, its label in either language, or a synonym. */
function oneOf<T extends string>(raw: string, values: readonly T[], labels: Record<T, LocalText>, synonyms: Record<string, T>): Parsed {
  const k = headingKey(raw);
  for (const v of values) {
    if (k === headingKey(v) || k === headingKey(labels[v].nb) || k === headingKey(labels[v].en)) return { value: v };
  }
  const s = synonyms[k];
  if (s) return { value: s };
  const list = (lang: 'nb' | 'en') => values.map((v) => labels[v][lang]).join(', ');
  return { problem: nb(`«${raw}» er ikke en kjent verdi.`, `"${raw}" is not a known value.`), fix: nb(`Skriv en av: ${list('nb')}.`, `Write one of: ${list('en')}.`) };
}

const TYPE_SYNONYMS: Record<string, (typeof DWELLING_TYPES)[number]> = {
  leilighet: 'apartment',
  blokkleilighet: 'apartment',
  blokk: 'apartment',
  flat: 'apartment',
  enebolig: 'detached',
  tomannsbolig: 'semiDetached',
  rekkehus: 'terraced',
  sokkel: 'basementFlat',
  sokkelleilighet: 'basementFlat',
  kjellerleilighet: 'basementFlat',
};
const LEASE_SYNONYMS: Record<string, (typeof LEASE_TYPES)[number]> = {
  løpende: 'openEnded',
  tidsubestemt: 'openEnded',
  tidsbestemt: 'fixed',
  fast: 'fixed',
};
const OWNERSHIP_SYNONYMS: Record<string, (typeof OWNERSHIPS)[number]> = {
  eid: 'owned',
  eget: 'owned',
  kommunal: 'owned',
  innleid: 'rentedIn',
  leid: 'rentedIn',
  // "Privat" alone could be rented in or privately owned with the right to allocate: the file must say which.
  privateid: 'privateAllocationRight',
  tildelingsrett: 'privateAllocationRight',
  disposisjonsrett: 'privateAllocationRight',
  kommunaldisposisjonsrett: 'privateAllocationRight',
  privateidmedkommunaldisposisjonsrett: 'privateAllocationRight',
  privateideboligermedkommunaldisposisjonsrett: 'privateAllocationRight',
};

function date(raw: string): Parsed {
  let iso: string | null = null;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) iso = raw;
  if (iso) {
    const d = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso) return { value: iso };
  }
  return { problem: nb(`«${raw}» er ikke en dato.`, `"${raw}" is not a date.`), fix: nb('Skriv datoen som 15.03.2026 eller 2026-03-15.', 'Write the date as 15.03.2026 or 2026-03-15.') };
}

function parseCell(field: ImportField, raw: string, areas: readonly ImportArea[]): Parsed {
  if (raw === '') return EMPTY;
  switch (field) {
    case 'address':
      return text(raw, 200);
    case 'notes':
      return text(raw, 5000);
    case 'unitNumber': {
      const u = raw.toUpperCase().replace(/\s/g, '');
      return UNIT_NUMBER_PATTERN.test(u)
        ? { value: u }
        : { problem: nb(`«${raw}» er ikke et bruksenhetsnummer.`, `"${raw}" is not a dwelling unit number.`), fix: nb('Skriv H, K, U eller L og fire sifre, for eksempel H0102.', 'Write H, K, U or L and four digits, for example H0102.') };
    }
    case 'postcode':
      // A spreadsheet drops the leading zero of 0150; three digits are read back as the four they were.
      if (/^\d{3,4}$/.test(raw)) return { value: raw.padStart(4, '0') };
      return { problem: nb(`«${raw}» er ikke et postnummer.`, `"${raw}" is not a postcode.`), fix: nb('Skriv fire sifre, for eksempel 7224.', 'Write four digits, for example 7224.') };
    case 'area': {
      const k = headingKey(raw);
      const found = areas.find((a) => headingKey(a.name) === k || (a.code !== undefined && headingKey(a.code) === k) || headingKey(a.value) === k);
      if (found) return { value: found.value };
      const list = areas.map((a) => a.name).join(', ');
      return { problem: nb(`«${raw}» er ikke et av kommunens områder.`, `"${raw}" is not one of the municipality's areas.`), fix: nb(`Skriv et av områdene: ${list}.`, `Write one of the areas: ${list}.`) };
    }
    case 'gnr':
    case 'bnr':
      return integer(raw, 1, 9999, field === 'gnr' ? 37 : 112);
    case 'snr':
      return integer(raw, 1, 999, 2);
    case 'floor':
      return integer(raw, -2, 40, 2);
    case 'rooms':
      return integer(raw, 1, 20, 4);
    case 'approvedBedrooms':
      return integer(raw, 0, 10, 3);
    case 'leaseYears':
      return integer(raw, 1, 10, 5);
    case 'areaM2':
      return decimal(raw, 10, 1000, '64,5');
    case 'north':
    case 'east':
      return decimal(raw, -1e8, 1e8, field === 'north' ? '7012345,6' : '569876,5');
    case 'epsg':
      return integer(raw, 1, 99999, 25833);
    case 'hasLift':
    case 'vacant':
    case 'wheelchairAccessible':
      return yesNo(raw);
    case 'type':
      return oneOf(raw, DWELLING_TYPES, DWELLING_TYPE_LABELS, TYPE_SYNONYMS);
    case 'leaseType':
      return oneOf(raw, LEASE_TYPES, LEASE_TYPE_LABELS, LEASE_SYNONYMS);
    case 'ownership':
      return oneOf(raw, OWNERSHIPS, OWNERSHIP_LABELS, OWNERSHIP_SYNONYMS);
    case 'vacantFrom':
      return date(raw);
  }
}

/** Where a dwelling's position comes from: degrees, or a UTM zone's metres (EPSG 25832/25833/25835). */
export function toLocation(north: number, east: number, epsg: number | null): Parsed {
  const degrees = Math.abs(north) <= 90 && Math.abs(east) <= 180;
  const wrong = (p: LocalText): Parsed => ({ problem: p, fix: nb('Sjekk nord og øst, og koordinatsystemet (EPSG-kode 25832, 25833, 25835 eller 4258).', 'Check north and east, and the coordinate system (EPSG code 25832, 25833, 25835 or 4258).') });
  let at: { lat: number; lon: number };
  if (epsg === null ? degrees : epsg === 4258 || epsg === 4326) at = { lat: north, lon: east };
  else {
    const zone = UTM_ZONES[epsg ?? 25833];
    if (!zone) return wrong(nb(`EPSG-kode ${epsg} kan ikke leses.`, `EPSG code ${epsg} cannot be read.`));
    at = utmToLatLon(zone, north, east);
  }
  if (!(at.lat >= 57 && at.lat <= 72 && at.lon >= 4 && at.lon <= 32)) return wrong(nb('Koordinatene ligger ikke i Norge.', 'The coordinates are not in Norway.'));
  return { value: { lat: Math.round(at.lat * 1e6) / 1e6, lon: Math.round(at.lon * 1e6) / 1e6 } };
}

/** The dedup key of a dwelling: its address (case, spaces and punctuation aside) and its dwelling unit number. */
export function dwellingKey(address: string, unitNumber: string | null | undefined): string {
  return `${headingKey(address)}|${(unitNumber ?? '').toUpperCase()}`;
}

const SCHEMA_FIELD: Partial<Record<string, ImportField>> = { location: 'north' };

/**
 * Checks every row of the table under the mapping. A row is `ok` (a valid dwelling), `error` (every problem found,
 * each naming its column) or `duplicate` (same address and unit number as a dwelling in the registry or an earlier row).
 */
export function previewRows(table: Table, mapping: Mapping, areas: readonly ImportArea[], existing: readonly ExistingDwelling[]): PreviewRow[] {
  const columnOf = new Map<ImportField, number>();
  const fixed = new Map<ImportField, Parsed>();
  for (const field of IMPORT_FIELDS) {
    const source = mapping[field];
    if (!source) continue;
    if ('column' in source) {
      const at = table.header.indexOf(source.column);
      if (at >= 0) columnOf.set(field, at);
    } else fixed.set(field, parseCell(field, source.value.trim(), areas));
  }
  const sourceName = (field: ImportField): string | null => {
    const s = mapping[field];
    return s && 'column' in s ? s.column : null;
  };
  const seen = new Map<string, LocalText>();
  for (const d of existing) seen.set(dwellingKey(d.address, d.unitNumber), nb('Finnes allerede i boligregisteret.', 'Already in the dwelling registry.'));

  return table.rows.map((cells, i) => {
    const line = table.lines[i] ?? i + 2;
    const errors: RowError[] = [];
    const values: Partial<Record<ImportField, unknown>> = {};
    for (const field of IMPORT_FIELDS) {
      const at = columnOf.get(field);
      const parsed = at !== undefined ? parseCell(field, cells[at] ?? '', areas) : fixed.get(field);
      if (!parsed) continue;
      if ('problem' in parsed) errors.push({ column: sourceName(field), field, ...parsed });
      else values[field] = parsed.value;
    }
    for (const field of REQUIRED_FIELDS) {
      if (values[field] === null && !errors.some((e) => e.field === field)) {
        errors.push({
          column: sourceName(field),
          field,
          problem: nb(`${IMPORT_FIELD_LABELS[field].nb} mangler.`, `${IMPORT_FIELD_LABELS[field].en} is missing.`),
          fix: nb('Fyll ut cellen.', 'Fill in the cell.'),
        });
      }
    }
    let location: unknown = null;
    const north = values.north as number | null | undefined;
    const east = values.east as number | null | undefined;
    if (typeof north === 'number' && typeof east === 'number') {
      const loc = toLocation(north, east, (values.epsg as number | null | undefined) ?? null);
      if ('problem' in loc) errors.push({ column: sourceName('north'), field: 'north', ...loc });
      else location = loc.value;
    } else if ((north === null) !== (east === null) && north !== undefined && east !== undefined) {
      errors.push({
        column: sourceName(north === null ? 'north' : 'east'),
        field: north === null ? 'north' : 'east',
        problem: nb('Bare den ene koordinaten er fylt ut.', 'Only one of the coordinates is filled in.'),
        fix: nb('Fyll ut både nord og øst, eller ingen av dem.', 'Fill in both north and east, or neither.'),
      });
    }
    if (errors.length > 0) return { line, status: 'error', errors };

    const { north: _n, east: _e, epsg: _p, ...facts } = values;
    const candidate = Object.fromEntries(Object.entries({ ...facts, location }).filter(([, v]) => v !== null && v !== undefined));
    const checked = dwellingSchema.safeParse(candidate);
    if (!checked.success) {
      return {
        line,
        status: 'error',
        errors: checked.error.issues.map((issue) => {
          const key = String(issue.path[0] ?? '');
          const field = SCHEMA_FIELD[key] ?? ((IMPORT_FIELDS as readonly string[]).includes(key) ? (key as ImportField) : null);
          const message = splitBilingual(issue.message) ?? nb(issue.message, issue.message);
          return { column: field ? sourceName(field) : null, field, problem: message, fix: nb('Rett cellen eller cellene meldingen gjelder.', 'Correct the cell or cells the message is about.') };
        }),
      };
    }
    const dwelling = checked.data;
    const key = dwellingKey(dwelling.address, dwelling.unitNumber);
    const before = seen.get(key);
    if (before) return { line, status: 'duplicate', dwelling, of: before };
    seen.set(key, nb(`Samme adresse og bruksenhetsnummer som rad ${line}.`, `Same address and unit number as row ${line}.`));
    return { line, status: 'ok', dwelling };
  });
}

/** How many rows of each kind a preview holds. */
export function previewCounts(rows: readonly { status: PreviewRow['status'] }[]): { ok: number; error: number; duplicate: number } {
  const counts = { ok: 0, error: 0, duplicate: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
