/** User accounts in SQLite: create, look up by username or id, and the shape the API reports. */
import { randomUUID } from 'node:crypto';
import { ROLES, type Role, type SessionUser } from '../../core/entities';
import { normalizeUsername } from '../../core/schemas/account';
import type { Db } from '../db';

/** A row of the users table. */
export type UserRow = {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  roles: string;
  created_at: string;
  disabled: 0 | 1;
  /** 1 while the password is a temporary one from an administrator. */
  must_change_password: 0 | 1;
};

/** The account with this username (normalized), if any. */
export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(normalizeUsername(username)) as UserRow | undefined;
}

/**
 * The account as the API and the app see it; roles the code no longer knows are left out. `mustChangePassword` is
 * present only while the mark is set, so an unmarked user looks as it always did.
 */
export function toSessionUser(row: Pick<UserRow, 'id' | 'username' | 'name' | 'roles'> & { must_change_password?: 0 | 1 }): SessionUser {
  const roles = (JSON.parse(row.roles) as unknown[]).filter((r): r is Role => ROLES.includes(r as Role));
  const user: SessionUser = { id: row.id, username: row.username, name: row.name, roles };
  if (row.must_change_password === 1) user.mustChangePassword = true;
  return user;
}

/**
 * Inserts an account (the caller has hashed the password); the UNIQUE constraint refuses a taken username.
 * `mustChangePassword`: the password is a temporary one an administrator chose.
 */
export function insertUser(
  db: Db,
  user: { id?: string; username: string; name: string; roles: readonly Role[]; passwordHash: string; mustChangePassword?: boolean },
  now: Date,
): SessionUser {
  const row = {
    id: user.id ?? randomUUID(),
    username: normalizeUsername(user.username),
    name: user.name.trim(),
    roles: JSON.stringify(user.roles),
    must_change_password: (user.mustChangePassword ? 1 : 0) as 0 | 1,
  };
  db.prepare(
    'INSERT INTO users (id, username, name, password_hash, roles, created_at, disabled, must_change_password) VALUES (?, ?, ?, ?, ?, ?, 0, ?)',
  ).run(row.id, row.username, row.name, user.passwordHash, row.roles, now.toISOString(), row.must_change_password);
  return toSessionUser(row);
}
