/** The stock figures (in total, per area, bedrooms, vacancy and quarter) and the allocations per year, as one CSV file. */
import type { Figures, StockFigures } from '../figures/computeFigures';
import type { QuarterFigures } from '../figures/trendByQuarter';
import { VERDICTS, VERDICT_LABELS } from '../rules/verdict';
import type { Language, LocalText } from '../text';
import { toCsv, type CsvCell } from './csv';

const t = (nb: string, en: string): LocalText => ({ nb, en });

/** A share (fraction) as a percentage with one decimal, the way the municipality's stock report gives it. */
function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

/**
 * One table a spreadsheet can filter: each row is a group (total, area, bedrooms, vacancy, quarter, or allocation
 * year) with its verdict counts and suitable share; allocation years fill the allocation columns instead.
 */
export function figuresCsv(figures: Figures, trend: readonly QuarterFigures[], lang: Language, areaName: (id: string) => string = (id) => id): string {
  const stockHeader = [t('Boliger', 'Dwellings'), ...VERDICTS.map((v) => VERDICT_LABELS[v]), t('Andel egnet (%)', 'Share suitable (%)')];
  const allocationHeader = [
    t('Tildelinger', 'Allocations'),
    t('Til barnefamilier', 'To families with children'),
    t('Andel til barnefamilier (%)', 'Share to families with children (%)'),
    t('Tildelinger av egnede boliger', 'Allocations of suitable dwellings'),
    t('Andel egnede til barnefamilier (%)', 'Share of suitable to families with children (%)'),
    t('Andel leiekontrakter 3 år + (%)', 'Share of leases 3 years + (%)'),
  ];
  const header = [t('Gruppe', 'Group'), t('Verdi', 'Value'), ...stockHeader, ...allocationHeader].map((h) => h[lang]);

  const stock = (group: LocalText, value: string, s: StockFigures): CsvCell[] => [
    group[lang],
    value,
    s.dwellings,
    ...VERDICTS.map((v) => s.byVerdict[v]),
    percent(s.suitableShare),
    ...Array<CsvCell>(allocationHeader.length).fill(null),
  ];
  const rows: CsvCell[][] = [
    stock(t('Totalt', 'Total'), '', figures),
    ...Object.entries(figures.byArea)
      .filter(([, s]) => s.dwellings > 0)
      .map(([area, s]) => stock(t('Område', 'Area'), areaName(area), s)),
    ...Object.entries(figures.byBedrooms).map(([n, s]) => stock(t('Godkjente soverom', 'Approved bedrooms'), n, s)),
    stock(t('Ledig/utleid', 'Vacant/let'), t('Ledig', 'Vacant')[lang], figures.byVacancy.vacant),
    stock(t('Ledig/utleid', 'Vacant/let'), t('Utleid', 'Let')[lang], figures.byVacancy.let),
    ...trend.map((q) => stock(t('Kvartal', 'Quarter'), q.quarter, { dwellings: figures.dwellings, byVerdict: q.byVerdict, suitableShare: q.suitableShare })),
    ...Object.entries(figures.allocationsByYear).map(([year, y]) => [
      t('Tildelingsår', 'Allocation year')[lang],
      year,
      ...Array<CsvCell>(stockHeader.length).fill(null),
      y.total,
      y.withChildren,
      percent(y.share),
      y.suitableTotal,
      percent(y.suitableShare),
      percent(y.longLeaseShare),
    ]),
  ];
  return toCsv(header, rows);
}
