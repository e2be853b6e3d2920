/** User accounts: create, look up by username or id, and the shape the API reports. */
import { randomUUID } from 'node:crypto';
import { ROLES, type Role, type SessionUser } from '../../core/entities';
import { normalizeUsername } from '../../core/schemas/account';
import type { StoreTx, UserRow } from '../store/store';

export type { UserRow };

/** The account with this username (normalized), if any. */
export function findUserByUsername(store: StoreTx, username: string): Promise<UserRow | undefined> {
  return store.userByUsername(normalizeUsername(username));
}

/**
 * The account as the API and the app see it; roles the code no longer knows are left out. `mustChangePassword` is
 * present only while the mark is set, so an unmarked user looks as it always did.
 */
export function toSessionUser(row: Pick<UserRow, 'id' | 'username' | 'name' | 'roles'> & { mustChangePassword?: boolean }): SessionUser {
  const roles = row.roles.filter((r): r is Role => ROLES.includes(r as Role));
  const user: SessionUser = { id: row.id, username: row.username, name: row.name, roles };
  if (row.mustChangePassword) user.mustChangePassword = true;
  return user;
}

/**
 * Inserts an account (the caller has hashed the password); the database refuses a taken username.
 * `mustChangePassword`: the password is a temporary one an administrator chose.
 */
export async function insertUser(
  store: StoreTx,
  user: { id?: string; username: string; name: string; roles: readonly Role[]; passwordHash: string; mustChangePassword?: boolean },
  now: Date,
): Promise<SessionUser> {
  const row: UserRow = {
    id: user.id ?? randomUUID(),
    username: normalizeUsername(user.username),
    name: user.name.trim(),
    passwordHash: user.passwordHash,
    roles: [...user.roles],
    createdAt: now.toISOString(),
    disabled: false,
    mustChangePassword: !!user.mustChangePassword,
  };
  await store.insertUser(row);
  return toSessionUser(row);
}
