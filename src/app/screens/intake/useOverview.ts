/** The overview's figures, computed on the device with the same core functions as `GET /api/figures`. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { computeFigures, type Figures } from '../../../core/figures/computeFigures';
import { trendFigures, type TrendFigures } from '../../../core/figures/trendFigures';
import { norwegianDate } from '../../../core/privacy/consentState';
import type { IntakeData } from './useIntakeData';
import { VerdictMemo } from './VerdictMemo';

// The last result, kept while the app runs: reopening a screen with unchanged records costs nothing.
let lastFigures: { version: string; figures: Figures } | null = null;
let lastTrend: { key: string; trend: TrendFigures } | null = null;
// After a sync or an edit, only the dwellings whose record or checklists changed are assessed again.
const verdicts = new VerdictMemo();

/** The stock figures for these records (cached by their version); matching reads the verdicts from here too. */
export function useFigures(data: IntakeData | undefined): Figures | undefined {
  return useMemo(() => {
    if (!data) return undefined;
    const today = norwegianDate(new Date());
    const version = `${data.version}|${today}`;
    if (lastFigures?.version !== version) {
      const figures = computeFigures({ ...data, today, verdicts: verdicts.known(data.dwellingStamps) });
      verdicts.remember(data.dwellingStamps, figures.verdictsByDwelling);
      lastFigures = { version, figures };
    }
    return lastFigures.figures;
  }, [data]);
}

/**
 * The stock figures at once, and the quarters and inspections due a moment later: replaying the history costs about
 * as much as the figures, so it runs after the headline and the stock charts are on screen.
 */
export function useOverview(
  data: IntakeData | undefined,
  maxAgeMonths?: number,
): { figures: Figures | undefined; trend: TrendFigures | undefined } {
  const figures = useFigures(data);
  const today = norwegianDate(new Date());
  const key = data ? `${data.version}|${today}|${maxAgeMonths ?? ''}` : '';
  const [, rendered] = useState(0);
  // While the quarters of changed records are computed, the last ones stay on screen: the chart is not replaced by a
  // loading line at every sync. Another age limit is another question: its old answer is not shown.
  const shown = useRef<{ maxAgeMonths: number | undefined; trend: TrendFigures } | undefined>(undefined);
  useEffect(() => {
    if (!data || !figures || lastTrend?.key === key) return;
    const timer = setTimeout(() => {
      lastTrend = { key, trend: trendFigures({ ...data, verdicts: figures.verdictsByDwelling }, today, maxAgeMonths ? { maxAgeMonths } : {}) };
      rendered((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [key, figures]);
  if (lastTrend?.key === key) shown.current = { maxAgeMonths, trend: lastTrend.trend };
  const last = shown.current;
  return { figures, trend: last && last.maxAgeMonths === maxAgeMonths ? last.trend : undefined };
}
