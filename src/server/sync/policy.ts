/**
 * Who may write and read which records — the one place sync asks. Push calls `canWrite` for every op and pull calls
 * `readView` for every change; household rules (consent, field visibility) extend these two functions.
 */
import type { EntityName, Role, SessionUser } from '../../core/entities';

type Data = Record<string, unknown>;

/** Which side an inspection belongs to: a dwelling's (templates A–C) or a household's (home visit, Foyer). */
function inspectionSide(data: Data | null): 'dwelling' | 'household' | null {
  if (!data) return null;
  if (data.householdId || data.planId) return 'household';
  if (data.dwellingId) return 'dwelling';
  return null;
}

type Access = { write: readonly EntityName[]; read: readonly EntityName[]; inspections: { write: string[]; read: string[] } };

/** The starting policy by role. Intake reads households only with consent — not granted until consent exists. */
const ROLE_ACCESS: Record<Role, Access> = {
  admin: {
    write: ['dwelling', 'inspection', 'household', 'visit', 'task', 'allocation', 'plan'],
    read: ['dwelling', 'inspection', 'household', 'visit', 'task', 'allocation', 'plan'],
    inspections: { write: ['dwelling', 'household'], read: ['dwelling', 'household'] },
  },
  inspector: {
    write: ['dwelling', 'inspection'],
    read: ['dwelling', 'inspection', 'allocation'],
    inspections: { write: ['dwelling'], read: ['dwelling'] },
  },
  counsellor: {
    write: ['household', 'visit', 'task', 'plan', 'inspection'],
    read: ['household', 'visit', 'task', 'plan', 'inspection', 'dwelling'],
    inspections: { write: ['household'], read: ['household'] },
  },
  intake: {
    write: ['allocation'],
    read: ['allocation', 'dwelling', 'inspection'],
    inspections: { write: [], read: ['dwelling'] },
  },
};

function allows(user: SessionUser, entity: EntityName, mode: 'read' | 'write', data: Data | null): boolean {
  return user.roles.some((role) => {
    const access = ROLE_ACCESS[role];
    if (!access?.[mode].includes(entity)) return false;
    if (entity !== 'inspection') return true;
    const side = inspectionSide(data);
    return side !== null && access.inspections[mode].includes(side);
  });
}

/**
 * May this user change the record from `before` to `after`? (`before` null: creating; `after` null: deleting.)
 * Both sides must be writable, so nobody moves a record out of their reach or into someone else's.
 */
export function canWrite(user: SessionUser, entity: EntityName, before: Data | null, after: Data | null): boolean {
  if (before === null && after === null) return user.roles.some((r) => ROLE_ACCESS[r]?.write.includes(entity));
  return (before === null || allows(user, entity, 'write', before)) && (after === null || allows(user, entity, 'write', after));
}

/** May this user write records of this entity at all (checked before the record is even read)? */
export function mayWriteEntity(user: SessionUser, entity: EntityName): boolean {
  return user.roles.some((r) => ROLE_ACCESS[r]?.write.includes(entity));
}

/** What this user may see of the record: its data (all fields, for now), or null when the record is not for them. */
export function readView(user: SessionUser, entity: EntityName, record: { data: Data }): Data | null {
  return allows(user, entity, 'read', record.data) ? record.data : null;
}
