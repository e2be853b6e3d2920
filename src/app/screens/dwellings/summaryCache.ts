/** The registry's last computed verdicts, kept on the device so the list draws at once and is then brought up to date. */
import { VERDICTS } from '../../../core/rules/verdict';
import type { DwellingSummary } from './registryRows';

const KEY = 'egnet.registrySummaries';

/** The summaries saved last time (empty when none, or when the saved text is damaged). */
export function readSummaries(): Map<string, DwellingSummary> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, [string, string | null]>;
    const out = new Map<string, DwellingSummary>();
    for (const [id, [verdict, last]] of Object.entries(raw)) {
      if ((VERDICTS as readonly string[]).includes(verdict)) out.set(id, { verdict: verdict as DwellingSummary['verdict'], lastInspectedAt: last });
    }
    return out;
  } catch {
    return new Map();
  }
}

/** Saves the summaries (a few bytes per dwelling); a full storage only costs the head start next time. */
export function writeSummaries(summaries: ReadonlyMap<string, DwellingSummary>): void {
  const compact: Record<string, [string, string | null]> = {};
  for (const [id, s] of summaries) compact[id] = [s.verdict, s.lastInspectedAt];
  try {
    localStorage.setItem(KEY, JSON.stringify(compact));
  } catch {
    /* storage full or private mode */
  }
}
