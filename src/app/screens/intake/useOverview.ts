/** The overview's figures, computed on the device with the same core functions as `GET /api/figures`. */
import { useMemo } from 'preact/hooks';
import { computeFigures, type Figures } from '../../../core/figures/computeFigures';
import { trendFigures, type TrendFigures } from '../../../core/figures/trendFigures';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { IntakeData } from './useIntakeData';

/** The stock figures and their trend, recomputed only when the records (or the chosen age limit) change. */
export function useOverview(data: IntakeData | undefined, maxAgeMonths?: number): (Figures & TrendFigures) | undefined {
  const figures = useMemo(() => (data ? computeFigures(data) : undefined), [data]);
  const trend = useMemo(
    () =>
      data && figures
        ? trendFigures({ ...data, verdicts: figures.verdictsByDwelling }, norwegianDate(new Date()), maxAgeMonths ? { maxAgeMonths } : {})
        : undefined,
    [data, figures, maxAgeMonths],
  );
  return figures && trend ? { ...figures, ...trend } : undefined;
}
