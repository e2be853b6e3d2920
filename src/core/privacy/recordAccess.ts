/**
 * Who may read and write household data — households, their visits, home-visit checklists, tasks and Foyer plans —
 * per role, per record and per field. Pure: the server's sync policy calls it with the records it looked up.
 */
import { checklistSide } from '../checklist/checklistSide';
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
  return entity === 'inspection' && checklistSide(data) === 'household';
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

/**
 * A follow-up action on a dwelling: a task that names a dwelling and no household. It holds nothing about a family, so
 * it is seen whole by administrators, inspectors and the members of the unit that owns it, and by nobody else.
 */
export function isDwellingAction(data: Data | null): boolean {
  return !!data && !!str(data.dwellingId) && !str(data.householdId);
}

/** What the owning unit may change on its action: closing it (with a note and photos) or opening it again. */
const ACTION_FIELDS_UNITS_WRITE = ['status', 'doneAt', 'closeNote', 'closePhotos', 'closedByInspectionId'];

function seesAction(viewer: Viewer, action: Data): boolean {
  if (isAdmin(viewer) || viewer.roles.includes('inspector')) return true;
  const unit = str(action.ownerUnit) as OwnerUnit | undefined;
  return !!unit && viewer.units.includes(unit);
}

/**
 * What the rest of the intake team sees of an action: what the dwelling's verdict reads (an open TG3, red or gate
 * action keeps it "not suitable", which matters most when a family is matched to it) — not the finding's words or
 * photos, which show someone's home.
 */
const ACTION_FIELDS_FOR_INTAKE = ['title', 'ownerUnit', 'dwellingId', 'householdId', 'severity', 'dueDate', 'status', 'doneAt'];

/** Why the viewer may not make this change to a dwelling's action (either version is one), or null. */
function actionWriteDenial(viewer: Viewer, before: Data | null, after: Data | null): WriteDenial | null {
  // An action stays an action: nobody turns it into a household's task or the other way round here.
  if ((before && !isDwellingAction(before)) || (after && !isDwellingAction(after))) return NOT_AN_ACTION;
  if (viewer.roles.includes('inspector')) return null;
  const unit = str(before?.ownerUnit) as OwnerUnit | undefined;
  if (before && after && unit && viewer.units.includes(unit) && changedFields(before, after).every((f) => ACTION_FIELDS_UNITS_WRITE.includes(f))) return null;
  return ACTION_NOT_YOURS;
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
      if (isDwellingAction(data)) {
        if (seesAction(viewer, data)) return data;
        return viewer.roles.includes('intake') ? pick(data, ACTION_FIELDS_FOR_INTAKE) : null;
      }
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

/** What a link field points to. */
export type LinkTarget = 'household' | 'plan' | 'dwelling';

/**
 * The fields through which a record belongs to another record: writing the record is writing into each record these
 * name, so the writer must be allowed to write every one of them, in the version before and the version after.
 * Other id fields are references that hand over no data and are not links in this sense (a household's `dwellingId`
 * says where it lives; an allocation's `householdId` is the intake team's decision; a visit's `inspectionId` and a
 * task's `sourceVisitId` point at records that are themselves tied to the household).
 */
export const RECORD_LINKS: Partial<Record<EntityName, Readonly<Record<string, LinkTarget>>>> = {
  visit: { householdId: 'household' },
  inspection: { householdId: 'household', planId: 'plan', dwellingId: 'dwelling' },
  task: { householdId: 'household' },
  scheduledInspection: { dwellingId: 'dwelling' },
};

/** Every record the before and after versions link to (each once), by the link fields of the entity. */
export function linkedRecords(entity: EntityName, before: Data | null, after: Data | null): { field: string; to: LinkTarget; id: string }[] {
  const fields = RECORD_LINKS[entity] ?? {};
  const seen = new Map<string, { field: string; to: LinkTarget; id: string }>();
  for (const version of [before, after]) {
    if (!version) continue;
    for (const [field, to] of Object.entries(fields)) {
      const id = str(version[field]);
      if (id && !seen.has(`${to}:${id}`)) seen.set(`${to}:${id}`, { field, to, id });
    }
  }
  return [...seen.values()];
}

const NOT_AN_ACTION = deny(
  'Et tiltak på en bolig kan ikke gjøres om til en oppgave for en husstand',
  "A dwelling's action cannot be turned into a household's task",
);
const ACTION_NOT_YOURS = deny(
  'Bare inspektører kan endre tiltak på en bolig; enheten som eier tiltaket kan lukke det',
  "Only inspectors can change a dwelling's actions; the unit that owns an action can close it",
);

const NOT_COORDINATOR = deny('Bare koordinatoren for Foyer-planen kan endre oppfølgingen', "Only the Foyer plan's coordinator can change its follow-up");

/** Why the viewer may not write into a household or plan the versions link to (dwellings are the role table's). */
function linkDenial(viewer: Viewer, entity: EntityName, before: Data | null, after: Data | null, links: Links): WriteDenial | null {
  for (const link of linkedRecords(entity, before, after)) {
    if (link.to === 'household' && !followsHousehold(viewer, links.household(link.id))) return NOT_YOURS;
    if (link.to === 'plan' && !coordinates(viewer, links.plan(link.id))) return NOT_COORDINATOR;
  }
  return null;
}

/** A unit marking its own task done or open again: the one write that needs no right to the household it links to. */
function unitMarksOwnTask(viewer: Viewer, before: Data | null, after: Data | null, links: Links, now: Date): boolean {
  if (!before || !after || !taskForUnit(viewer, before, links, now)) return false;
  return changedFields(before, after).every((f) => TASK_FIELDS_UNITS_WRITE.includes(f));
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
  if (entity === 'task' && (isDwellingAction(before) || isDwellingAction(after))) return actionWriteDenial(viewer, before, after);
  if (entity === 'task' && !viewer.roles.includes('counsellor')) {
    // A unit marks its own task done; everything else about the task is the counsellor's.
    return unitMarksOwnTask(viewer, before, after, links, now) ? null : deny(
      'Du kan bare merke oppgaver for din enhet som utført',
      "You can only mark your unit's tasks as done",
    );
  }
  // Every household and plan either version links to must be the writer's, whatever the values (see RECORD_LINKS).
  const linked = linkDenial(viewer, entity, before, after, links);
  if (linked) return linked;
  switch (entity) {
    case 'household': {
      const decisive = (before ?? after) as HouseholdFacts | null;
      return followsHousehold(viewer, decisive) ? null : before ? NOT_YOURS : deny(
        'En ny husstand må ha deg som boveileder',
        'A new household must have you as its counsellor',
      );
    }
    case 'visit':
    case 'inspection':
      // Their links are checked above; a visit always names its household, a governed checklist its household or plan.
      return null;
    case 'task':
      // A counsellor writes tasks of the households they follow (checked above) and tasks about no household.
      return null;
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
