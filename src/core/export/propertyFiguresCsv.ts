/** The property unit's figures as one CSV file: inspections due, open actions by severity and age, time to close. */
import { ACTION_AGES, type ActionAge, type PropertyFigures } from '../figures/propertyFigures';
import { ACTION_SEVERITIES } from '../schemas/task';
import type { Language, LocalText } from '../text';
import { toCsv, type CsvCell } from './csv';

const t = (nb: string, en: string): LocalText => ({ nb, en });

/** Age groups in words. */
export const ACTION_AGE_LABELS: Record<ActionAge, LocalText> = {
  upTo30: t('0–30 dager', '0–30 days'),
  upTo90: t('31–90 dager', '31–90 days'),
  upTo180: t('91–180 dager', '91–180 days'),
  over180: t('over 180 dager', 'over 180 days'),
  unknown: t('ukjent alder', 'age unknown'),
};

/** Severities in words. */
export const SEVERITY_LABELS: Record<(typeof ACTION_SEVERITIES)[number], LocalText> = {
  TG3: t('TG3', 'TG3'),
  red: t('Rød risiko', 'Red risk'),
  gate: t('Absolutt krav', 'Absolute requirement'),
  TG2: t('TG2', 'TG2'),
  yellow: t('Gul risiko', 'Yellow risk'),
};

/** Rows of figure, detail, count: one table a spreadsheet can filter. */
export function propertyFiguresCsv(f: PropertyFigures, lang: Language): string {
  const header = [t('Tall', 'Figure'), t('Alvorlighet', 'Severity'), t('Alder', 'Age'), t('Verdi', 'Value')].map((h) => h[lang]);
  const rows: CsvCell[][] = [
    [t('Boliger', 'Dwellings')[lang], null, null, f.inspections.dwellings],
    [t('Forfalte befaringer', 'Overdue inspections')[lang], null, null, f.inspections.overdue],
    [t('Aldri kontrollert', 'Never inspected')[lang], null, null, f.inspections.never],
    [t('Befaring innen 30 dager', 'Inspection within 30 days')[lang], null, null, f.inspections.dueSoon],
    [t('Åpne tiltak', 'Open actions')[lang], null, null, f.openTotal],
    [t('Åpne tiltak over fristen', 'Open actions past their deadline')[lang], null, null, f.openPastDeadline],
    ...ACTION_SEVERITIES.flatMap((s) =>
      ACTION_AGES.map((a) => [t('Åpne tiltak', 'Open actions')[lang], SEVERITY_LABELS[s][lang], ACTION_AGE_LABELS[a][lang], f.openActions[s][a]]),
    ),
    [t('Lukkede tiltak', 'Closed actions')[lang], null, null, f.closed],
    [t('Snitt dager til lukket', 'Mean days to close')[lang], null, null, f.meanDaysToClose],
  ];
  return toCsv(header, rows);
}
