/**
 * The registry's lines, read live from the device store. The dwellings are drawn first with the verdicts computed last
 * time; the checklists (the heavy read) come right after and bring every verdict up to date.
 */
import { useMemo } from 'preact/hooks';
import type { Verdict } from '../../../core/rules/verdict';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/use-query';
import type { RegistryRow } from './registryFilter';
import { rowsFrom, summarize } from './registryRows';
import { readSummaries, writeSummaries } from './summaryCache';

/** The lines (undefined until the dwellings are read) and whether the verdicts are computed from the current data. */
export function useRegistryRows(): { rows: RegistryRow<Verdict | null>[] | undefined; fresh: boolean } {
  const dwellings = useQuery(() => repo<Dwelling>('dwelling').list(), []);
  const started = dwellings !== undefined;
  // Starts once the list is on screen (effects run after paint), so the heavy read never delays the first draw.
  // Only completed checklists count for a verdict; reading them through the status index also keeps this live query
  // asleep while a draft's answers are saved (the list stays beside an open checklist on a tablet).
  const fresh = useQuery(async () => {
    if (!started) return undefined;
    const [ds, inspections] = await Promise.all([repo<Dwelling>('dwelling').list(), repo<Inspection>('inspection').listBy('status', 'completed')]);
    const summaries = summarize(ds, inspections);
    writeSummaries(summaries);
    return summaries;
  }, [started]);
  const cached = useMemo(() => (started ? readSummaries() : new Map()), [started]);
  const rows = useMemo(() => (dwellings ? rowsFrom(dwellings, fresh ?? cached) : undefined), [dwellings, fresh, cached]);
  return { rows, fresh: fresh !== undefined };
}
