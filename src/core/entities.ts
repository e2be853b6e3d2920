/** The names of every synced entity; each has one zod schema in src/core/schemas. */
export const ENTITY_NAMES = [
  'dwelling',
  'inspection',
  'household',
  'visit',
  'task',
  'allocation',
  'plan',
  'settings',
  'scheduledInspection',
  'poi',
] as const;

export type EntityName = (typeof ENTITY_NAMES)[number];

/** Roles a user account can hold. */
export const ROLES = ['admin', 'inspector', 'counsellor', 'intake'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The signed-in user as the server reports it and the app keeps it. `mustChangePassword` is true while the password is
 * a temporary one set by an administrator: the person must choose their own before anything else.
 */
export type SessionUser = { id: string; username: string; name: string; roles: Role[]; mustChangePassword?: boolean };
