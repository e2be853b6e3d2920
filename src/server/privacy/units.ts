/** The units each person works for (ids of the settings' units): a household's consent names units, not people. */
import type { SessionUser } from '../../core/entities';
import type { Viewer } from '../../core/privacy/recordAccess';
import { DEMO_USER_UNITS } from '../../core/demo/users';
import type { OwnerUnit } from '../../core/schemas/ownerUnit';
import type { StoreTx } from '../store/store';

/** The units a person is recorded as working for. */
export async function userUnits(store: StoreTx, userId: string): Promise<OwnerUnit[]> {
  // A unit the settings no longer list still counts: a consent naming it still names it.
  return store.unitsOf(userId);
}

/** Replaces the units a person works for. */
export function setUserUnits(store: StoreTx, userId: string, units: readonly OwnerUnit[]): Promise<void> {
  return store.setUnits(userId, [...new Set(units)]);
}

/** The signed-in person as the household rules see them: id, roles and units. */
export async function viewerOf(store: StoreTx, user: SessionUser): Promise<Viewer> {
  return { id: user.id, roles: user.roles, units: await userUnits(store, user.id) };
}

/** Records the demo accounts' units; called while the demo data is written, in its transaction. */
export async function seedDemoUnits(store: StoreTx): Promise<void> {
  for (const [userId, units] of Object.entries(DEMO_USER_UNITS)) await setUserUnits(store, userId, units);
}
