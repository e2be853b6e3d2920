/**
 * Who may read and write household data — households, their visits, home-visit checklists, tasks and Foyer plans —
 * per role, per record and per field. Pure: the server's sync policy calls it with the records it looked up.
 */
import type { EntityName, Role } from '../entities';
import type { OwnerUnit } from '../schemas/ownerUnit';
import type { LocalText } from '../text';
import { grantedCategories, type ConsentTerms } from './consentState';
import { sharedHouseholdFields } from './householdFields';

/** The person asking, with the units they belong to (an intake-team member sits for NAV, the refugee unit, …). */
export type Viewer = { id: string; roles: readonly Role[]; units: readonly OwnerUnit[] };

/** The household fields the rules read. */
export type HouseholdFacts = { counsellorIds?: readonly string[]; consent?: ConsentTerms | null };
/** The plan fields the rules read. */
export type PlanFacts = { coordinatorId?: string };

/** Looks up the records a record points to, as they are stored now (null when unknown). */
export type Links = {
  household(id: string): HouseholdFacts | null;
  plan(id: string): PlanFacts | null;
};

type Data = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const isAdmin = (v: Viewer) => v.roles.includes('admin');

/** True when these rules, not the role table, decide about the record: everything about a household or a young person. */
export function isPrivacyGoverned(entity: EntityName, data: Data | null): boolean {
  if (entity === 'household' || entity === 'visit' || entity === 'task' || entity === 'plan') return true;
  // A checklist about a household (home visit) or a Foyer plan is household data; one about a dwelling is not.
  return entity === 'inspection' && !!data && (!!str(data.householdId) || !!str(data.planId));
}

/** True when the viewer follows the household: an administrator, or a counsellor it is assigned to. */
export function followsHousehold(viewer: Viewer, household: HouseholdFacts | null): boolean {
  if (isAdmin(viewer)) return true;
  return !!household && viewer.roles.includes('counsellor') && (household.counsellorIds ?? []).includes(viewer.id);
}

function coordinates(viewer: Viewer, plan: PlanFacts | null): boolean {
  if (isAdmin(viewer)) return true;
  return !!plan && viewer.roles.includes('counsellor') && plan.coordinatorId === viewer.id;
}

/** The consent categories the viewer's units receive for this household at `now` (only the intake team receives any). */
function sharedCategories(viewer: Viewer, household: HouseholdFacts, now: Date) {
  if (!viewer.roles.includes('intake')) return [];
  return [...new Set(viewer.units.flatMap((u) => grantedCategories(household.consent, u, now)))];
}

/** The task fields a unit sees; where it was agreed stays with the counsellor. */
const TASK_FIELDS_FOR_UNITS = ['title', 'ownerUnit', 'householdId', 'dueDate', 'status', 'doneAt'];
/** What a unit may change on a task it owns: marking it done or open again. */
const TASK_FIELDS_UNITS_WRITE = ['status', 'doneAt'];

function taskForUnit(viewer: Viewer, task: Data, links: Links, now: Date): boolean {
  if (!viewer.roles.includes('intake')) return false;
  const unit = str(task.ownerUnit) as OwnerUnit | undefined;
  if (!unit || !viewer.units.includes(unit)) return false;
  const householdId = str(task.householdId);
  if (!householdId) return true;
  const household = links.household(householdId);
  return !!household && grantedCategories(household.consent, unit, now).includes('tasks');
}

function pick(data: Data, fields: readonly string[]): Data {
  return Object.fromEntries(Object.entries(data).filter(([k]) => fields.includes(k)));
}

/**
 * What the viewer may read of a governed record: all of it, some fields, or nothing (null).
 * Without a valid consent a household is seen only by its counsellors and administrators; the intake team sees the
 * fields whose categories the consent grants to one of their units, and the tasks their unit owns. Visits, home-visit
 * checklists and Foyer plans never leave the counsellor (or coordinator) and administrators.
 */
export function privacyReadView(viewer: Viewer, entity: EntityName, data: Data, links: Links, now: Date): Data | null {
  switch (entity) {
    case 'household': {
      const household = data as HouseholdFacts;
      if (followsHousehold(viewer, household)) return data;
      const categories = sharedCategories(viewer, household, now);
      return categories.length > 0 ? sharedHouseholdFields(data, categories) : null;
    }
    case 'visit':
      return followsHousehold(viewer, links.household(str(data.householdId) ?? '')) ? data : null;
    case 'inspection': {
      const planId = str(data.planId);
      if (planId) return coordinates(viewer, links.plan(planId)) ? data : null;
      return followsHousehold(viewer, links.household(str(data.householdId) ?? '')) ? data : null;
    }
    case 'task': {
      const householdId = str(data.householdId);
      const follows = householdId ? followsHousehold(viewer, links.household(householdId)) : isAdmin(viewer) || viewer.roles.includes('counsellor');
      if (follows) return data;
      return taskForUnit(viewer, data, links, now) ? pick(data, TASK_FIELDS_FOR_UNITS) : null;
    }
    case 'plan':
      return coordinates(viewer, data as PlanFacts) ? data : null;
    default:
      return data;
  }
}

/** Why a write was refused, in both languages: the sync result's error message. */
export type WriteDenial = { message: LocalText };

const deny = (nb: string, en: string): WriteDenial => ({ message: { nb, en } });

const NOT_YOURS = deny(
  'Bare boveiledere som følger husstanden, og administratorer, kan endre dette',
  'Only the counsellors following the household, and administrators, can change this',
);

function householdOf(data: Data | null, links: Links): HouseholdFacts | null | undefined {
  const id = data ? str(data.householdId) : undefined;
  return id === undefined ? undefined : links.household(id);
}

/** True when every household the before and after versions point to is one the viewer follows. */
function followsBoth(viewer: Viewer, before: Data | null, after: Data | null, links: Links, required: boolean): boolean {
  for (const version of [before, after]) {
    if (!version) continue;
    const household = householdOf(version, links);
    if (household === undefined ? required : !followsHousehold(viewer, household)) return false;
  }
  return true;
}

function changedFields(before: Data, after: Data): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Whether the viewer may turn `before` (null: the record is new) into `after` (null: deleted); null when allowed.
 * Links resolve to the records as stored before this write. A counsellor may hand a household or a plan over to a
 * colleague (it then leaves their device), but may not create one they would not follow themselves.
 */
export function privacyWriteDenial(
  viewer: Viewer,
  entity: EntityName,
  before: Data | null,
  after: Data | null,
  links: Links,
  now: Date,
): WriteDenial | null {
  if (isAdmin(viewer)) return null;
  switch (entity) {
    case 'household': {
      const decisive = (before ?? after) as HouseholdFacts | null;
      return followsHousehold(viewer, decisive) ? null : before ? NOT_YOURS : deny(
        'En ny husstand må ha deg som boveileder',
        'A new household must have you as its counsellor',
      );
    }
    case 'visit':
      return followsBoth(viewer, before, after, links, true) ? null : NOT_YOURS;
    case 'inspection': {
      const planId = str((before ?? after)?.planId);
      if (planId) {
        const plans = [before, after].map((d) => str(d?.planId)).filter((p): p is string => !!p);
        return plans.every((p) => coordinates(viewer, links.plan(p))) ? null : deny(
          'Bare koordinatoren for Foyer-planen kan endre oppfølgingen',
          "Only the Foyer plan's coordinator can change its follow-up",
        );
      }
      return followsBoth(viewer, before, after, links, true) ? null : NOT_YOURS;
    }
    case 'task': {
      const hasHousehold = [before, after].some((d) => !!str(d?.householdId));
      const counsellorMay = viewer.roles.includes('counsellor') && (hasHousehold ? followsBoth(viewer, before, after, links, false) : true);
      if (counsellorMay) return null;
      // A unit marks its own task done; everything else about the task is the counsellor's.
      if (before && after && taskForUnit(viewer, before, links, now)) {
        if (changedFields(before, after).every((f) => TASK_FIELDS_UNITS_WRITE.includes(f))) return null;
      }
      return deny(
        'Du kan bare merke oppgaver for din enhet som utført',
        "You can only mark your unit's tasks as done",
      );
    }
    case 'plan': {
      const decisive = (before ?? after) as PlanFacts | null;
      return coordinates(viewer, decisive) ? null : deny(
        before ? 'Bare koordinatoren kan endre denne Foyer-planen' : 'En ny Foyer-plan må ha deg som koordinator',
        before ? 'Only the coordinator can change this Foyer plan' : 'A new Foyer plan must have you as its coordinator',
      );
    }
    default:
      return null;
  }
}
