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
};

/** The account with this username (normalized), if any. */
export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(normalizeUsername(username)) as UserRow | undefined;
}

/** The account as the API and the app see it; roles the code no longer knows are left out. */
export function toSessionUser(row: Pick<UserRow, 'id' | 'username' | 'name' | 'roles'>): SessionUser {
  const roles = (JSON.parse(row.roles) as unknown[]).filter((r): r is Role => ROLES.includes(r as Role));
  return { id: row.id, username: row.username, name: row.name, roles };
}

/** Inserts an account (the caller has hashed the password); the UNIQUE constraint refuses a taken username. */
export function insertUser(
  db: Db,
  user: { id?: string; username: string; name: string; roles: readonly Role[]; passwordHash: string },
  now: Date,
): SessionUser {
  const row = {
    id: user.id ?? randomUUID(),
    username: normalizeUsername(user.username),
    name: user.name.trim(),
    roles: JSON.stringify(user.roles),
  };
  db.prepare(
    'INSERT INTO users (id, username, name, password_hash, roles, created_at, disabled) VALUES (?, ?, ?, ?, ?, ?, 0)',
  ).run(row.id, row.username, row.name, user.passwordHash, row.roles, now.toISOString());
  return toSessionUser(row);
}
