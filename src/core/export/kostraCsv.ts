/** The KOSTRA figures as one CSV file: a row per variable with SSB's code and name, then the municipality's own figure. */
import { KOSTRA_KEYS, KOSTRA_VARIABLES, OWN_FIGURE_NOTE, type KostraFigures, type KostraKey } from '../figures/kostraFigures';
import { VERDICT_LABELS } from '../rules/verdict';
import type { Language, LocalText } from '../text';
import { toCsv, type CsvCell } from './csv';

const t = (nb: string, en: string): LocalText => ({ nb, en });

/** The column headings. */
export const KOSTRA_CSV_HEADER: readonly LocalText[] = [
  t('Variabelkode', 'Variable code'),
  t('Variabel', 'Variable'),
  t('Verdi', 'Value'),
  t('Enhet', 'Unit'),
  t('Periode', 'Period'),
  t('Kilde i Egnet', 'Source in Egnet'),
  t('Merknad', 'Note'),
];

/** What a variable's figure leaves out, in words; empty when nothing is missing. */
export function kostraGap(key: KostraKey, k: KostraFigures): LocalText | null {
  const m = k.missing;
  switch (key) {
    case 'owned':
    case 'rentedIn':
    case 'privateAllocationRight':
    case 'ownedShare':
      return m.ownership ? t(`${m.ownership} boliger mangler eierforhold`, `${m.ownership} dwellings have no ownership recorded`) : null;
    case 'wheelchairAccessible':
    case 'wheelchairShare':
      return m.wheelchair
        ? t(`${m.wheelchair} boliger mangler svar om rullestoltilgjengelighet`, `${m.wheelchair} dwellings have no answer on wheelchair access`)
        : null;
    case 'newTenants':
      return m.newTenant
        ? t(`${m.newTenant} tildelinger i året mangler svar om «ny i kommunal bolig»`, `${m.newTenant} allocations in the year have no answer on "new to municipal housing"`)
        : null;
    case 'newTenantRefugees':
      return m.refugee ? t(`${m.refugee} nye leietakere mangler svar om «flyktning»`, `${m.refugee} new tenants have no answer on "refugees"`) : null;
    default:
      return null;
  }
}

/** The period a variable covers, in words. */
export function kostraPeriod(period: 'stock' | 'year', year: number): LocalText {
  return period === 'stock'
    ? t('Boligregisteret nå (KOSTRA: per 31.12)', 'The registry now (KOSTRA: at 31 December)')
    : t(`Tildelinger 01.01.–31.12.${year}`, `Allocations 1 January–31 December ${year}`);
}

/**
 * One row per KOSTRA variable (code, SSB's name, value, unit, period, where Egnet takes it from, what is missing), then
 * the dwellings well suited for families with children 0–3 and 3+, with no code and marked as the municipality's own.
 */
export function kostraCsv(k: KostraFigures, lang: Language): string {
  const unit = (u: 'count' | 'percent') => (u === 'count' ? t('Antall', 'Number') : t('Prosent', 'Per cent'))[lang];
  const rows: CsvCell[][] = KOSTRA_KEYS.map((key) => {
    const v = KOSTRA_VARIABLES[key];
    return [v.code, v.name[lang], k.values[key], unit(v.unit), kostraPeriod(v.period, k.year)[lang], v.source[lang], kostraGap(key, k)?.[lang] ?? null];
  });
  const own = (name: LocalText, value: number): CsvCell[] => [
    null,
    name[lang],
    value,
    unit('count'),
    kostraPeriod('stock', k.year)[lang],
    t('Egnethetsvurderingen av hver bolig', "Each dwelling's suitability verdict")[lang],
    OWN_FIGURE_NOTE[lang],
  ];
  rows.push(
    own(VERDICT_LABELS.suited0to3, k.own.suited0to3),
    own(VERDICT_LABELS.suited3plus, k.own.suited3plus),
  );
  return toCsv(
    KOSTRA_CSV_HEADER.map((h) => h[lang]),
    rows,
  );
}
