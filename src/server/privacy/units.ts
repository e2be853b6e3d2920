/** The units each person works for (NAV, the refugee unit, …): a household's consent names units, not people. */
import type { SessionUser } from '../../core/entities';
import type { Viewer } from '../../core/privacy/recordAccess';
import { OWNER_UNITS, type OwnerUnit } from '../../core/schemas/ownerUnit';
import type { Db } from '../db';

/** The units a person is recorded as working for. */
export function userUnits(db: Db, userId: string): OwnerUnit[] {
  const rows = db.prepare('SELECT unit FROM user_units WHERE user_id = ? ORDER BY unit').all(userId) as { unit: string }[];
  // A unit dropped from the list in a later version simply stops counting.
  return rows.map((r) => r.unit).filter((u): u is OwnerUnit => (OWNER_UNITS as readonly string[]).includes(u));
}

/** Replaces the units a person works for. */
export function setUserUnits(db: Db, userId: string, units: readonly OwnerUnit[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM user_units WHERE user_id = ?').run(userId);
    const add = db.prepare('INSERT INTO user_units (user_id, unit) VALUES (?, ?)');
    for (const unit of new Set(units)) add.run(userId, unit);
  })();
}

/** The signed-in person as the household rules see them: id, roles and units. */
export function viewerOf(db: Db, user: SessionUser): Viewer {
  return { id: user.id, roles: user.roles, units: userUnits(db, user.id) };
}

/** The demo intake-team member (`inntak`) sits for NAV, so a demo consent naming NAV shows her the household. */
export const DEMO_USER_UNITS: Readonly<Record<string, readonly OwnerUnit[]>> = {
  '00000000-0000-4000-8000-000000000004': ['nav'],
  '00000000-0000-4000-8000-000000000003': ['buildingsAndProperty'],
  '00000000-0000-4000-8000-000000000002': ['buildingsAndProperty'],
};

/** Records the demo accounts' units; called while the demo data is written, in its transaction. */
export function seedDemoUnits(db: Db): void {
  for (const [userId, units] of Object.entries(DEMO_USER_UNITS)) setUserUnits(db, userId, units);
}
