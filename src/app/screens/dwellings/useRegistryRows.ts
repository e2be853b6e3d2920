/**
 * The registry's lines, read live from the device store. The dwellings are drawn first with the verdicts computed last
 * time; the completed checklists (the heavy read) come right after and bring every verdict up to date.
 *
 * The reads are shared by every list on screen and outlive them for a while: the list beside a dwelling, its form and
 * its checklist is redrawn on each of those pages, and going between them (or home and back) must not read and assess
 * thousands of records again while the person is waiting for the checklist they opened.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { norwegianDate } from '../../../core/privacy/consentState';
import { ruleSetFor } from '../../../core/rules/defaultRuleSet';
import type { Verdict } from '../../../core/rules/verdict';
import type { Allocation } from '../../../core/schemas/allocation';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import type { Task } from '../../../core/schemas/task';
import { addLogoutCleanup } from '../../logout';
import { repo, type LocalRecord } from '../../store/repo';
import { loadSettings } from '../../store/useSettings';
import type { RegistryRow } from './registryFilter';
import { rowsFrom, summarize, type DwellingSummary } from './registryRows';
import { readSummaries, writeSummaries } from './summaryCache';

/** How long the reads stay live after the last list leaves the screen. */
export const KEEP_ALIVE_MS = 5 * 60_000;

type Snapshot = { dwellings?: LocalRecord<Dwelling>[]; fresh?: Map<string, DwellingSummary>; allocations?: Allocation[] };

let snapshot: Snapshot = {};
const listeners = new Set<(s: Snapshot) => void>();
let subscriptions: Subscription[] = [];
/** Allocations on the device (the intake team's): a dwelling allocated since its record changed is not vacant. */
let allocationsSub: Subscription | undefined;
let stopTimer: ReturnType<typeof setTimeout> | undefined;

function publish(patch: Snapshot): void {
  snapshot = { ...snapshot, ...patch };
  for (const l of listeners) l(snapshot);
}

function start(): void {
  const dwellingsSub = liveQuery(() => repo<Dwelling>('dwelling').list()).subscribe({
    next: (dwellings) => {
      publish({ dwellings });
      if (subscriptions.length > 1) return;
      // The heavy read starts once the list can be drawn (a task later, after the first paint), never before it.
      setTimeout(() => {
        if (subscriptions.length !== 1) return;
        subscriptions.push(
          liveQuery(async () => {
            // Only completed checklists count for a verdict; reading them through the status index also keeps this
            // query asleep while a draft's answers are saved next to the list.
            // Open follow-up actions hold a verdict down too, so the tasks are read with them.
            // The settings choose the rule set: a change of it on the settings screen or by sync judges the list again.
            const [ds, inspections, tasks, settings] = await Promise.all([
              repo<Dwelling>('dwelling').list(),
              repo<Inspection>('inspection').listBy('status', 'completed'),
              repo<Task>('task').list(),
              loadSettings(),
            ]);
            const summaries = summarize(ds, inspections, tasks, ruleSetFor(settings));
            writeSummaries(summaries);
            return summaries;
          }).subscribe({ next: (fresh) => publish({ fresh }), error: (err: unknown) => console.error('registry', err) }),
        );
      }, 0);
    },
    error: (err: unknown) => console.error('registry', err),
  });
  subscriptions = [dwellingsSub];
  allocationsSub = liveQuery(() => repo<Allocation>('allocation').list()).subscribe({
    next: (rows) => publish({ allocations: rows.map((r) => r.data) }),
    error: (err: unknown) => console.error('registry', err),
  });
}

function stop(): void {
  for (const s of subscriptions) s.unsubscribe();
  subscriptions = [];
  allocationsSub?.unsubscribe();
  allocationsSub = undefined;
  snapshot = {};
}

/** Subscribes a list to the shared reads (starting them when needed); the returned function leaves. */
function join(listener: (s: Snapshot) => void): () => void {
  clearTimeout(stopTimer);
  listeners.add(listener);
  if (subscriptions.length === 0) start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stopTimer = setTimeout(stop, KEEP_ALIVE_MS);
  };
}

/**
 * Stops the shared reads until the returned function is called or a list joins again: for a page about to write many
 * records and leave (a checklist being locked, its report opening next), so the reads do not go over every dwelling,
 * checklist and task again meanwhile. The next list to join starts them afresh; `resume` restarts them at once for the
 * lists still on screen (the write failed and the page stays).
 */
export function pauseRegistryRows(): () => void {
  stop();
  return () => {
    if (listeners.size > 0 && subscriptions.length === 0) start();
  };
}

/** Ends the shared reads at once and forgets what they held (log-out: the next person must not see them). */
export function resetRegistryRows(): void {
  clearTimeout(stopTimer);
  stop();
}

addLogoutCleanup(resetRegistryRows);

/** The lines (undefined until the dwellings are read) and whether the verdicts are computed from the current data. */
export function useRegistryRows(): { rows: RegistryRow<Verdict | null>[] | undefined; fresh: boolean } {
  const [current, setCurrent] = useState<Snapshot>(snapshot);
  useEffect(() => join(setCurrent), []);
  const { dwellings, fresh, allocations } = current;
  const started = dwellings !== undefined;
  const cached = useMemo(() => (started && !fresh ? readSummaries() : new Map<string, DwellingSummary>()), [started, fresh]);
  const rows = useMemo(
    () => (dwellings ? rowsFrom(dwellings, fresh ?? cached, allocations, norwegianDate(new Date())) : undefined),
    [dwellings, fresh, cached, allocations],
  );
  return { rows, fresh: fresh !== undefined };
}
