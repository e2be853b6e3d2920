/** The households a task list needs: every name on the device, and those this person follows (who may get tasks). */
import { useMemo } from 'preact/hooks';
import type { Household } from '../../../core/schemas/household';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { seesAll } from '../households/householdFacts';

/** A household as a task form offers it. */
export type TaskHousehold = { id: string; name: string };

/**
 * Names of all households on the device (to label a task's household), and those this person follows: only those can
 * get new tasks or have theirs corrected, because the server refuses the rest.
 */
export function useTaskHouseholds(): { names: Map<string, string>; own: TaskHousehold[] } {
  const user = getSession()?.user;
  const households = useQuery(() => repo<Partial<Household>>('household').list(), []);
  return useMemo(() => {
    const all = households ?? [];
    return {
      names: new Map(all.map((h) => [h.id, h.data.displayName ?? ''])),
      own: all.filter((h) => seesAll(h.data, user)).map((h) => ({ id: h.id, name: h.data.displayName ?? '' })),
    };
  }, [households, user?.id]);
}
