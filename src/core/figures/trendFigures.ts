/** The overview's figures over time: verdicts per quarter and the dwellings due for inspection, as one value for app and server. */
import { dwellingChecklists } from './dwellingChecklists';
import { DEFAULT_TREND_QUARTERS, trendByQuarter, type QuarterFigures, type TrendInput } from './trendByQuarter';
import { DEFAULT_INSPECTION_MAX_AGE_MONTHS, trendInspectionAge, type InspectionDue } from './trendInspectionAge';

/** What `GET /api/figures` adds to `computeFigures`, and what the overview shows below the stock figures. */
export type TrendFigures = {
  trend: QuarterFigures[];
  inspectionDue: { maxAgeMonths: number; never: InspectionDue[]; old: InspectionDue[] };
};

/** Options of the trend: how many quarters, and after how many months an inspection is old. */
export type TrendOptions = { quarters?: number; maxAgeMonths?: number };

/** Computes the trend and the inspection list on `today` (yyyy-mm-dd, Norwegian date); pass today's verdicts when known. */
export function trendFigures(
  input: TrendInput,
  today: string,
  options: TrendOptions = {},
): TrendFigures {
  const maxAgeMonths = options.maxAgeMonths ?? DEFAULT_INSPECTION_MAX_AGE_MONTHS;
  // Both read the same completed checklists per dwelling: grouped once.
  const history = dwellingChecklists(input.inspections);
  return {
    trend: trendByQuarter(input, today, options.quarters ?? DEFAULT_TREND_QUARTERS, history),
    inspectionDue: { maxAgeMonths, ...trendInspectionAge(input.dwellings, input.inspections, today, maxAgeMonths, history) },
  };
}
