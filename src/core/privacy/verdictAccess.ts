/**
 * Who sees dwellings' verdicts: the roles that receive dwellings' checklists (the server's role table in
 * src/server/sync/policy.ts, checked against this list by a test). Anyone else holds the dwellings without their
 * checklists, so a verdict computed on their device would say "not assessed" about every dwelling.
 */
import type { Role } from '../entities';

/** The roles that read dwelling checklists, and so the verdicts built from them. */
export const VERDICT_READERS: readonly Role[] = ['admin', 'inspector', 'intake'];

/** True when a person with these roles holds dwellings' checklists and may be shown their verdicts. */
export function seesVerdicts(roles: readonly Role[]): boolean {
  return roles.some((r) => VERDICT_READERS.includes(r));
}
