/**
 * Who may write and read which records — the one place sync asks. Push calls `writeRefusal` for every op and pull calls
 * `readView` for every change. The role table below is the first gate; household data (households, visits, home-visit
 * checklists, tasks, Foyer plans) must also pass the household rules of core/privacy: consent, assignment, per field.
 */
import type { EntityName, Role, SessionUser } from '../../core/entities';
import { isPrivacyGoverned, linkedRecords, privacyReadView, privacyWriteDenial, type Links, type Viewer } from '../../core/privacy/recordAccess';
import { checklistSide } from '../../core/checklist/checklistSide';
import { LoadedLinks } from '../privacy/storedLinks';
import { viewerOf } from '../privacy/units';
import type { StoreTx } from '../store/store';
import { bilingual } from '../../core/schemas/bilingual';

type Data = Record<string, unknown>;


type Access = { write: readonly EntityName[]; read: readonly EntityName[]; inspections: { write: string[]; read: string[] } };

/** The policy by role: what each role may touch at all, before the household rules decide per record and field. */
const ROLE_ACCESS: Record<Role, Access> = {
  // The municipality's settings: written by administrators only, read by everyone (every device needs the areas).
  admin: {
    write: ['dwelling', 'inspection', 'household', 'visit', 'task', 'allocation', 'plan', 'settings', 'scheduledInspection', 'poi'],
    read: ['dwelling', 'inspection', 'household', 'visit', 'task', 'allocation', 'plan', 'settings', 'scheduledInspection', 'poi'],
    inspections: { write: ['dwelling', 'household'], read: ['dwelling', 'household'] },
  },
  inspector: {
    // Tasks only as a dwelling's follow-up actions: see core/privacy (isDwellingAction).
    write: ['dwelling', 'inspection', 'task', 'scheduledInspection'],
    read: ['dwelling', 'inspection', 'allocation', 'task', 'settings', 'scheduledInspection', 'poi'],
    inspections: { write: ['dwelling'], read: ['dwelling'] },
  },
  counsellor: {
    write: ['household', 'visit', 'task', 'plan', 'inspection'],
    read: ['household', 'visit', 'task', 'plan', 'inspection', 'dwelling', 'settings'],
    inspections: { write: ['household'], read: ['household'] },
  },
  intake: {
    // Households and tasks only as far as consent allows, and a task only to mark their unit's done: see core/privacy.
    write: ['allocation', 'task'],
    read: ['allocation', 'dwelling', 'inspection', 'household', 'task', 'settings'],
    inspections: { write: [], read: ['dwelling'] },
  },
};

function allows(user: SessionUser, entity: EntityName, mode: 'read' | 'write', data: Data | null): boolean {
  return user.roles.some((role) => {
    const access = ROLE_ACCESS[role];
    if (!access?.[mode].includes(entity)) return false;
    if (entity !== 'inspection') return true;
    const side = checklistSide(data);
    return side !== null && access.inspections[mode].includes(side);
  });
}

/** What the household rules need besides the user: their units, the stored records others point to, and the clock. */
export type PolicyContext = { viewer: Viewer; links: Links; now: Date };

/** A context whose links are loaded from the store: call `links.load` with the records before judging them. */
export type LoadedPolicy = PolicyContext & { links: LoadedLinks };

/**
 * Builds the context once per request (the user's units: one query). The households and plans the rules look at are
 * loaded by `links.load(records)` for a whole page or batch at once; a push puts what it writes there itself.
 */
export async function policyContext(store: StoreTx, user: SessionUser, now: Date): Promise<LoadedPolicy> {
  return { viewer: await viewerOf(store, user), links: new LoadedLinks(store), now };
}

const FORBIDDEN = bilingual('Du har ikke lov til å gjøre denne endringen', 'You may not make this change');
/**
 * The one refusal for a record the writer may not change as stored, may not create, or that does not exist: the same
 * text whatever the values sent, so it tells nothing about the record.
 */
export const NOT_WRITABLE = bilingual(
  'Posten finnes ikke, eller du har ikke lov til å endre den',
  'The record does not exist, or you may not change it',
);
const SETTINGS_STAY = bilingual('Innstillingene for kommunen kan endres, ikke slettes', 'The municipality settings can be changed, not deleted');
const DWELLING_ONLY = bilingual(
  'Bare inspektører og administratorer kan skrive det som hører til en bolig',
  'Only inspectors and administrators can write what belongs to a dwelling',
);

/**
 * Why this user may not change the record from `before` to `after` (`before` null: creating; `after` null: deleting),
 * as a message in Bokmål and English; null when the change is allowed. Both sides must be writable, so nobody moves a
 * record out of their reach or into someone else's: the writer must be allowed to write every record that either
 * version links to (core/privacy RECORD_LINKS: household, plan, dwelling), decided before any value is looked at.
 */
export function writeRefusal(user: SessionUser, entity: EntityName, before: Data | null, after: Data | null, ctx: PolicyContext): string | null {
  // Nothing to judge the right against (a delete of a record never stored): refused.
  if (before === null && after === null) return FORBIDDEN;
  const roleAllows = (before === null || allows(user, entity, 'write', before)) && (after === null || allows(user, entity, 'write', after));
  if (!roleAllows) return FORBIDDEN;
  // The settings are changed, never deleted: every device needs them.
  if (entity === 'settings' && after === null) return SETTINGS_STAY;
  // A record linked to a dwelling (a dwelling's checklist) is written into that dwelling: only those who may write
  // dwellings may write it. Households and plans a record links to are checked by the household rules below.
  if (linkedRecords(entity, before, after).some((l) => l.to === 'dwelling') && !mayWriteEntity(user, 'dwelling')) return DWELLING_ONLY;
  if (!isPrivacyGoverned(entity, before) && !isPrivacyGoverned(entity, after)) return null;
  const denial = privacyWriteDenial(ctx.viewer, entity, before, after, ctx.links, ctx.now);
  return denial ? bilingual(denial.message.nb, denial.message.en) : null;
}

/** May this user write records of this entity at all (checked before the record is even read)? */
export function mayWriteEntity(user: SessionUser, entity: EntityName): boolean {
  return user.roles.some((r) => ROLE_ACCESS[r]?.write.includes(entity));
}

/**
 * What this user may see of the record: its data, only some fields of it (household data shared under consent),
 * or null when the record is not for them — pull then sends it as deleted, so a device that held it drops it.
 */
export function readView(user: SessionUser, entity: EntityName, record: { data: Data }, ctx: PolicyContext): Data | null {
  if (!allows(user, entity, 'read', record.data)) return null;
  if (entity === 'allocation') return allocationView(user, record.data);
  return isPrivacyGoverned(entity, record.data) ? privacyReadView(ctx.viewer, entity, record.data, ctx.links, ctx.now) : record.data;
}

/** Roles that decide allocations and report them: they read why a household was allocated a dwelling. */
const ALLOCATION_REASON_ROLES: readonly Role[] = ['admin', 'intake'];

/**
 * An allocation as `user` reads it: whether the household are refugees (the allocation's main reason, counted for
 * KOSTRA) is kept from everyone but the administrator and the intake team; inspectors read allocations for vacancy only.
 */
function allocationView(user: SessionUser, data: Data): Data {
  if (user.roles.some((r) => ALLOCATION_REASON_ROLES.includes(r)) || !('refugee' in data)) return data;
  const { refugee: _reason, ...rest } = data;
  return rest;
}
