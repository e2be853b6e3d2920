/**
 * Account administration: list, create, change (name, roles, units, disabled) and set a new password. Every change is
 * written to the account log in the same transaction; the command line and the API both come through here.
 */
import type { SessionUser } from '../../core/entities';
import { bilingual } from '../../core/schemas/bilingual';
import type { Account, AccountChange, AccountLogEntry, NewAccount } from '../../core/schemas/account';
import { unknownChoiceMessage, unknownUnits } from '../../core/schemas/settingsChoices';
import type { Settings } from '../../core/schemas/settings';
import { storedSettings } from '../sync/storedSettings';
import type { Store, StoreTx } from '../store/store';
import { ApiError } from '../http/error';
import { setUserUnits, userUnits } from '../privacy/units';
import { touchSeenDifferently, viewsBefore } from './accessChanges';
import { clearLoginFailures } from './loginThrottle';
import { hashToken } from './sessions';
import { findUserByUsername, insertUser, toSessionUser, type UserRow } from './users';

type Changes = AccountLogEntry['changes'];

/** A person's units in the settings' order (units the settings no longer list after, by id), without repeats. */
function inSettingsOrder(units: readonly string[], settings: Settings | null): string[] {
  const order = (settings?.units ?? []).map((u) => u.id);
  const unique = [...new Set(units)];
  return [...order.filter((u) => unique.includes(u)), ...unique.filter((u) => !order.includes(u)).sort()];
}

async function toAccount(store: StoreTx, row: UserRow, settings?: Settings | null): Promise<Account> {
  const user = toSessionUser(row);
  const units = inSettingsOrder(await userUnits(store, row.id), settings === undefined ? await storedSettings(store) : settings);
  return { ...user, units, disabled: row.disabled, createdAt: row.createdAt };
}

function log(store: StoreTx, at: Date, actorId: string | null, userId: string, action: AccountLogEntry['action'], changes: Changes): Promise<void> {
  return store.appendAccountAudit({ at: at.toISOString(), actorId, userId, action, changes });
}

// Ends every open session of the person, except the one making the request (an administrator setting their own password).
function revokeSessions(store: StoreTx, userId: string, at: Date, keepToken?: string): Promise<number> {
  return store.revokeSessionsOf(userId, at.toISOString(), keepToken ? hashToken(keepToken) : undefined);
}

const UNITS_LABEL = { nb: 'Enheter', en: 'Units' };

/** 400 when `units` brings in a unit the settings do not list (units the person already holds stay allowed). */
function checkUnits(settings: Settings | null, units: readonly string[], held: readonly string[] = []): void {
  const [unknown] = unknownUnits(settings, units, held);
  if (unknown === undefined || !settings) return;
  const message = unknownChoiceMessage(settings, 'unit', UNITS_LABEL, unknown);
  throw new ApiError(400, 'invalid', message, [{ code: 'custom', path: ['units'], message }]);
}

/** 404 for an id that names no account. */
export function userNotFound(): ApiError {
  return new ApiError(404, 'not_found', bilingual('Fant ikke brukeren', 'User not found'));
}

/** Every account, by name. */
export async function listAccounts(store: StoreTx): Promise<Account[]> {
  const accounts: Account[] = [];
  const settings = await storedSettings(store);
  for (const row of await store.users()) accounts.push(await toAccount(store, row, settings));
  return accounts;
}

/** One account, or undefined. */
export async function findAccount(store: StoreTx, id: string): Promise<Account | undefined> {
  const row = await store.userById(id);
  return row && toAccount(store, row);
}

/**
 * Creates an account (the caller has hashed the password) with its units, and logs it; `actorId` null = the command
 * line. `mustChangePassword`: the first password is a temporary one from an administrator. Throws 409
 * `username_taken` when the username is in use.
 */
export function createAccount(
  store: Store,
  input: Omit<NewAccount, 'password'> & { passwordHash: string; mustChangePassword?: boolean },
  actorId: string | null,
  now: Date,
): Promise<Account> {
  return store.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username)) {
      throw new ApiError(409, 'username_taken', bilingual(`Brukernavnet «${input.username}» er tatt`, `The username "${input.username}" is taken`), [
        { code: 'custom', path: ['username'], message: bilingual('Brukernavnet er tatt; velg et annet', 'The username is taken; choose another') },
      ]);
    }
    const settings = await storedSettings(tx);
    checkUnits(settings, input.units);
    const units = inSettingsOrder(input.units, settings);
    const user = await insertUser(tx, input, now);
    await setUserUnits(tx, user.id, units);
    await log(tx, now, actorId, user.id, 'create', {
      username: { from: null, to: user.username },
      name: { from: null, to: user.name },
      roles: { from: null, to: user.roles },
      units: { from: null, to: units },
    });
    return (await findAccount(tx, user.id))!;
  });
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
export function changeAccount(store: Store, actor: SessionUser, id: string, asked: AccountChange, now: Date): Promise<Account> {
  return store.transaction(async (tx) => {
    const row = await tx.userById(id);
    if (!row) throw userNotFound();
    const settings = await storedSettings(tx);
    const current = await toAccount(tx, row, settings);
    // In the order an account lists them, so the same units compare equal however they were sent.
    const change: AccountChange = asked.units ? { ...asked, units: inSettingsOrder(asked.units, settings) } : asked;
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

    // The right to change the account is settled (an administrator, the account exists); now the values.
    if (changes.units) checkUnits(settings, change.units!, current.units);
    const accessChanges = changes.roles || changes.units;
    const before = accessChanges ? await viewsBefore(tx, toSessionUser(row), !!changes.roles, now) : null;
    await tx.updateUser(id, { name: change.name ?? current.name, roles: change.roles ?? current.roles, disabled: change.disabled ?? current.disabled });
    if (changes.units) await setUserUnits(tx, id, change.units!);
    // Revoked, not only refused while disabled: enabling the account again must not bring old tokens back.
    if (change.disabled === true) await revokeSessions(tx, id, now);
    await log(tx, now, actor.id, id, 'update', changes);
    const after = (await findAccount(tx, id))!;
    if (before) await touchSeenDifferently(tx, before, { id, username: after.username, name: after.name, roles: after.roles }, now);
    return after;
  });
}

/**
 * Sets a new password (hashed by the caller), logs that it happened (never the password), ends the person's other
 * sessions and clears their failed log-ins, so a person locked out by mistyping can sign in with it at once.
 * Set for someone else it is temporary: the person must change it at their next log-in. An administrator's own stays theirs.
 */
export function setAccountPassword(store: Store, actorId: string, id: string, passwordHash: string, now: Date, keepToken?: string): Promise<void> {
  return store.transaction(async (tx) => {
    const row = await tx.userById(id);
    if (!row) throw userNotFound();
    await tx.setPassword(id, passwordHash, id !== actorId);
    await revokeSessions(tx, id, now, id === actorId ? keepToken : undefined);
    await clearLoginFailures(tx, row.username);
    await log(tx, now, actorId, id, 'password', {});
  });
}

/**
 * A person's own new password (hashed by the caller, who has checked the current one): clears the temporary-password
 * mark, ends the person's other sessions (keeps `keepToken`'s) and logs that it happened, with the person as actor.
 */
export function changeOwnPassword(store: Store, id: string, passwordHash: string, now: Date, keepToken: string): Promise<void> {
  return store.transaction(async (tx) => {
    const row = await tx.userById(id);
    if (!row) throw userNotFound();
    await tx.setPassword(id, passwordHash, false);
    await revokeSessions(tx, id, now, keepToken);
    await clearLoginFailures(tx, row.username);
    await log(tx, now, id, id, 'password', {});
  });
}

/** An account's change log, newest first. */
export function readAccountLog(store: StoreTx, userId: string): Promise<AccountLogEntry[]> {
  return store.accountLog(userId, 500);
}
