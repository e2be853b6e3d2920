/**
 * Account administration: list, create, change (name, roles, units, disabled) and set a new password. Every change is
 * written to the account log in the same transaction; the command line and the API both come through here.
 */
import type { SessionUser } from '../../core/entities';
import { bilingual } from '../../core/schemas/bilingual';
import type { Account, AccountChange, AccountLogEntry, NewAccount } from '../../core/schemas/account';
import { OWNER_UNITS } from '../../core/schemas/ownerUnit';
import type { Db } from '../db';
import { ApiError } from '../http/error';
import { setUserUnits, userUnits } from '../privacy/units';
import { touchSeenDifferently, viewsBefore } from './accessChanges';
import { clearLoginFailures } from './loginThrottle';
import { hashToken } from './sessions';
import { findUserByUsername, insertUser, toSessionUser, type UserRow } from './users';

type Changes = AccountLogEntry['changes'];

function toAccount(db: Db, row: UserRow): Account {
  const user = toSessionUser(row);
  const units = userUnits(db, row.id);
  // In the list's order, as the account schemas give them, so a change compares like with like.
  return { ...user, units: OWNER_UNITS.filter((u) => units.includes(u)), disabled: row.disabled === 1, createdAt: row.created_at };
}

function rowOf(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

function log(db: Db, at: Date, actorId: string | null, userId: string, action: AccountLogEntry['action'], changes: Changes): void {
  db.prepare('INSERT INTO account_audit (at, actor_id, user_id, action, changes) VALUES (?, ?, ?, ?, ?)').run(
    at.toISOString(),
    actorId,
    userId,
    action,
    JSON.stringify(changes),
  );
}

// Ends every open session of the person, except the one making the request (an administrator setting their own password).
function revokeSessions(db: Db, userId: string, at: Date, keepToken?: string): number {
  return db
    .prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?')
    .run(at.toISOString(), userId, keepToken ? hashToken(keepToken) : '').changes;
}

/** 404 for an id that names no account. */
export function userNotFound(): ApiError {
  return new ApiError(404, 'not_found', bilingual('Fant ikke brukeren', 'User not found'));
}

/** Every account, by name. */
export function listAccounts(db: Db): Account[] {
  const rows = db.prepare('SELECT * FROM users ORDER BY name COLLATE NOCASE, username').all() as UserRow[];
  return rows.map((r) => toAccount(db, r));
}

/** One account, or undefined. */
export function findAccount(db: Db, id: string): Account | undefined {
  const row = rowOf(db, id);
  return row && toAccount(db, row);
}

/**
 * Creates an account (the caller has hashed the password) with its units, and logs it; `actorId` null = the command
 * line. `mustChangePassword`: the first password is a temporary one from an administrator. Throws 409
 * `username_taken` when the username is in use.
 */
export function createAccount(
  db: Db,
  input: Omit<NewAccount, 'password'> & { passwordHash: string; mustChangePassword?: boolean },
  actorId: string | null,
  now: Date,
): Account {
  return db.transaction(() => {
    if (findUserByUsername(db, input.username)) {
      throw new ApiError(409, 'username_taken', bilingual(`Brukernavnet «${input.username}» er tatt`, `The username "${input.username}" is taken`), [
        { code: 'custom', path: ['username'], message: bilingual('Brukernavnet er tatt; velg et annet', 'The username is taken; choose another') },
      ]);
    }
    const user = insertUser(db, input, now);
    setUserUnits(db, user.id, input.units);
    log(db, now, actorId, user.id, 'create', {
      username: { from: null, to: user.username },
      name: { from: null, to: user.name },
      roles: { from: null, to: user.roles },
      units: { from: null, to: input.units },
    });
    return findAccount(db, user.id)!;
  })();
}

function selfLockout(field: 'roles' | 'disabled', nb: string, en: string): ApiError {
  return new ApiError(409, 'self_lockout', bilingual(nb, en), [{ code: 'custom', path: [field], message: bilingual(nb, en) }]);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a change by an administrator and logs what really changed. An administrator may not take away their own
 * administrator role or disable themselves (409 `self_lockout`), so the last one always stays. Disabling ends the
 * person's sessions; new roles or units put the records they now see differently in the change feed.
 */
export function changeAccount(db: Db, actor: SessionUser, id: string, change: AccountChange, now: Date): Account {
  return db.transaction(() => {
    const row = rowOf(db, id);
    if (!row) throw userNotFound();
    const current = toAccount(db, row);
    if (id === actor.id && change.disabled === true) {
      throw selfLockout('disabled', 'Du kan ikke deaktivere din egen bruker', 'You cannot disable your own account');
    }
    if (id === actor.id && change.roles && current.roles.includes('admin') && !change.roles.includes('admin')) {
      throw selfLockout('roles', 'Du kan ikke ta bort din egen administratorrolle', 'You cannot remove your own administrator role');
    }
    const changes: Changes = {};
    for (const field of ['name', 'roles', 'units', 'disabled'] as const) {
      if (change[field] !== undefined && !same(change[field], current[field])) changes[field] = { from: current[field], to: change[field] };
    }
    if (Object.keys(changes).length === 0) return current;

    const accessChanges = changes.roles || changes.units;
    const before = accessChanges ? viewsBefore(db, toSessionUser(row), !!changes.roles, now) : null;
    db.prepare('UPDATE users SET name = ?, roles = ?, disabled = ? WHERE id = ?').run(
      change.name ?? current.name,
      JSON.stringify(change.roles ?? current.roles),
      (change.disabled ?? current.disabled) ? 1 : 0,
      id,
    );
    if (changes.units) setUserUnits(db, id, change.units!);
    // Revoked, not only refused while disabled: enabling the account again must not bring old tokens back.
    if (change.disabled === true) revokeSessions(db, id, now);
    log(db, now, actor.id, id, 'update', changes);
    const after = findAccount(db, id)!;
    if (before) touchSeenDifferently(db, before, { id, username: after.username, name: after.name, roles: after.roles }, now);
    return after;
  })();
}

/**
 * Sets a new password (hashed by the caller), logs that it happened (never the password), ends the person's other
 * sessions and clears their failed log-ins, so a person locked out by mistyping can sign in with it at once.
 * Set for someone else it is temporary: the person must change it at their next log-in. An administrator's own stays theirs.
 */
export function setAccountPassword(db: Db, actorId: string, id: string, passwordHash: string, now: Date, keepToken?: string): void {
  db.transaction(() => {
    const row = rowOf(db, id);
    if (!row) throw userNotFound();
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(passwordHash, id === actorId ? 0 : 1, id);
    revokeSessions(db, id, now, id === actorId ? keepToken : undefined);
    clearLoginFailures(db, row.username);
    log(db, now, actorId, id, 'password', {});
  })();
}

/**
 * A person's own new password (hashed by the caller, who has checked the current one): clears the temporary-password
 * mark, ends the person's other sessions (keeps `keepToken`'s) and logs that it happened, with the person as actor.
 */
export function changeOwnPassword(db: Db, id: string, passwordHash: string, now: Date, keepToken: string): void {
  db.transaction(() => {
    const row = rowOf(db, id);
    if (!row) throw userNotFound();
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(passwordHash, id);
    revokeSessions(db, id, now, keepToken);
    clearLoginFailures(db, row.username);
    log(db, now, id, id, 'password', {});
  })();
}

/** An account's change log, newest first. */
export function readAccountLog(db: Db, userId: string): AccountLogEntry[] {
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor_id, u.name AS actor_name, a.action, a.changes FROM account_audit a
       LEFT JOIN users u ON u.id = a.actor_id WHERE a.user_id = ? ORDER BY a.seq DESC LIMIT 500`,
    )
    .all(userId) as { seq: number; at: string; actor_id: string | null; actor_name: string | null; action: AccountLogEntry['action']; changes: string }[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    changes: JSON.parse(r.changes) as Changes,
  }));
}
