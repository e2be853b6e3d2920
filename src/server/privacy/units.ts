/** The units each person works for (NAV, the refugee unit, …): a household's consent names units, not people. */
import type { SessionUser } from '../../core/entities';
import type { Viewer } from '../../core/privacy/recordAccess';
import { OWNER_UNITS, type OwnerUnit } from '../../core/schemas/ownerUnit';
import type { StoreTx } from '../store/store';

/** The units a person is recorded as working for. */
export async function userUnits(store: StoreTx, userId: string): Promise<OwnerUnit[]> {
  // A unit dropped from the list in a later version simply stops counting.
  return (await store.unitsOf(userId)).filter((u): u is OwnerUnit => (OWNER_UNITS as readonly string[]).includes(u));
}

/** Replaces the units a person works for. */
export function setUserUnits(store: StoreTx, userId: string, units: readonly OwnerUnit[]): Promise<void> {
  return store.setUnits(userId, [...new Set(units)]);
}

/** The signed-in person as the household rules see them: id, roles and units. */
export async function viewerOf(store: StoreTx, user: SessionUser): Promise<Viewer> {
  return { id: user.id, roles: user.roles, units: await userUnits(store, user.id) };
}

/** The demo intake-team member (`inntak`) sits for NAV, so a demo consent naming NAV shows her the household. */
export const DEMO_USER_UNITS: Readonly<Record<string, readonly OwnerUnit[]>> = {
  '00000000-0000-4000-8000-000000000004': ['nav'],
  '00000000-0000-4000-8000-000000000003': ['buildingsAndProperty'],
  '00000000-0000-4000-8000-000000000002': ['buildingsAndProperty'],
};

/** Records the demo accounts' units; called while the demo data is written, in its transaction. */
export async function seedDemoUnits(store: StoreTx): Promise<void> {
  for (const [userId, units] of Object.entries(DEMO_USER_UNITS)) await setUserUnits(store, userId, units);
}
